import type { Problem } from '../errors.js';

/** One content line of a YAML file: where its key starts, and whether it opens a block. */
interface KeyLine {
  line: number;
  /** Spaces before the line's first character. */
  indent: number;
  /** Column (0-based) of the key, after any `- ` list markers. */
  keyColumn: number;
  key: string;
  /** `key:` with nothing after it: the lines below may be indented further. */
  opensBlock: boolean;
}

const KEY_LINE = /^( *)((?:- +)*)([^\s#'"[{-][^:#]*?|"[^"]*"|'[^']*'):(?: +(.*))?$/;

/**
 * A YAML indentation slip, told as one plain sentence. The parser's own messages for a key
 * indented one space too far or too little are several lines of its jargon ("Nested
 * mappings are not allowed in compact mappings", "Implicit keys need to be on a single
 * line"), often after the line that is really wrong. This looks at the lines around the
 * parser's first complaint for a key that does not line up with the key above it nor with
 * any key it could belong to, and names that line. Undefined when it finds none (the
 * parser's messages then stand).
 */
export function findIndentationSlip(text: string, firstErrorLine: number, file: string): Problem | undefined {
  const lines = text.split(/\r?\n/);
  // The slip is usually the line the parser names or the one after it (it may only notice
  // when the next key fails to line up).
  for (let target = Math.max(1, firstErrorLine - 1); target <= firstErrorLine + 1; target++) {
    const slip = slipAt(lines, target);
    if (slip)
      return { file, line: target, column: slip.column, message: slip.message, expected: slip.expected };
  }
  return undefined;
}

function slipAt(
  lines: readonly string[],
  target: number,
): { column: number; message: string; expected: string } | undefined {
  const current = keyLine(lines[target - 1], target);
  if (!current) return undefined;
  const above = previousKeyLines(lines, target);
  const previous = above[0];
  if (!previous || inBlockScalar(lines, target)) return undefined;
  if (previous.opensBlock && current.indent > previous.keyColumn) return undefined;
  if (
    current.indent === previous.keyColumn ||
    (current.keyColumn === previous.keyColumn && current.indent < current.keyColumn)
  )
    return undefined;
  // The columns a key may start at here: those of the keys it could belong with, the
  // enclosing mappings', found walking up through ever smaller indents.
  const allowed = new Set<number>([previous.keyColumn]);
  let limit = Math.min(previous.indent, previous.keyColumn);
  for (const line of above) {
    if (line.keyColumn < limit || line.indent < limit) {
      allowed.add(line.keyColumn);
      allowed.add(line.indent);
      limit = Math.min(line.indent, line.keyColumn);
    }
  }
  if (allowed.has(current.indent) && current.indent < previous.keyColumn) return undefined;
  const less = current.indent < previous.keyColumn;
  return {
    column: current.indent + 1,
    message: `this line is indented ${less ? 'less' : 'more'} than the key above it ("${previous.key}", line ${previous.line})`,
    expected: `"${current.key}" to start in column ${previous.keyColumn + 1} like "${previous.key}", or in the column of a key it belongs under`,
  };
}

function keyLine(text: string | undefined, line: number): KeyLine | undefined {
  if (text === undefined || text.includes('\t')) return undefined;
  const match = KEY_LINE.exec(text);
  if (!match) return undefined;
  const indent = match[1]!.length;
  return {
    line,
    indent,
    keyColumn: indent + match[2]!.length,
    key: match[3]!.trim(),
    opensBlock: (match[4] ?? '').trim() === '' || /^[|>]/.test(match[4]!.trim()),
  };
}

/** The key lines above `target`, nearest first, skipping blank lines, comments and list items without a key. */
function previousKeyLines(lines: readonly string[], target: number): KeyLine[] {
  const found: KeyLine[] = [];
  for (let i = target - 2; i >= 0 && found.length < 200; i--) {
    const text = lines[i]!;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const key = keyLine(text, i + 1);
    if (key) found.push(key);
  }
  return found;
}

/** Inside a `key: |` or `key: >` block the text is free; indentation there is not a slip. */
function inBlockScalar(lines: readonly string[], target: number): boolean {
  const indent = (lines[target - 1] ?? '').search(/\S/);
  for (let i = target - 2; i >= 0; i--) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    const own = text.search(/\S/);
    if (own < indent && /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(text)) return true;
    if (own < indent) return false;
  }
  return false;
}
