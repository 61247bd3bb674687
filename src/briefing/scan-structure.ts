/**
 * A quick look at YAML or JSON text before any parser sees it. The YAML parser keeps
 * about 1 KB per value and recurses once per level of nesting, so 5 MB of `[1,1,1,…]`
 * costs it gigabytes and `[[[[…]]]]` overflows its stack. This scan bounds both in one
 * linear pass, in constant memory, so such files are refused with a position first.
 *
 * Values are counted generously and without trying to understand the text: every
 * line, comma and opening bracket counts, even inside a quoted string. No trick of
 * quoting can then hide values from the count; a briefing is far below the limit
 * either way (the Geneva example counts under 700).
 * Nesting is counted the way YAML reads it (quoted scalars, comments and block scalars
 * skipped), so a bracket in a sentence is not a level; should the scan ever be fooled,
 * the parser's own stack overflow is still caught (parse-yaml.ts).
 */
export interface StructureLimits {
  depth: number;
  values: number;
}

export interface StructureProblem {
  kind: 'depth' | 'values';
  /** 1-based line and column where the limit was crossed. */
  line: number;
  column: number;
}

export function scanStructure(text: string, limits: StructureLimits): StructureProblem | undefined {
  return countValues(text, limits.values) ?? measureDepth(text, limits.depth);
}

function countValues(text: string, limit: number): StructureProblem | undefined {
  let values = 0;
  let line = 1;
  let lineStart = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      if (!blank) values++;
      if (values > limit) return { kind: 'values', line, column: i - lineStart + 1 };
      line++;
      lineStart = i + 1;
      blank = true;
    } else if (code === 0x2c || code === 0x5b || code === 0x7b)
      values++; // , [ {
    else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) blank = false;
    if (values > limit) return { kind: 'values', line, column: i - lineStart + 1 };
  }
  return undefined;
}

function measureDepth(text: string, limit: number): StructureProblem | undefined {
  const lines = text.split(/\r\n?|\n/);
  const blockIndents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarParent: number | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const indent = /^ */.exec(line)![0].length;
    if (blockScalarParent !== undefined) {
      // Lines of a `|` or `>` scalar are text, however they are indented.
      if (line.trim() === '' || indent > blockScalarParent) continue;
      blockScalarParent = undefined;
    }
    let i = 0;
    if (flow === 0 && quote === undefined) {
      const content = line.slice(indent);
      if (content === '' || content.startsWith('#')) continue;
      while (blockIndents.length > 0 && blockIndents[blockIndents.length - 1]! >= indent) blockIndents.pop();
      blockIndents.push(indent);
      i = indent;
      // `- - - x` nests one sequence per dash on a single line.
      while (/^[-?](?: |$)/.test(line.slice(i))) {
        blockIndents.push(i + 1);
        i += 2;
        while (line[i] === ' ') i++;
      }
    }
    let afterQuotedKey = false;
    for (; i < line.length; i++) {
      const ch = line[i]!;
      if (quote !== undefined) {
        if (quote === '"' && ch === '\\') i++;
        else if (ch === quote && quote === "'" && line[i + 1] === "'") i++;
        else if (ch === quote) quote = undefined;
        afterQuotedKey = quote === undefined;
        continue;
      }
      if (ch === ' ' || ch === '\t') continue;
      if (ch === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if (opensToken(line, i, flow, afterQuotedKey)) {
        if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '[' || ch === '{') flow++;
        else if ((ch === '|' || ch === '>') && flow === 0) {
          blockScalarParent = blockIndents[blockIndents.length - 1] ?? 0;
          break;
        }
      } else if ((ch === '[' || ch === '{') && flow > 0) flow++;
      if ((ch === ']' || ch === '}') && flow > 0) flow--;
      afterQuotedKey = afterQuotedKey && ch === ':';
      if (blockIndents.length + flow > limit) return { kind: 'depth', line: n + 1, column: i + 1 };
    }
  }
  return undefined;
}

/**
 * Whether position i starts a token, as YAML decides it: after a space or the start of
 * the line, or inside brackets after `[`, `{`, `,` (and `:` after a quoted key, as in
 * JSON). Elsewhere a quote or a bracket is part of a word: `it's`, `a[1]`.
 */
function opensToken(line: string, i: number, flow: number, afterQuotedKey: boolean): boolean {
  if (i === 0) return true;
  const previous = line[i - 1]!;
  if (previous === ' ' || previous === '\t') return true;
  if (flow === 0) return false;
  return previous === '[' || previous === '{' || previous === ',' || (previous === ':' && afterQuotedKey);
}
