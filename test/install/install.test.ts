import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The README's install routes, as a new team would take them: briefkit installed into an
 * empty project from a git URL (a bare clone of this repository, so nothing but the npm
 * registry is reached) and from a packed tarball, then `npx briefkit init` and `build`.
 * Each installs a few hundred MB from the registry and bundles briefkit, so they run with
 * SLOW=1 only (CI sets it).
 */
const slow = process.env.SLOW === '1';
/** npm installs and bundles: minutes each on a busy machine. */
const INSTALL_TIMEOUT = 20 * 60_000;
const repo = process.cwd();
const root = mkdtempSync(path.join(tmpdir(), 'briefkit-install-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', CI: 'true' },
    timeout: 15 * 60_000,
  });
}

/** An empty project that allows briefkit's prepare script (a git install bundles dist/ there). */
function emptyProject(name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name, private: true, allowScripts: { briefkit: true } }, null, 2)}\n`,
  );
  return dir;
}

/** `npx briefkit init`, then `npx briefkit build data`: the outputs of the example. */
function initAndBuild(dir: string): void {
  const init = run('npx', ['--no-install', 'briefkit', 'init'], dir);
  expect(init).toContain('created data/briefing.yaml');
  expect(init).toContain('skipped package.json (exists, depends on briefkit)');
  run('npx', ['--no-install', 'briefkit', 'build', 'data', '--quiet'], dir);
  expect(existsSync(path.join(dir, 'output/briefing.pdf'))).toBe(true);
  expect(existsSync(path.join(dir, 'output/briefing.pptx'))).toBe(true);
  // The copied templates are used without flags; the config and the briefing name the installed schemas.
  expect(readFileSync(path.join(dir, 'briefkit.config.yaml'), 'utf8')).toMatch(/^templates: templates$/m);
  expect(existsSync(path.join(dir, 'node_modules/briefkit/schema/briefing.schema.json'))).toBe(true);
}

describe.runIf(slow)('installing briefkit into an empty project', () => {
  it(
    'from a git URL: the prepare script bundles dist/',
    () => {
      const bare = path.join(root, 'briefkit.git');
      run('git', ['clone', '--quiet', '--bare', repo, bare], root);
      const dir = emptyProject('from-git');
      run('npm', ['install', `git+file://${bare}`], dir);
      expect(existsSync(path.join(dir, 'node_modules/briefkit/dist/cli.cjs'))).toBe(true);
      initAndBuild(dir);
    },
    INSTALL_TIMEOUT,
  );

  it(
    'from a packed tarball, without source maps',
    () => {
      // dist/ is bundled already (global setup); a prepare script here would rebuild it under
      // the tests running beside this one.
      run('npm', ['pack', '--ignore-scripts', '--pack-destination', root], repo);
      const tarball = readdirSync(root).find((f) => /^briefkit-.*\.tgz$/.test(f))!;
      const listing = run('tar', ['-tzf', path.join(root, tarball)], root);
      expect(listing).toContain('package/dist/cli.cjs');
      expect(listing).toContain('package/LICENSE');
      expect(listing).not.toMatch(/\.map$/m);
      const dir = emptyProject('from-tarball');
      run('npm', ['install', path.join(root, tarball)], dir);
      initAndBuild(dir);
    },
    INSTALL_TIMEOUT,
  );
});
