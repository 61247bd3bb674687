import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT, VERSION } from '../version.js';

/**
 * The npm install spec a new project should depend on: the one this briefkit was
 * installed from, so `npm install` in the project fetches the same thing (briefkit is
 * not on the npm registry yet, so `^0.1.0` would fail there).
 *   - run from a project's node_modules (npx briefkit, npm scripts): that project's own spec
 *     (`github:org/briefkit`, `git+https://…`, `file:../briefkit-0.1.0.tgz`), or what its lock
 *     file says was resolved;
 *   - run from a git clone: the clone's `origin` as `git+<url>`, else the clone's folder;
 *   - otherwise the version, for when briefkit is on the registry.
 * Relative `file:` specs are rewritten relative to the new project.
 */
export function installSpec(projectDir: string, packageRoot: string = PACKAGE_ROOT): string {
  const fromProject = specFromInstallingProject(packageRoot);
  if (fromProject !== undefined) return rebaseFileSpec(fromProject.spec, fromProject.dir, projectDir);
  if (existsSync(path.join(packageRoot, '.git'))) {
    const origin = gitOrigin(packageRoot);
    return origin !== undefined ? gitSpec(origin) : `file:${relativeSpecPath(projectDir, packageRoot)}`;
  }
  return `^${VERSION}`;
}

function specFromInstallingProject(packageRoot: string): { spec: string; dir: string } | undefined {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = packageRoot.lastIndexOf(marker);
  if (at < 0) return undefined;
  const dir = packageRoot.slice(0, at);
  const pkg = readJson(path.join(dir, 'package.json')) as
    { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined;
  const declared = pkg?.devDependencies?.briefkit ?? pkg?.dependencies?.briefkit;
  if (declared !== undefined) return { spec: declared, dir };
  const lock = readJson(path.join(dir, 'node_modules', '.package-lock.json')) as
    { packages?: Record<string, { resolved?: string; version?: string }> } | undefined;
  const entry = lock?.packages?.['node_modules/briefkit'];
  const resolved = entry?.resolved;
  if (resolved !== undefined && !/^https?:\/\/registry\./.test(resolved)) return { spec: resolved, dir };
  return entry?.version !== undefined ? { spec: `^${entry.version}`, dir } : undefined;
}

function rebaseFileSpec(spec: string, fromDir: string, toDir: string): string {
  const match = /^file:(.*)$/.exec(spec);
  if (!match || path.isAbsolute(match[1]!)) return spec;
  return `file:${relativeSpecPath(toDir, path.resolve(fromDir, match[1]!))}`;
}

function relativeSpecPath(fromDir: string, target: string): string {
  const rel = path.relative(path.resolve(fromDir), target).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : rel === '' ? '.' : `./${rel}`;
}

function gitOrigin(dir: string): string | undefined {
  try {
    const url = execFileSync('git', ['-C', dir, 'remote', 'get-url', 'origin'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    return url === '' ? undefined : url;
  } catch {
    return undefined;
  }
}

/** `git@github.com:org/briefkit.git` → `github:org/briefkit`; other URLs as `git+<url>`. */
function gitSpec(url: string): string {
  const github = /^(?:git@github\.com:|https:\/\/github\.com\/)([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url);
  if (github) return `github:${github[1]}`;
  if (url.startsWith('git+')) return url;
  if (url.startsWith('/')) return `git+file://${url}`;
  return `git+${url}`;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
