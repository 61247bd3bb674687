import { parseBriefingText } from '../briefing/load.js';
import type { SourceMap } from '../briefing/types.js';
import { BriefkitError, type ErrorCode, type Problem } from '../errors.js';
import { notAFileMessage, readBounded } from '../read-bounded.js';

/** A config or theme file, parsed, with the position of every value for located errors. */
export interface SettingsFile {
  file: string;
  /** The parsed value; `{}` for a file that holds only comments. */
  raw: unknown;
  sourceMap: SourceMap;
  bytes: Buffer;
}

export interface ReadSettingsOptions {
  /** CONFIG_ERROR or THEME_ERROR. */
  code: ErrorCode;
  /** "config file", "theme file": named in messages. */
  what: string;
  /** Where the file was named (a config's `theme:` line), so a missing file points there. */
  at?: Omit<Problem, 'message' | 'expected'>;
}

/** Settings are a few lines written by people; anything larger is a mistake or an attack. */
export const MAX_SETTINGS_BYTES = 256 * 1024;

/**
 * Reads a YAML or JSON settings file with the briefing's loader, so the same YAML
 * rules hold (no tags, no alias bombs, duplicate keys are errors) and every problem
 * has a line and column. A file of only comments is an empty mapping: `briefkit init`
 * writes a config whose every line is commented out.
 */
export async function readSettingsFile(file: string, options: ReadSettingsOptions): Promise<SettingsFile> {
  const fail = (message: string, expected: string): never => {
    throw new BriefkitError(options.code, { file, ...options.at, message, expected });
  };
  const read = await readBounded(file, MAX_SETTINGS_BYTES);
  if (!read.ok && read.reason === 'missing')
    fail(`${options.what} not found: ${file}`, `a ${options.what} that exists`);
  if (!read.ok && read.reason === 'not-a-file')
    fail(`the ${options.what} is ${notAFileMessage(read)}: ${file}`, `a ${options.what} that exists`);
  if (!read.ok && read.reason === 'too-large')
    fail(
      `the ${options.what} is ${Math.round(read.size / 1024)} KB`,
      `at most ${MAX_SETTINGS_BYTES / 1024} KB`,
    );
  const bytes = (read as { bytes: Buffer<ArrayBuffer> }).bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return fail(`the ${options.what} is not UTF-8 text`, 'a text file encoded as UTF-8');
  }
  if (text.trim() === '') return { file, raw: {}, sourceMap: { file, locate: () => undefined }, bytes };
  try {
    const loaded = parseBriefingText(text, file, bytes);
    return { file, raw: loaded.raw ?? {}, sourceMap: loaded.sourceMap, bytes };
  } catch (error) {
    // The parser's problems are already located; only the error code is the file's own.
    if (error instanceof BriefkitError && error.code === 'PARSE_ERROR')
      throw new BriefkitError(options.code, error.problems);
    throw error;
  }
}
