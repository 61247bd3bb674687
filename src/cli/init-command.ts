import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../display-path.js';
import { writeFileAtomic } from '../build/write-atomic.js';
import { fail } from '../errors.js';
import type { CliValues } from './args.js';
import { missingGitignoreLines } from './init-gitignore.js';
import {
  GITIGNORE_LINES,
  isGitSpec,
  SCAFFOLD_BUILD,
  scaffoldFiles,
  scaffoldPackageJson,
} from './init-scaffold.js';
import { installSpec } from './install-spec.js';
import type { CliIo } from './io.js';
import { lineDiff } from './line-diff.js';

/**
 * `briefkit init [dir]`: a briefing project that builds as it is, in an empty folder or
 * an existing repository. A file that exists is kept and reported as skipped; `--force`
 * replaces only briefkit's own files (templates, workflow), never the user's briefing,
 * config or package.json; .gitignore only ever gets the lines briefkit needs appended.
 * `--update` refreshes briefkit's own files, printing what changes in each.
 */
export async function initCommand(args: string[], values: CliValues, io: CliIo): Promise<number> {
  if (args.length > 1)
    fail('USAGE_ERROR', { message: 'init takes at most one folder', expected: 'briefkit init [dir]' });
  const dir = args[0] ?? '.';
  const shown = (rel: string): string => displayPath(path.join(dir, rel));
  const replace = values.force === true || values.update === true;
  let skipped = 0;
  for (const [rel, file] of await scaffoldFiles()) {
    const target = path.join(dir, rel);
    if (!existsSync(target)) {
      await writeFileAtomic(target, file.text);
      io.out(`created ${shown(rel)}`);
      continue;
    }
    const current = readFileSync(target, 'utf8');
    if (current === file.text) {
      io.out(`unchanged ${shown(rel)}`);
    } else if (replace && file.owner === 'briefkit') {
      if (values.update) for (const line of lineDiff(current, file.text)) io.out(`  ${line}`);
      await writeFileAtomic(target, file.text);
      io.out(`${values.update ? 'updated' : 'replaced'} ${shown(rel)}`);
    } else {
      skipped++;
      io.out(`skipped ${shown(rel)} (exists${file.owner === 'user' ? ', yours' : ''})`);
      if (rel === 'briefkit.config.yaml' && !/^templates\s*:/m.test(current))
        io.err(`note: add "templates: templates" to ${shown(rel)} to build with the copied templates`);
    }
  }
  await appendGitignore(dir, io);
  const spec = values.from ?? installSpec(dir);
  const install = await packageJsonStep(dir, spec, io);
  const cd = path.resolve(dir) === process.cwd() ? [] : [`  cd ${displayPath(dir)}`];
  io.err(
    [
      ...(skipped > 0 && !replace
        ? [
            `kept ${skipped} existing ${skipped === 1 ? 'file' : 'files'}; --force replaces briefkit's own (templates, workflow)`,
          ]
        : []),
      '',
      'Next:',
      ...cd,
      ...install,
      `  npx ${SCAFFOLD_BUILD}              # output/briefing.pdf and .pptx`,
      '  npx briefkit watch data/briefing.yaml   # rebuild on every save',
      '  git add . && git commit                 # with package-lock.json: CI runs npm ci',
    ].join('\n'),
  );
  return 0;
}

async function appendGitignore(dir: string, io: CliIo): Promise<void> {
  const file = path.join(dir, '.gitignore');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const missing = missingGitignoreLines(current ?? '', GITIGNORE_LINES);
  if (missing.length === 0) {
    io.out(`unchanged ${displayPath(file)}`);
    return;
  }
  const separator = current === undefined || current === '' || current.endsWith('\n') ? '' : '\n';
  await writeFileAtomic(file, `${current ?? ''}${separator}${missing.join('\n')}\n`);
  io.out(`${current === undefined ? 'created' : 'updated'} ${displayPath(file)} (${missing.join(', ')})`);
}

/** Writes package.json where there is none; returns the install lines of the "Next" steps. */
async function packageJsonStep(dir: string, spec: string, io: CliIo): Promise<string[]> {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) {
    await writeFileAtomic(file, scaffoldPackageJson(path.basename(path.resolve(dir)), spec));
    io.out(`created ${displayPath(file)} (briefkit: ${spec})`);
    return ['  npm install'];
  }
  const pkg = readPackageJson(file);
  if (pkg?.devDependencies?.briefkit !== undefined || pkg?.dependencies?.briefkit !== undefined) {
    io.out(`skipped ${displayPath(file)} (exists, depends on briefkit)`);
    return [];
  }
  io.out(`skipped ${displayPath(file)} (exists, yours)`);
  // Allowed before installing, so npm runs canvas's (and a git briefkit's) install script.
  const allow = [...(isGitSpec(spec) ? ['briefkit'] : []), 'canvas'].map(
    (name) => `allowScripts.${name}=true`,
  );
  return [`  npm pkg set ${allow.join(' ')} --json`, `  npm install --save-dev ${spec}`];
}

function readPackageJson(
  file: string,
): { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof readPackageJson>;
  } catch {
    return undefined;
  }
}
