import path from 'node:path';
import { readBounded } from '../read-bounded.js';
import { BUILD, VERSION } from '../version.js';
import { sha256 } from './hash.js';
import { manifestOptions, type Manifest } from './manifest.js';
import type { BuildPlan } from './plan.js';

export type UpToDate = { upToDate: true; manifest: Manifest } | { upToDate: false; reason: string };

/**
 * Compares a build plan with what the last build's manifest recorded: the tool version
 * and build, the options, the build date when it is pinned, the SHA-256 of every input
 * (hashed once, by planBuild), and the outputs still on disk with the recorded hashes.
 * Content, not modification times: a fresh CI checkout touches every file but changes none.
 */
export async function checkUpToDate(plan: BuildPlan): Promise<UpToDate> {
  const { outDir } = plan.settings;
  const manifest = await readManifest(path.join(outDir, plan.outputs.manifest));
  if (!manifest) return { upToDate: false, reason: 'no manifest from an earlier build' };
  if (manifest.version !== VERSION)
    return {
      upToDate: false,
      // Quoted only when it looks like a version: the manifest is not trusted to print.
      reason: `built by ${/^[\w.+-]{1,40}$/.test(String(manifest.version)) ? `briefkit ${manifest.version}` : 'another version'}`,
    };
  if (knownBuild(manifest.build) && knownBuild(BUILD) && manifest.build !== BUILD)
    return { upToDate: false, reason: 'built by another build of briefkit' };
  if (stableJson(manifest.options) !== stableJson(manifestOptions(plan.settings))) {
    return { upToDate: false, reason: 'options changed' };
  }
  if (plan.date.pinned && manifest.buildDate !== plan.date.value.toISOString()) {
    return { upToDate: false, reason: 'build date changed' };
  }
  const changed = firstDifference(manifest.inputs, plan.inputs);
  if (changed) return { upToDate: false, reason: `${changed} changed` };
  // The manifest is untrusted input: only the output names briefkit itself derives are read.
  const expected = plan.settings.formats.map((format) => plan.outputs[format]).sort();
  const recorded = Object.keys(manifest.outputs).sort();
  if (stableJson(recorded) !== stableJson(expected)) return { upToDate: false, reason: 'outputs changed' };
  for (const file of expected) {
    const hash = manifest.outputs[file];
    const output = await readBounded(path.join(outDir, file), MAX_OUTPUT_BYTES);
    if (!output.ok) return { upToDate: false, reason: `${file} is missing` };
    if (sha256(output.bytes) !== hash) return { upToDate: false, reason: `${file} was modified` };
  }
  return { upToDate: true, manifest };
}

/** Outputs are compared by hash; anything larger than this was not written by briefkit. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const read = await readBounded(file, MAX_MANIFEST_BYTES);
    if (!read.ok) return undefined;
    const value = JSON.parse(read.bytes.toString('utf8')) as Partial<Manifest>;
    const ok =
      value.tool === 'briefkit' &&
      isStringRecord(value.inputs) &&
      isStringRecord(value.outputs) &&
      typeof value.buildDate === 'string';
    return ok ? (value as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
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
