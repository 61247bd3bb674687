import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { BriefkitError, fail, type Problem } from '../errors.js';
import type { LoadedBriefing, SourceMap } from './types.js';

/** Briefings are text written by people; anything larger is a mistake or an attack. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Reads a YAML or JSON file and remembers where every value sits. Only touches the disk to read. */
export async function loadBriefing(file: string): Promise<LoadedBriefing> {
  const size = await stat(file).then(
    (s) => s.size,
    () =>
      fail('INPUT_NOT_FOUND', {
        file,
        message: 'file not found',
        expected: 'a path to a .yaml, .yml or .json briefing',
      }),
  );
  if (size > MAX_INPUT_BYTES) {
    fail('INPUT_TOO_LARGE', {
      file,
      message: `the file is ${(size / 1024 / 1024).toFixed(1)} MB`,
      expected: `at most ${MAX_INPUT_BYTES / 1024 / 1024} MB`,
    });
  }
  const bytes = await readFile(file);
  const text = decodeUtf8(bytes, file);
  return parseBriefingText(text, file, bytes);
}

/** Parses text already in memory (the API and tests use this); `file` names it in errors. */
export function parseBriefingText(text: string, file: string, bytes = Buffer.from(text)): LoadedBriefing {
  const isJson = path.extname(file).toLowerCase() === '.json';
  if (isJson) checkStrictJson(text, file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new BriefkitError(
      'PARSE_ERROR',
      doc.errors.map((error): Problem => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          message: firstLine(error.message),
          expected: isJson ? 'valid JSON' : 'valid YAML',
        };
      }),
    );
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  return { file, raw, bytes, sourceMap: createSourceMap(file, doc, lineCounter) };
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const offset = findInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    return fail('INPUT_NOT_UTF8', {
      file,
      line,
      message: `byte ${offset} is not valid UTF-8`,
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

function createSourceMap(file: string, doc: Document, lineCounter: LineCounter): SourceMap {
  return {
    file,
    locate(dataPath) {
      // Walk up the path until a node exists: a missing field points at its parent.
      for (let depth = dataPath.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(dataPath.slice(0, depth), true);
        if (isNode(node) && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
      return undefined;
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
