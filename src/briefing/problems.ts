import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { unknownKeyText } from './comma-slip.js';
import { describeIssue } from './describe-issue.js';
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
          const text = unknownKeyText('field', key, allowed ? closest(key, allowed) : undefined, {
            holder: issue.input,
            yaml: !/\.json$/i.test(map.file),
            locate: (k) => map.locateKey?.([...at, k]),
          });
          problems.push(
            problemAt(
              map,
              [...at, key],
              text.message,
              text.expected ?? (allowed ? `one of: ${allowed.join(', ')}` : undefined),
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
