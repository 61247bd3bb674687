import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { describeIssue, numberWritten } from './describe-issue.js';
import type { SourceMap } from './types.js';
import { unwrapSchema, type ZodDefLike } from './zod-schema-node.js';

export type DataPath = readonly (string | number)[];

/** `figures[2].source` — how a data path is printed. */
export function formatPath(dataPath: DataPath): string {
  return dataPath
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
    .join('');
}

/** A problem at a data path, located in the file through the source map. */
export function problemAt(
  map: SourceMap,
  dataPath: DataPath,
  message: string,
  expected?: string,
  about: 'value' | 'key' = 'value',
): Problem {
  const pos = (about === 'key' ? map.locateKey?.(dataPath) : undefined) ?? map.locate(dataPath);
  return {
    file: map.file,
    line: pos?.line,
    column: pos?.column,
    path: formatPath(dataPath),
    message,
    expected,
  };
}

/** Turns zod's issues into problems a person can act on. */
export function problemsFromZod(
  issues: readonly z.core.$ZodIssue[],
  map: SourceMap,
  root: z.ZodType,
  limit = Infinity,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    // Locating costs a walk of the document, so a flood of problems stops early (see validate.ts).
    if (problems.length > limit) break;
    const at = issue.path as (string | number)[];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = allowedKeys(root, at);
        for (const key of issue.keys.slice(0, limit + 1)) {
          // JSON has no unquoted text, so a comma cannot cut a value short there. A key of
          // digits is a split number ("74" is no slip for "id"), whatever its nearest field.
          const yaml = !/\.json$/i.test(map.file);
          const near = allowed ? closest(key, allowed) : undefined;
          const slip =
            yaml && (!near || /^\d+$/.test(key))
              ? commaSlip(issue.input, key, (k) => map.locateKey?.([...at, k]))
              : undefined;
          const guess = slip ? undefined : near;
          problems.push(
            problemAt(
              map,
              [...at, key],
              slip
                ? slip.split === 'number'
                  ? `unknown field "${key}": a comma split the number of "${slip.field}"`
                  : `unknown field "${key}": the comma before it ended the value of "${slip.field}"`
                : `unknown field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
              slip?.split === 'number'
                ? numberWritten(`${slip.field}: ${slip.text}`)
                : slip
                  ? `text with a comma in quotes, e.g. ${slip.field}: ${quoted(slip.text)}`
                  : allowed
                    ? `one of: ${allowed.join(', ')}`
                    : undefined,
              'key',
            ),
          );
        }
        break;
      }
      case 'invalid_union': {
        // A field of several shapes (text or { text, sources }; a number or [low, high]):
        // report what is wrong in the shape the value was written in, if one matches.
        const branch = matchingBranch(issue.errors);
        if (branch) {
          const nested = branch.map((i) => ({ ...i, path: [...at, ...i.path] }) as z.core.$ZodIssue);
          problems.push(...problemsFromZod(nested, map, root, limit));
          break;
        }
        // No shape fits: name every shape the field takes.
        const shapes = issue.errors.map((branch) => {
          const root = branch.find((i) => i.path.length === 0) ?? branch[0];
          return root ? describeIssue(root) : undefined;
        });
        const first = shapes.find((d) => d !== undefined);
        const expected = [...new Set(shapes.map((d) => d?.expected).filter((e): e is string => !!e))];
        problems.push(
          problemAt(
            map,
            at,
            first?.message ?? describeIssue(issue).message,
            expected.join(', or ') || undefined,
          ),
        );
        break;
      }
      default: {
        const { message, expected } = describeIssue(issue);
        const what = message === 'missing required field' ? fieldDescription(root, at) : undefined;
        problems.push(problemAt(map, at, message, what && expected ? `${expected}: ${what}` : expected));
      }
    }
  }
  return problems;
}

/**
 * `{ label: Inflation, December 2023, unit: percent }`: in a YAML flow mapping a comma ends
 * a value, so "December 2023" becomes a key without a value. When an unknown key has no
 * value and follows a field whose value is text (or a run of such keys does), the comma
 * was meant as part of that text: name the field and the text it was meant to hold.
 */
function commaSlip(
  holder: unknown,
  key: string,
  locate: (key: string) => { line: number; column: number } | undefined,
): { field: string; text: string; split: 'value' | 'number' } | undefined {
  if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) return undefined;
  const fields = holder as Record<string, unknown>;
  if (fields[key] !== null) return undefined;
  // In the order written (an object lists keys such as "2024" first, whatever the file says).
  const at = new Map(Object.keys(fields).map((k) => [k, locate(k)]));
  if ([...at.values()].some((pos) => pos === undefined)) return undefined;
  const keys = [...at.keys()].sort((a, b) => {
    const pa = at.get(a)!;
    const pb = at.get(b)!;
    return pa.line - pb.line || pa.column - pb.column;
  });
  let index = keys.indexOf(key);
  const parts: string[] = [];
  while (index > 0 && fields[keys[index]!] === null) parts.unshift(keys[index--]!);
  const field = keys[index]!;
  const value = fields[field];
  // A flow mapping on one line (a block mapping puts each key on its own line). Only the
  // run up to this key: later keys of the same slip report themselves.
  if (parts.length === 0 || at.get(field)!.line !== at.get(key)!.line) return undefined;
  if (typeof value === 'string') return { field, text: [value, ...parts].join(', '), split: 'value' };
  // value: 4,279 — thousands separators split a number the same way.
  // A group read as a number key loses its leading zeros ("074" is the key 74).
  if (Number.isInteger(value) && parts.every((part) => /^\d{1,3}$/.test(part)))
    return {
      field,
      text: `${String(value)}${parts.map((part) => part.padStart(3, '0')).join('')}`,
      split: 'number',
    };
  return undefined;
}

/** A YAML scalar in quotes that keep it one value: single quotes, unless it holds one. */
function quoted(text: string): string {
  return text.includes("'") ? JSON.stringify(text) : `'${text}'`;
}

/**
 * The branch of a union whose type the value has: its issues are not a wrong type of
 * the value itself. With several, the one with the fewest issues.
 */
function matchingBranch(
  branches: readonly (readonly z.core.$ZodIssue[])[],
): readonly z.core.$ZodIssue[] | undefined {
  const typed = branches.filter(
    (issues) => issues.length > 0 && !issues.some((i) => i.path.length === 0 && i.code === 'invalid_type'),
  );
  return typed.sort((a, b) => a.length - b.length)[0];
}

/** The fields of the object at this data path, read from the schema itself. */
function shapeAt(root: z.ZodType, dataPath: DataPath): Record<string, unknown> | undefined {
  let node: unknown = root;
  const unwrap = (): ZodDefLike | undefined => unwrapSchema(node);
  const pick = (want: string): void => {
    // A union's object or list branch, whichever the next step needs.
    const def = unwrap();
    if (def?.type !== 'union') return;
    node = def.options?.find((o) => (o as { _zod?: { def?: ZodDefLike } })._zod?.def?.type === want) ?? node;
  };
  for (const key of dataPath) {
    pick(typeof key === 'string' ? 'object' : 'array');
    const def = unwrap();
    if (def?.type === 'object' && typeof key === 'string') node = def.shape?.[key];
    else if (def?.type === 'array' && typeof key === 'number') node = def.element;
    else return undefined;
  }
  pick('object');
  const def = unwrap();
  return def?.type === 'object' ? def.shape : undefined;
}

/** The field names an object at this data path accepts. */
function allowedKeys(root: z.ZodType, dataPath: DataPath): string[] | undefined {
  const shape = shapeAt(root, dataPath);
  return shape ? Object.keys(shape).filter((k) => k !== '$schema') : undefined;
}

/**
 * What a missing field holds, from the schema's own description of it ("The id of an
 * entry in `sources`."), worded to follow "expected text: ".
 */
function fieldDescription(root: z.ZodType, dataPath: DataPath): string | undefined {
  const key = dataPath[dataPath.length - 1];
  if (typeof key !== 'string') return undefined;
  const field = shapeAt(root, dataPath.slice(0, -1))?.[key] as { description?: unknown } | undefined;
  const text = typeof field?.description === 'string' ? field.description.trim() : '';
  if (text === '' || text.length > 240) return undefined;
  const lower = /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
  return lower.replace(/\.$/, '');
}

/**
 * The allowed name nearest to a mistyped one, if it is near enough to be a typo. Cheap
 * bounds come first, so a long list of long ids costs little: names whose lengths, or
 * whose letters counted regardless of order, differ by more than a typo could make are
 * never compared letter by letter.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 256) return undefined;
  const near = Math.max(2, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  const counts = letterCounts(lower);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > near) continue;
    const other = candidate.toLowerCase();
    // Each edit changes the letter counts by at most 2: half their difference bounds the distance from below.
    if (countDifference(counts, other) / 2 > Math.min(near, bestDistance)) continue;
    const d = editDistance(lower, other);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= near ? best : undefined;
}

function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function countDifference(counts: ReadonlyMap<string, number>, text: string): number {
  const other = letterCounts(text);
  let difference = 0;
  for (const [ch, n] of counts) difference += Math.abs(n - (other.get(ch) ?? 0));
  for (const [ch, n] of other) if (!counts.has(ch)) difference += n;
  return difference;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
