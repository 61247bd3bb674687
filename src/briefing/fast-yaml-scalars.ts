/**
 * Scalars for the fast YAML reader (fast-yaml.ts): plain scalars resolved by the YAML 1.2
 * core schema exactly as the yaml library resolves them (its tests and resolvers, in its
 * order), and single-line quoted scalars. Whatever these functions do not handle throws
 * Unsupported, and the full parser reads the file instead.
 */

/** The text leaves the subset the fast reader handles: the yaml library decides. */
export class Unsupported extends Error {}

export function unsupported(): never {
  throw new Unsupported();
}

/**
 * The yaml library's core schema (yaml/dist/schema/core), in its order: the first test
 * that matches decides; a plain scalar no test matches is text.
 */
const CORE: readonly [RegExp, (text: string) => unknown][] = [
  [/^(?:~|[Nn]ull|NULL)?$/, () => null],
  [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'],
  [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
  [
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    (s) =>
      s.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : s[0] === '-'
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY,
  ],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
];

/** What the tests above match among texts that start with a letter: null and the booleans. */
const WORDS = new Map<string, null | boolean>([
  ...['null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['true', 'True', 'TRUE'].map((w) => [w, true] as const),
  ...['false', 'False', 'FALSE'].map((w) => [w, false] as const),
]);

/** A plain scalar's value: null, a boolean, a number, or the text itself. */
export function resolvePlain(text: string): unknown {
  // Most values and keys start with a letter: only nine words of those are not text.
  const first = text.charCodeAt(0);
  if ((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a)) {
    const word = WORDS.get(text);
    return word === undefined ? text : word;
  }
  for (const [test, resolve] of CORE) if (test.test(text)) return resolve(text);
  return text;
}

/** Whether a plain scalar reads as text (keys must: `1: x` or `true: x` is a number's or a boolean's key). */
export function isPlainText(text: string): boolean {
  return typeof resolvePlain(text) === 'string';
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

/**
 * A double-quoted scalar that ends on its line, from the opening quote at `start`:
 * the value and the index after the closing quote. The common escapes only.
 */
function readDoubleQuoted(line: string, start: number): { value: string; end: number } {
  let value = '';
  let from = start + 1;
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') return { value: value + line.slice(from, i), end: i + 1 };
    if (ch !== '\\') continue;
    value += line.slice(from, i);
    const next = line[i + 1] ?? '';
    if (next === 'u') {
      const hex = line.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) unsupported();
      value += String.fromCodePoint(parseInt(hex, 16));
      i += 5;
    } else {
      const escaped = ESCAPES[next];
      if (escaped === undefined) unsupported();
      value += escaped;
      i += 1;
    }
    from = i + 1;
  }
  return unsupported(); // continues on the next line
}

/** A single-quoted scalar that ends on its line (`''` is a quote). */
function readSingleQuoted(line: string, start: number): { value: string; end: number } {
  let value = '';
  let from = start + 1;
  for (let i = from; i < line.length; i++) {
    if (line[i] !== "'") continue;
    if (line[i + 1] === "'") {
      value += line.slice(from, i + 1);
      from = i + 2;
      i++;
      continue;
    }
    return { value: value + line.slice(from, i), end: i + 1 };
  }
  return unsupported();
}

/** A quoted scalar that ends on its line, `"..."` or `'...'`, from its opening quote at `start`. */
export function readQuoted(line: string, start: number): { value: string; end: number } {
  return line[start] === '"' ? readDoubleQuoted(line, start) : readSingleQuoted(line, start);
}

/** After a value on its line: nothing, or spaces and a comment. */
export function expectLineEnd(line: string, from: number): void {
  const rest = line.slice(from);
  if (rest !== '' && !/^ +(#.*)?$/.test(rest)) unsupported();
}
