import { existsSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../display-path.js';
import { writeFileAtomic } from '../build/write-atomic.js';
import { BriefkitError, fail } from '../errors.js';
import type { CliValues } from './args.js';
import type { CliIo } from './io.js';
import { SCAFFOLD_BUILD, scaffoldFiles, scaffoldPackageJson } from './init-scaffold.js';

/**
 * `briefkit init [dir]`: a new briefing project that builds as it is. Refuses to
 * overwrite a file unless --force; adds a package.json only where there is none.
 */
export async function initCommand(args: string[], values: CliValues, io: CliIo): Promise<number> {
  if (args.length > 1)
    fail('USAGE_ERROR', { message: 'init takes at most one folder', expected: 'briefkit init [dir]' });
  const dir = args[0] ?? '.';
  const files = await scaffoldFiles();
  const hasPackageJson = existsSync(path.join(dir, 'package.json'));
  if (!hasPackageJson) files.set('package.json', scaffoldPackageJson(path.basename(path.resolve(dir))));
  const existing = [...files.keys()].filter((rel) => existsSync(path.join(dir, rel)));
  if (existing.length > 0 && !values.force) {
    throw new BriefkitError(
      'USAGE_ERROR',
      existing.map((rel) => ({
        file: displayPath(path.join(dir, rel)),
        message: 'already exists',
        expected: 'an empty folder, or --force to overwrite',
      })),
    );
  }
  for (const [rel, text] of files) {
    await writeFileAtomic(path.join(dir, rel), text);
    io.out(`created ${displayPath(path.join(dir, rel))}`);
  }
  const cd = path.resolve(dir) === process.cwd() ? [] : [`  cd ${displayPath(dir)}`];
  io.err(
    [
      '',
      'Next:',
      ...cd,
      hasPackageJson ? '  npm install --save-dev briefkit' : '  npm install',
      `  npx ${SCAFFOLD_BUILD}            # output/briefing.pdf and .pptx`,
      '  npx briefkit watch data/briefing.yaml --templates templates   # rebuild on every save',
    ].join('\n'),
  );
  return 0;
}
