import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from './config-schema.js';

/**
 * The config that applies to a data file: the first `briefkit.config.yaml` (or .yml,
 * .json) in the data file's folder or a folder above it. The search stops at the
 * project's root, the first folder holding a package.json or .git, so a project
 * never picks up a config from outside itself.
 */
export async function findConfig(dataFile: string): Promise<string | undefined> {
  for (const dir of await configSearchDirs(dataFile)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (await isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The folders findConfig looks in, for watch: a config created later in one of them is seen. */
export async function configSearchDirs(dataFile: string): Promise<string[]> {
  const dirs: string[] = [];
  let dir = path.dirname(path.resolve(dataFile));
  for (;;) {
    dirs.push(dir);
    if ((await exists(path.join(dir, 'package.json'))) || (await exists(path.join(dir, '.git')))) return dirs;
    const parent = path.dirname(dir);
    if (parent === dir) return dirs;
    dir = parent;
  }
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
