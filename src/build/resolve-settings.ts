import path from 'node:path';
import { displayPath } from '../display-path.js';
import type { BuildOptions } from './options.js';
import type { OutputFormat } from './pipeline.js';
import { defaultTheme } from '../theme/default-theme.js';
import { loadTheme } from '../theme/load-theme.js';
import type { Theme } from '../theme/types.js';
import { findConfig } from '../config/find-config.js';
import { loadConfig, type ResolvedConfig } from '../config/load-config.js';

/** Every build setting decided: defaults < config file < options (the command line's flags). */
export interface ResolvedBuildOptions {
  formats: OutputFormat[];
  pageSize: 'A4' | 'Letter';
  deckCharts: 'native' | 'image';
  pdfa: boolean;
  templatesDir?: string;
  theme: Theme;
  outDir: string;
  /** The project folder: the config's folder, else the working folder. Image paths must stay inside it. */
  projectRoot: string;
  /** The config file that applied (absolute path) and its bytes, for the manifest. */
  config?: { file: string; bytes: Buffer };
}

/**
 * Finds and reads the config for a data file (or the one named by `options.config`),
 * loads the theme, and merges everything, option by option. Paths in the config are
 * relative to it; paths in options are relative to the working folder.
 */
export async function resolveBuildOptions(
  file: string,
  options: BuildOptions = {},
): Promise<ResolvedBuildOptions> {
  const config = await configFor(file, options.config);
  const projectRoot = config?.dir ?? process.cwd();
  const theme = await themeFor(options.theme, config, projectRoot);
  const templatesDir = options.templatesDir ?? config?.templatesDir;
  return {
    formats: [...(options.formats ?? config?.formats ?? ['pdf', 'pptx'])],
    pageSize: options.pageSize ?? config?.pageSize ?? 'A4',
    deckCharts: options.deckCharts ?? config?.deckCharts ?? 'native',
    pdfa: options.pdfa ?? config?.pdfa ?? false,
    ...(templatesDir !== undefined && { templatesDir }),
    theme,
    outDir: options.outDir ?? config?.outDir ?? 'output',
    projectRoot,
    ...(config && { config: { file: config.file, bytes: config.bytes } }),
  };
}

async function configFor(
  file: string,
  explicit: string | false | undefined,
): Promise<ResolvedConfig | undefined> {
  if (explicit === false) return undefined;
  if (explicit !== undefined) return loadConfig(explicit, { missingCode: 'USAGE_ERROR' });
  const found = await findConfig(file);
  return found === undefined ? undefined : loadConfig(displayPath(found));
}

async function themeFor(
  option: Theme | string | undefined,
  config: ResolvedConfig | undefined,
  projectRoot: string,
): Promise<Theme> {
  if (typeof option === 'object') return option;
  if (typeof option === 'string')
    return loadTheme(option, { from: 'flag', baseDir: process.cwd(), projectRoot });
  if (config?.theme) {
    return loadTheme(config.theme.ref, {
      from: 'config',
      baseDir: path.dirname(config.file),
      projectRoot,
      at: config.theme.at,
    });
  }
  return defaultTheme();
}
