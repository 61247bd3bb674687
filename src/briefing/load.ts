import path from 'node:path';
import { fail } from '../errors.js';
import { notAFileMessage, readBounded } from '../read-bounded.js';
import { DATA_LIMITS } from './limits.js';
import { checkStructure, parseYaml, parseYamlDocument } from './parse-yaml.js';
import type { LoadedBriefing } from './types.js';

/** Briefings are text written by people; anything larger is a mistake or an attack. */
export const MAX_INPUT_BYTES = DATA_LIMITS.inputBytes;

/** Reads a YAML or JSON file and remembers where every value sits. Only touches the disk to read. */
export async function loadBriefing(file: string): Promise<LoadedBriefing> {
  return parseBriefingBytes(await readBriefingFile(file), file);
}

/** A briefing file's bytes, refused with a located error when missing, not a regular file, or too large. */
export async function readBriefingFile(file: string): Promise<Buffer<ArrayBuffer>> {
  const read = await readBounded(file, MAX_INPUT_BYTES);
  if (!read.ok) {
    if (read.reason === 'too-large')
      fail('INPUT_TOO_LARGE', {
        file,
        message: `the file is ${(read.size / 1024 / 1024).toFixed(1)} MB`,
        expected: `at most ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
      });
    if (read.reason === 'not-a-file')
      fail('INPUT_NOT_FOUND', {
        file,
        message: `the briefing is ${notAFileMessage(read)}`,
        expected: 'a .yaml, .yml or .json file',
      });
    fail('INPUT_NOT_FOUND', {
      file,
      message: 'file not found',
      expected: 'a path to a .yaml, .yml or .json briefing',
    });
  }
  return read.bytes;
}

/** Bytes already read (the build plan reads the file once, to hash it and to build). */
export function parseBriefingBytes(bytes: Buffer<ArrayBuffer>, file: string): LoadedBriefing {
  return parseBriefingText(decodeUtf8(bytes, file), file, bytes);
}

/** Parses text already in memory (the API and tests use this); `file` names it in errors. */
export function parseBriefingText(text: string, file: string, bytes = Buffer.from(text)): LoadedBriefing {
  const isJson = path.extname(file).toLowerCase() === '.json';
  if (text.trim() === '') {
    fail('PARSE_ERROR', {
      file,
      line: 1,
      column: 1,
      message: 'the file is empty',
      expected: 'YAML or JSON data',
    });
  }
  if (!isJson) {
    const { raw, sourceMap } = parseYaml(text, file, 'valid YAML');
    return { file, raw, bytes, sourceMap };
  }
  // Before any parser: JSON.parse and the YAML parser both recurse per level of nesting.
  checkStructure(text, file);
  checkStrictJson(text, file);
  const { raw, sourceMap } = parseYamlDocument(text, file, 'valid JSON');
  return { file, raw, bytes, sourceMap };
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const offset = findInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset);
    const lineStart = before.lastIndexOf(0x0a) + 1;
    return fail('INPUT_NOT_UTF8', {
      file,
      line: before.toString('latin1').split('\n').length,
      // Columns count characters; the valid part of the line decodes as UTF-8.
      column: [...before.subarray(lineStart).toString('utf8')].length + 1,
      message: `the byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${offset} is not valid UTF-8`,
      expected: 'a text file encoded as UTF-8',
    });
  }
}

function findInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (low < high) {
    const mid = (low + high) >>> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  // `low` is the first byte that cannot continue; an unfinished sequence before it is the culprit.
  for (let back = 1; back <= 3 && low - back >= 0; back++) {
    const byte = bytes[low - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return back < length ? low - back : low;
  }
  return low;
}

/** YAML accepts more than JSON does; a .json file must be strict JSON. */
function checkStrictJson(text: string, file: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    let line: number | undefined;
    let column: number | undefined;
    if (lineCol) {
      line = Number(lineCol[1]);
      column = Number(lineCol[2]);
    } else if (position) {
      const before = text.slice(0, Number(position[1]));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    }
    fail('PARSE_ERROR', {
      file,
      line,
      column,
      message: message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*/, ''),
      expected: 'valid JSON',
    });
  }
}
