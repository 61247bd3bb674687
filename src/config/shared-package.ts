import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { readBoundedSync } from '../read-bounded.js';

/** `@org/house-theme`, `house-theme`, optionally with a path inside: `@org/house-theme/dark.yaml`. */
const PACKAGE_REF = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:\/(.+))?$/i;

export type SharedKind = 'theme' | 'templates';

export interface SharedPackage {
  /** The package's name as written. */
  name: string;
  /** The installed package's folder: paths inside its theme stay inside it. */
  root: string;
  /** The theme file or templates folder it provides. */
  target: string;
}

/**
 * A theme or a templates folder shared as an npm package, so a house style lives in one
 * place: `theme: "@org/house-theme"` finds the package in node_modules (the project's or
 * a folder above it, as Node does) and takes the file its package.json names under
 * `briefkit.theme` (else theme.yaml); templates take `briefkit.templates` (else the
 * package's templates/ folder, else the package itself). A path after the name picks a
 * file or folder inside the package. Undefined when the reference does not look like a
 * package name or no such package is installed.
 */
export function findSharedPackage(ref: string, fromDir: string, kind: SharedKind): SharedPackage | undefined {
  const match = PACKAGE_REF.exec(ref);
  if (!match || ref.includes('\\') || /\.(ya?ml|json)$/i.test(match[1]!)) return undefined;
  const [, name, inside] = match;
  const root = installedPackageRoot(name!, fromDir);
  if (root === undefined) return undefined;
  const relative = inside ?? declaredEntry(root, kind) ?? defaultEntry(root, kind);
  const target = path.resolve(root, relative);
  // A path inside the package stays inside it.
  if (path.relative(root, target).startsWith('..')) return undefined;
  return { name: name!, root, target };
}

/** Whether a reference can only mean a package (a scoped name): "not installed" is then the message. */
export function isScopedPackageRef(ref: string): boolean {
  return ref.startsWith('@') && PACKAGE_REF.test(ref);
}

function installedPackageRoot(name: string, fromDir: string): string | undefined {
  let dir = path.resolve(fromDir);
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A package.json is small; a larger one, or a FIFO or device in its place, is not read. */
const PACKAGE_JSON_BYTES = 1024 * 1024;

function declaredEntry(root: string, kind: SharedKind): string | undefined {
  try {
    const bytes = readBoundedSync(path.join(root, 'package.json'), PACKAGE_JSON_BYTES);
    if (!bytes) return undefined;
    const pkg = JSON.parse(bytes.toString('utf8')) as {
      briefkit?: Partial<Record<SharedKind, unknown>>;
    };
    const entry = pkg.briefkit?.[kind];
    return typeof entry === 'string' && entry !== '' ? entry : undefined;
  } catch {
    return undefined;
  }
}

function defaultEntry(root: string, kind: SharedKind): string {
  if (kind === 'theme')
    return (
      ['theme.yaml', 'theme.yml', 'theme.json'].find((f) => existsSync(path.join(root, f))) ?? 'theme.yaml'
    );
  return isDirectory(path.join(root, 'templates')) ? 'templates' : '.';
}

function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * The project a theme file typed on the command line belongs to: the nearest folder above
 * it with a package.json, a briefkit config or a .git, else its own folder. The logo and
 * font paths written in the theme stay inside that project, wherever the briefing is.
 */
export function projectRootOf(file: string): string {
  const start = path.dirname(path.resolve(file));
  let dir = start;
  for (;;) {
    if (
      ['package.json', 'briefkit.config.yaml', 'briefkit.config.yml', 'briefkit.config.json', '.git'].some(
        (f) => existsSync(path.join(dir, f)),
      )
    )
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}
