import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_INPUT_BYTES } from '../briefing/load.js';
import { loadTemplates } from '../compose/load-templates.js';
import { resolveBuildOptions, type ResolvedBuildOptions } from '../config/resolve-build-options.js';
import { BUILD, VERSION } from '../version.js';
import type { BuildTask } from './build-report.js';
import { outputName } from './build-report.js';
import { sha256 } from './hash.js';
import { hashInputs, manifestOptions, type Manifest } from './manifest.js';

export type UpToDate = { upToDate: true; manifest: Manifest } | { upToDate: false; reason: string };

/**
 * Compares what a build would read with what the last build's manifest recorded:
 * the tool version and build, the options, the build date when it is pinned, the SHA-256 of
 * every input, and the outputs still on disk with the recorded hashes. Content, not
 * modification times: a fresh CI checkout touches every file but changes none.
 */
export async function checkUpToDate(task: BuildTask): Promise<UpToDate> {
  const settings = await resolveBuildOptions(task.file, {
    ...task.options,
    ...(task.outDir !== undefined && { outDir: task.outDir }),
  });
  return checkResolved(task, settings);
}

/** checkUpToDate with the config and theme already read (buildToDisk reads them once). */
export async function checkResolved(task: BuildTask, settings: ResolvedBuildOptions): Promise<UpToDate> {
  const name = outputName(task.file);
  const { outDir } = settings;
  const manifest = await readManifest(path.join(outDir, `${name}.manifest.json`));
  if (!manifest) return { upToDate: false, reason: 'no manifest from an earlier build' };
  if (manifest.version !== VERSION)
    return { upToDate: false, reason: `built by briefkit ${manifest.version}` };
  if (knownBuild(manifest.build) && knownBuild(BUILD) && manifest.build !== BUILD)
    return { upToDate: false, reason: 'built by another build of briefkit' };
  if (stableJson(manifest.options) !== stableJson(manifestOptions(settings))) {
    return { upToDate: false, reason: 'options changed' };
  }
  if (task.datePinned && manifest.buildDate !== task.options.date.toISOString()) {
    return { upToDate: false, reason: 'build date changed' };
  }
  const size = await stat(task.file).then(
    (s) => s.size,
    () => undefined,
  );
  // Let the build itself report a missing or oversized file, with its location.
  if (size === undefined || size > MAX_INPUT_BYTES)
    return { upToDate: false, reason: 'data file unreadable' };
  const templates = await loadTemplates(settings.templatesDir);
  const data = await readFile(task.file);
  const inputs = await hashInputs(task.file, data, templates, settings.theme, settings.config);
  const changed = firstDifference(manifest.inputs, inputs);
  if (changed) return { upToDate: false, reason: `${changed} changed` };
  for (const [file, hash] of Object.entries(manifest.outputs)) {
    const bytes = await readFile(path.join(outDir, file)).catch(() => undefined);
    if (!bytes) return { upToDate: false, reason: `${file} is missing` };
    if (sha256(bytes) !== hash) return { upToDate: false, reason: `${file} was modified` };
  }
  return { upToDate: true, manifest };
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<Manifest>;
    const ok =
      value.tool === 'briefkit' && typeof value.inputs === 'object' && typeof value.outputs === 'object';
    return ok ? (value as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

function firstDifference(before: Record<string, string>, now: Record<string, string>): string | undefined {
  for (const [key, hash] of Object.entries(now)) if (before[key] !== hash) return key;
  return Object.keys(before).find((key) => !(key in now));
}

/** JSON with sorted keys, so option order never forces a rebuild. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/**
 * Whether a build id names one state of briefkit's code. Running from the TypeScript
 * sources ("source"), a bundle without its id ("unknown") and manifests written before
 * build ids cannot tell one state from another, so they never force a rebuild.
 */
function knownBuild(build: string | undefined): boolean {
  return build !== undefined && build !== 'source' && build !== 'unknown';
}
