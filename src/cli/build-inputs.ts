import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { outputName } from '../build/output-files.js';
import { BriefkitError, fail, type Problem } from '../errors.js';

const BRIEFING = /\.(ya?ml|json)$/i;

/**
 * The briefing files named on the command line. A folder stands for the briefings
 * directly inside it (sorted), for shells and CI steps that do not expand `*.yaml`;
 * the config file and hidden files are not briefings. A file named twice builds once.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const isDir = await stat(arg).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) {
      files.push(arg);
      continue;
    }
    const entries = (await readdir(arg)).filter(
      (entry) => BRIEFING.test(entry) && !entry.startsWith('.') && !entry.startsWith('briefkit.config.'),
    );
    files.push(...entries.sort().map((entry) => path.join(arg, entry)));
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Two briefings with the same base name would overwrite each other's outputs, and one
 * briefing's manifest may be another's input: refuse both before building.
 */
export function checkNameClashes(files: readonly string[]): void {
  const byName = new Map<string, string[]>();
  for (const file of files) byName.set(outputName(file), [...(byName.get(outputName(file)) ?? []), file]);
  const problems: Problem[] = [...byName]
    .filter(([, same]) => same.length > 1)
    .map(([name, same]) => ({
      message: `${same.join(' and ')} would both write ${name}.pdf`,
      expected: 'briefing files with different names, or separate --out folders',
    }));
  // An output may never be an input: `b.yaml` writes b.manifest.json, which may be a briefing here.
  const outputs = new Map(files.map((file) => [`${outputName(file)}.manifest.json`, file]));
  for (const file of files) {
    const writer = outputs.get(path.basename(file));
    if (writer === undefined || writer === file) continue;
    problems.push({
      file,
      message: `${writer} writes a manifest named ${path.basename(file)}, which would overwrite this input`,
      expected: "a briefing not named like another briefing's manifest (<name>.manifest.json)",
    });
  }
  if (problems.length > 0) throw new BriefkitError('USAGE_ERROR', problems);
}

/** An empty folder is a mistake (a wrong path, files not yet copied), not a successful build of nothing. */
export function noBriefingsFound(args: readonly string[]): never {
  return fail('INPUT_NOT_FOUND', {
    message: `no briefings found in ${args.join(', ')}`,
    expected: 'a folder that holds .yaml, .yml or .json briefings, or the briefing files themselves',
  });
}
