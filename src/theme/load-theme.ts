import { existsSync } from 'node:fs';
import path from 'node:path';
import { closest, formatPath, type DataPath } from '../briefing/problems.js';
import type { SourceMap } from '../briefing/types.js';
import { displayPath } from '../display-path.js';
import { resolveProjectPath } from '../config/project-path.js';
import { readSettingsFile } from '../config/read-settings-file.js';
import { validateSettings } from '../config/validate-settings.js';
import { BriefkitError, isBriefkitError, type ErrorCode, type Problem } from '../errors.js';
import { resolveFont } from './font-files.js';
import { checkLogoFile } from './logo.js';
import { completeTheme, mergeTheme, type ThemeOverrides } from './merge-theme.js';
import { findSharedPackage, isScopedPackageRef, projectRootOf } from '../config/shared-package.js';
import { SHIPPED_THEME_NAMES, shippedTheme, shippedThemeDefinition } from './shipped-themes.js';
import { fontFilesSchema, themeFileSchema, type ThemeFile } from './theme-schema.js';
import type { Theme } from './types.js';

type Where = Omit<Problem, 'message' | 'expected'>;

export interface LoadThemeOptions {
  /** The folder a relative theme path is written against: the config file's, or the working folder for a flag. */
  baseDir: string;
  /** Every path inside the theme (logo, fonts) must lead inside this folder. */
  projectRoot: string;
  /** Where the theme was named (a config's `theme:` line), so an unknown name points there. */
  at?: Where;
  /**
   * A theme named in a config file must itself lie inside the project; one given on the
   * command line is the user's own choice. USAGE_ERROR for a flag, CONFIG_ERROR for a config.
   */
  from: 'config' | 'flag';
}

/** A theme by reference: a shipped theme's name ("default", "ink") or the path of a theme file. */
export async function loadTheme(ref: string, options: LoadThemeOptions): Promise<Theme> {
  const shipped = shippedTheme(ref);
  if (shipped) return shipped;
  const code: ErrorCode = options.from === 'flag' ? 'USAGE_ERROR' : 'CONFIG_ERROR';
  const looksLikeFile = /[\\/]|\.(ya?ml|json)$/i.test(ref);
  // A shared theme from an npm package, unless a file of that name is right here.
  if (!(looksLikeFile && existsSync(path.resolve(options.baseDir, ref)))) {
    const shared = findSharedPackage(ref, options.baseDir, 'theme');
    if (shared) {
      return loadThemeFile(shared.target, {
        projectRoot: shared.root,
        ...(options.at && { at: options.at }),
        code,
      });
    }
    if (isScopedPackageRef(ref))
      throw new BriefkitError(code, {
        ...options.at,
        message: `theme package ${ref} is not installed`,
        expected: `npm install ${ref.split('/').slice(0, 2).join('/')}, then its theme file is found through its package.json ("briefkit": { "theme": "theme.yaml" })`,
      });
  }
  if (!looksLikeFile) {
    const guess = closest(ref, SHIPPED_THEME_NAMES);
    throw new BriefkitError(code, {
      ...options.at,
      message: `unknown theme "${ref}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      expected: `a shipped theme (${SHIPPED_THEME_NAMES.join(', ')}), a theme file such as themes/house.yaml, or an installed npm package that holds one`,
    });
  }
  const file =
    options.from === 'config'
      ? await resolveProjectPath(options.projectRoot, options.baseDir, ref, {
          what: 'theme file',
          at: options.at,
          code,
        })
      : path.resolve(options.baseDir, ref);
  // A theme typed on the command line may live in another project: the paths written in
  // it (logo, fonts) stay inside that one.
  const inside = !path.relative(path.resolve(options.projectRoot), file).startsWith('..');
  return loadThemeFile(file, {
    projectRoot: options.from === 'config' || inside ? options.projectRoot : projectRootOf(file),
    ...(options.at && { at: options.at }),
    code,
  });
}

/**
 * Reads, checks and resolves a theme file: every problem at once, each located in the
 * file, then the file's changes applied to the shipped theme it extends.
 */
export async function loadThemeFile(
  file: string,
  options: { projectRoot: string; at?: Where; code?: ErrorCode },
): Promise<Theme> {
  // Errors name the file as a person would type it: relative to the working folder.
  const settings = await readSettingsFile(displayPath(file), {
    code: options.code ?? 'THEME_ERROR',
    what: 'theme file',
    ...(options.at && { at: options.at }),
  });
  const spec = validateSettings(
    themeFileSchema,
    settings.raw,
    settings.sourceMap,
    'THEME_ERROR',
    fontFilesSchema,
  );
  const map = settings.sourceMap;
  const dir = path.dirname(path.resolve(file));
  const problems: Problem[] = [];
  const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (!isBriefkitError(error)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const resolvePath = (written: string, at: Where, what: string): Promise<string> =>
    resolveProjectPath(options.projectRoot, dir, written, { what, at, code: 'THEME_ERROR' });

  // The schema has checked the name already.
  const base = shippedThemeDefinition(spec.extends ?? 'default')!;
  const fonts: ThemeOverrides['fonts'] = {};
  for (const role of ['body', 'heading'] as const) {
    const fontSpec = spec.fonts?.[role];
    if (fontSpec === undefined) continue;
    const faces = await attempt(() =>
      resolveFont(fontSpec, {
        at: (field) => locate(map, ['fonts', role, ...(field ? [field] : [])]),
        resolve: (written, field) => resolvePath(written, locate(map, ['fonts', role, field]), 'font file'),
      }),
    );
    if (faces) fonts[role] = faces;
  }
  const logos: Pick<ThemeOverrides, 'logo' | 'logoOnDark'> = {};
  for (const key of ['logo', 'logoOnDark'] as const) {
    const written = spec[key];
    if (written === undefined) continue;
    const at = locate(map, [key]);
    const logo = await attempt(async () => {
      const resolved = await resolvePath(written, at, 'logo');
      await checkLogoFile(resolved, at);
      return resolved;
    });
    if (logo) logos[key] = logo;
  }
  if (problems.length > 0) throw new BriefkitError('THEME_ERROR', problems);
  return completeTheme(mergeTheme(base, { ...toOverrides(spec, file), fonts, ...logos }));
}

/** The file's colours, sizes and spacing as overrides; colours normalised to "#RRGGBB". */
function toOverrides(spec: ThemeFile, file: string): ThemeOverrides {
  const hex = (color: string | undefined): string | undefined =>
    color === undefined
      ? undefined
      : color.length === 4
        ? `#${[...color.slice(1)].map((c) => c + c).join('')}`.toUpperCase()
        : color.toUpperCase();
  const colors = (group: Record<string, unknown> | undefined): Record<string, unknown> | undefined =>
    group &&
    Object.fromEntries(
      Object.entries(group).map(([key, value]) => [
        key,
        typeof value === 'string'
          ? hex(value)
          : Array.isArray(value)
            ? value.map((v) => hex(v as string))
            : value,
      ]),
    );
  return {
    name: spec.name ?? themeNameOf(file),
    file: path.resolve(file),
    ...(spec.colors && { colors: colors(spec.colors) as ThemeOverrides['colors'] }),
    ...(spec.page && { page: spec.page }),
    ...(spec.sizes && { sizes: spec.sizes }),
    ...(spec.deck && { deck: colors(spec.deck) as ThemeOverrides['deck'] }),
  };
}

/** "house" for themes/house.yaml: a name for the manifest, in the characters names allow. */
function themeNameOf(file: string): string {
  const base = path
    .basename(file, path.extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'theme';
}

function locate(map: SourceMap, dataPath: DataPath): Where {
  const pos = map.locate(dataPath);
  return { file: map.file, line: pos?.line, column: pos?.column, path: formatPath(dataPath) };
}
