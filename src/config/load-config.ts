import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatPath, type DataPath } from '../briefing/problems.js';
import type { SourceMap } from '../briefing/types.js';
import { BriefkitError, isBriefkitError, type ErrorCode, type Problem } from '../errors.js';
import { findSharedPackage } from './shared-package.js';
import { configSchema } from './config-schema.js';
import { resolveProjectPath } from './project-path.js';
import { readSettingsFile } from './read-settings-file.js';
import { validateSettings } from './validate-settings.js';

type Where = Omit<Problem, 'message' | 'expected'>;

/** A config file, checked, with its paths resolved (absolute, inside its folder). */
export interface ResolvedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** The project folder: where the config file is. Every path in it stays inside. */
  dir: string;
  /** The file's bytes, for the manifest. */
  bytes: Buffer;
  outDir?: string;
  formats?: ('pdf' | 'pptx')[];
  pageSize?: 'A4' | 'Letter';
  deckCharts?: 'native' | 'image';
  pdfa?: boolean;
  templatesDir?: string;
  /** The theme as written (a name or a path), and where, for the theme loader's errors. */
  theme?: { ref: string; at: Where };
}

/**
 * Reads and checks a config file like a briefing: every problem at once, located, with
 * "did you mean" for a misspelt key. `code` is USAGE_ERROR when the file was named on
 * the command line and does not exist.
 */
export async function loadConfig(
  file: string,
  options: { missingCode?: ErrorCode } = {},
): Promise<ResolvedConfig> {
  const absolute = path.resolve(file);
  if (options.missingCode && !(await isFile(absolute))) {
    throw new BriefkitError(options.missingCode, {
      file,
      message: 'config file not found',
      expected: 'a briefkit.config.yaml or .json file',
    });
  }
  const settings = await readSettingsFile(file, { code: 'CONFIG_ERROR', what: 'config file' });
  const map = settings.sourceMap;
  const config = validateSettings(configSchema, settings.raw, map, 'CONFIG_ERROR');
  const dir = path.dirname(absolute);
  const problems: Problem[] = [];
  const folder = async (key: 'out' | 'templates', mustExist: boolean): Promise<string | undefined> => {
    const written = config[key];
    if (written === undefined) return undefined;
    const at = locate(map, [key]);
    // Shared templates from an npm package the project installed (`templates: "@org/house"`).
    if (key === 'templates' && !(await isDirectory(path.resolve(dir, written)))) {
      const shared = findSharedPackage(written, dir, 'templates');
      if (shared) return shared.target;
    }
    try {
      const resolved = await resolveProjectPath(dir, dir, written, {
        what: 'folder',
        at,
        code: 'CONFIG_ERROR',
      });
      if (mustExist && !(await isDirectory(resolved))) {
        problems.push({
          ...at,
          message: `templates folder not found: ${written}`,
          expected: 'a folder of .hbs templates, or an installed npm package that holds one',
        });
      }
      return resolved;
    } catch (error) {
      if (!isBriefkitError(error)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const outDir = await folder('out', false);
  const templatesDir = await folder('templates', true);
  if (problems.length > 0) throw new BriefkitError('CONFIG_ERROR', problems);
  return {
    file: absolute,
    dir,
    bytes: settings.bytes,
    ...(outDir !== undefined && { outDir }),
    ...(config.formats && { formats: [...new Set(config.formats)] }),
    ...(config.pageSize && { pageSize: config.pageSize }),
    ...(config.deckCharts && { deckCharts: config.deckCharts }),
    ...(config.pdfa !== undefined && { pdfa: config.pdfa }),
    ...(templatesDir !== undefined && { templatesDir }),
    ...(config.theme !== undefined && { theme: { ref: config.theme, at: locate(map, ['theme']) } }),
  };
}

function locate(map: SourceMap, dataPath: DataPath): Where {
  const pos = map.locate(dataPath);
  return { file: map.file, line: pos?.line, column: pos?.column, path: formatPath(dataPath) };
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
