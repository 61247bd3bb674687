import path from 'node:path';
import type { BuildOptions } from '../build/options.js';
import { resolveBuildOptions } from '../build/resolve-settings.js';
import { builtInTemplatesDir } from '../compose/load-templates.js';
import { CONFIG_FILE_NAMES } from '../config/config-schema.js';
import { findConfig } from '../config/find-config.js';
import { readBriefingFile } from '../briefing/load.js';
import { briefingImagePaths } from '../images/read-image-files.js';
import { themeFontFaces } from '../theme/merge-theme.js';

export interface WatchTargets {
  /** Single files: the data, the config (or where one would be found), the theme file, logos, font files, the briefing's images. */
  files: string[];
  /** Template folders: the user's and briefkit's own. */
  folders: string[];
}

/**
 * What a build of `file` reads that a person edits. A config or theme that is broken
 * right now still has its file watched: the build reports the problem, and the save
 * that fixes it rebuilds.
 */
export async function watchTargets(
  file: string,
  options: Pick<BuildOptions, 'config' | 'theme' | 'templatesDir'>,
): Promise<WatchTargets> {
  const config = typeof options.config === 'string' ? options.config : await findConfig(file);
  // With no config yet, watch where one would be found: next to the data, and here.
  const configFiles = config
    ? [config]
    : [path.dirname(path.resolve(file)), process.cwd()].map((dir) => path.join(dir, CONFIG_FILE_NAMES[0]));
  const files = [file, ...configFiles];
  const folders = [builtInTemplatesDir()];
  try {
    const settings = await resolveBuildOptions(file, options);
    const { theme } = settings;
    const fonts = themeFontFaces(theme)
      .flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic])
      .filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`));
    files.push(
      ...[theme.file, theme.logo, theme.logoOnDark].filter((f): f is string => f !== undefined),
      ...fonts,
      ...(await imagesOf(file, settings.projectRoot)),
    );
    if (settings.templatesDir) folders.unshift(settings.templatesDir);
  } catch {
    if (options.templatesDir) folders.unshift(options.templatesDir);
  }
  return { files: [...new Set(files.map((f) => path.resolve(f)))], folders: [...new Set(folders)] };
}

/** The image files the briefing names now (none while it cannot be read or parsed). */
async function imagesOf(file: string, projectRoot: string): Promise<string[]> {
  try {
    return await briefingImagePaths(await readBriefingFile(file), file, projectRoot);
  } catch {
    return [];
  }
}
