import {
  expectLineEnd,
  isPlainText,
  readQuoted,
  resolvePlain,
  unsupported,
  Unsupported,
} from './fast-yaml-scalars.js';
import { DATA_LIMITS } from './limits.js';
import type { SourceMap } from './types.js';

/**
 * A fast reader for the YAML that people write in briefings: block mappings and
 * sequences, plain and single-line quoted scalars, `|` and `>` block scalars, one-line
 * flow lists and mappings (`[a, b]`, `{ id: x }`), comments. On a cold start it reads the Geneva example in a few
 * milliseconds where the yaml library, compiling itself as it goes, takes ~30 ms.
 *
 * It gives exactly what the yaml library gives (the same values, the same line and column
 * for every data path) or nothing: anything else (anchors, tags, flow collections over several lines, quoted
 * keys, duplicate keys, an empty value, a tab, text it is not sure of) makes it return
 * undefined, and parse-yaml.ts reads the file with the library, which also words every
 * error. test/briefing/fast-yaml.test.ts compares both on every fixture and on mutations.
 */
export function readFastYaml(text: string, file: string): { raw: unknown; sourceMap: SourceMap } | undefined {
  // Tabs, carriage returns and control characters have rules of their own; document markers and directives too.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  if (!text.endsWith('\n')) return undefined;
  try {
    return new FastReader(text, file).read();
  } catch (error) {
    // A stack overflow on deep nesting also leaves the file to the library (and its limits).
    if (error instanceof Unsupported || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Where a node starts (offset into the text), and where its children do: for SourceMap. */
interface Place {
  offset: number;
  /** A mapping's entries: each key's offset and the value's place. */
  entries?: Map<string, { key: number; value: Place }>;
  items?: Place[];
}

/** Nesting the fast reader reads: a briefing needs 6 levels. */
export const MAX_FAST_DEPTH = 10;

/** Indicators that may not start a plain scalar (or that start something the fast reader leaves alone). */
const INDICATOR = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?: |$))/;

/** Plain text inside brackets, up to a comma, a bracket, a colon, a comment or a quote. */
const FLOW_PLAIN = /^[^,[\]{}#:"']+/;

class FastReader {
  private readonly lines: string[];
  private readonly starts: number[] = [];
  private i = 0;
  private values = 0;
  /** Mappings and lists open around the current one. */
  private depth = 0;
  private chars = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.lines = text.slice(0, -1).split('\n');
    let offset = 0;
    for (const line of this.lines) {
      this.starts.push(offset);
      offset += line.length + 1;
    }
  }

  read(): { raw: unknown; sourceMap: SourceMap } {
    this.skipBlank();
    if (this.i >= this.lines.length) unsupported(); // only comments: the library says what that is
    const root: Place = { offset: 0 };
    const raw = this.block(indentOf(this.lines[this.i]!), root);
    this.skipBlank();
    if (this.i < this.lines.length) unsupported();
    // The library counts values and characters as checkExpandedSize does; near the limits it decides.
    if (this.values > DATA_LIMITS.values / 2 || this.chars > DATA_LIMITS.inputBytes / 2) unsupported();
    return { raw, sourceMap: placesSourceMap(this.file, this.starts, root) };
  }

  /** Skips lines that hold nothing or only a comment. */
  private skipBlank(): void {
    while (this.i < this.lines.length && /^ *(?:#.*)?$/.test(this.lines[this.i]!)) this.i++;
  }

  /** A mapping or a sequence whose first line (this.i) is indented `indent`. */
  private block(indent: number, place: Place): unknown {
    const line = this.lines[this.i]!;
    if (isSeqEntry(line, indent)) return this.sequence(indent, place);
    return this.mapping(indent, indent, place);
  }

  /**
   * A mapping or list starts. Nesting is bounded well below DATA_LIMITS.depth: deeper files go
   * to the library after checkStructure, and within the bound that check cannot fail (see parseYaml).
   */
  private open(): void {
    this.values++;
    if (++this.depth > MAX_FAST_DEPTH) unsupported();
  }

  private count(value: unknown): unknown {
    this.values++;
    this.chars += typeof value === 'string' ? value.length : 8;
    return value;
  }

  /** A block mapping at `indent`; its first key is at column `column` of this.i (further right after `- `). */
  private mapping(indent: number, column: number, place: Place): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const entries = new Map<string, { key: number; value: Place }>();
    place.offset = this.starts[this.i]! + column;
    place.entries = entries;
    this.open();
    for (;;) {
      const line = this.lines[this.i]!;
      const colon = keyEnd(line, column);
      const key = line.slice(column, colon);
      if (key in result || key in Object.prototype || !isPlainText(key) || key.length > 1000) unsupported();
      const value: Place = { offset: 0 };
      entries.set(key, { key: this.starts[this.i]! + column, value });
      this.count(key);
      result[key] = this.value(colon + 1, indent, value, true);
      this.skipBlank();
      if (this.i >= this.lines.length) break;
      const next = indentOf(this.lines[this.i]!);
      if (next < indent) break;
      if (next > indent) unsupported();
      column = indent;
    }
    this.depth--;
    return result;
  }

  /** A block sequence at `indent`, this.i on its first `-`. */
  private sequence(indent: number, place: Place): unknown[] {
    const result: unknown[] = [];
    const items: Place[] = [];
    place.offset = this.starts[this.i]! + indent;
    place.items = items;
    this.open();
    for (;;) {
      const line = this.lines[this.i]!;
      const item: Place = { offset: 0 };
      items.push(item);
      let column = indent + 1;
      while (line[column] === ' ') column++;
      if (column < line.length && line[column] !== '#' && isKeyLine(line, column)) {
        // `- key: value`: a mapping inside the item, its keys aligned on the first one.
        result.push(this.mapping(column, column, item));
      } else {
        result.push(this.value(indent + 1, indent, item, false));
      }
      this.skipBlank();
      if (this.i >= this.lines.length) break;
      const next = this.lines[this.i]!;
      const nextIndent = indentOf(next);
      if (nextIndent > indent) unsupported();
      if (nextIndent < indent || !isSeqEntry(next, indent)) break;
    }
    this.depth--;
    return result;
  }

  /**
   * The value after a key's `:` or an item's `-` (at index `from` of this.i); `parent`
   * is the indentation of the mapping or sequence it belongs to. Leaves this.i after it.
   */
  private value(from: number, parent: number, place: Place, inMapping: boolean): unknown {
    const line = this.lines[this.i]!;
    let at = from;
    while (line[at] === ' ') at++;
    // A space or the end of the line after the indicator, as YAML needs.
    if (at === from && at < line.length) unsupported();
    place.offset = this.starts[this.i]! + at;
    const ch = line[at];
    if (ch === undefined || ch === '#') {
      // The value is on the lines below: a nested block, or a sequence at the key's own indentation.
      this.i++;
      this.skipBlank();
      if (this.i >= this.lines.length) unsupported();
      const next = this.lines[this.i]!;
      const indent = indentOf(next);
      if (indent > parent) return this.block(indent, place);
      if (inMapping && indent === parent && isSeqEntry(next, indent)) return this.sequence(indent, place);
      return unsupported(); // an empty value
    }
    if (ch === '|' || ch === '>') return this.count(this.blockScalar(line.slice(at), parent));
    if (ch === '"' || ch === "'") {
      const quoted = readQuoted(line, at);
      expectLineEnd(line, quoted.end);
      this.i++;
      return this.count(quoted.value);
    }
    if (ch === '[' || ch === '{') {
      const flow = this.flow(line, at, place);
      expectLineEnd(line, flow.end);
      this.i++;
      return flow.value;
    }
    if (INDICATOR.test(line.slice(at))) unsupported();
    return this.count(resolvePlain(this.plain(line.slice(at), parent)));
  }

  /** A plain scalar: the rest of its line, and the more indented lines that continue it, folded. */
  private plain(first: string, parent: number): string {
    const comment = first.search(/ #/);
    const head = (comment === -1 ? first : first.slice(0, comment)).trimEnd();
    if (/: |:$/.test(head)) unsupported();
    this.i++;
    let result = head;
    let breaks = 0;
    let j = this.i;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      const trimmed = line.trim();
      if (trimmed === '') {
        breaks++;
        continue;
      }
      if (trimmed.startsWith('#') || indentOf(line) <= parent) break;
      if (comment !== -1 || INDICATOR.test(trimmed) || / #|: |:$/.test(trimmed)) unsupported();
      result += breaks === 0 ? ` ${trimmed}` : '\n'.repeat(breaks) + trimmed;
      breaks = 0;
      this.i = j + 1;
    }
    return result;
  }

  /** A `|` or `>` scalar from its header (this.i); its lines are indented more than `parent`. */
  private blockScalar(header: string, parent: number): string {
    const head = /^([|>])([-+]?)(?: +#.*| *)$/.exec(header);
    if (!head) unsupported(); // an indentation indicator, or text after the header
    const start = ++this.i;
    let indent = -1;
    let end = start;
    let lastText = start - 1;
    for (let j = start; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      if (/^ *$/.test(line)) {
        // A blank line with more spaces than the text's indentation keeps some of them: rare, and subtle.
        if (indent === -1 ? line.length > parent + 1 : line.length > indent) unsupported();
        end = j + 1;
        continue;
      }
      const lineIndent = indentOf(line);
      if (indent === -1) {
        if (lineIndent <= parent) break;
        indent = lineIndent;
      } else if (lineIndent < indent) break;
      if (head[1] === '>' && lineIndent > indent) unsupported(); // more-indented lines keep their breaks
      end = j + 1;
      lastText = j;
    }
    if (indent === -1) unsupported(); // an empty block scalar
    const lines = this.lines.slice(start, lastText + 1).map((line) => line.slice(indent));
    const trailing = end - lastText - 1;
    this.i = end;
    let body = head[1] === '|' ? lines.join('\n') : fold(lines);
    if (head[2] === '-') return body;
    body += '\n';
    return head[2] === '+' ? body + '\n'.repeat(trailing) : body;
  }

  /** `[a, "b", 3]` or `{ id: x, label: "Y" }` on one line (nested too): the node at `open`, and the index after it. */
  private flow(line: string, open: number, place: Place): { value: unknown; end: number } {
    place.offset = this.starts[this.i]! + open;
    const ch = line[open];
    if (ch === '"' || ch === "'") {
      const quoted = readQuoted(line, open);
      return { value: this.count(quoted.value), end: quoted.end };
    }
    if (ch !== '[' && ch !== '{') {
      // Plain text in brackets ends at a comma or a bracket; a colon or a comment is left to the library.
      const match = FLOW_PLAIN.exec(line.slice(open));
      const plain = match?.[0].trimEnd();
      if (!plain || INDICATOR.test(plain)) unsupported();
      return { value: this.count(resolvePlain(plain)), end: open + match![0].length };
    }
    const close = ch === '[' ? ']' : '}';
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    if (ch === '[') place.items = [];
    else place.entries = new Map();
    this.open();
    let at = skipSpaces(line, open + 1);
    if (line[at] === close) {
      this.depth--;
      return { value: ch === '[' ? list : map, end: at + 1 };
    }
    for (;;) {
      const child: Place = { offset: 0 };
      if (place.items) {
        const item = this.flow(line, at, child);
        place.items.push(child);
        list.push(item.value);
        at = item.end;
      } else {
        const keyAt = at;
        const match = FLOW_PLAIN.exec(line.slice(at));
        const key = match?.[0];
        if (!key || /\s$/.test(key) || INDICATOR.test(key) || line[at + key.length + 1] !== ' ')
          unsupported();
        if (key in map || key in Object.prototype || !isPlainText(key) || line[at + key.length] !== ':')
          unsupported();
        this.count(key);
        place.entries!.set(key, { key: this.starts[this.i]! + keyAt, value: child });
        const item = this.flow(line, skipSpaces(line, at + key.length + 1), child);
        map[key] = item.value;
        at = item.end;
      }
      at = skipSpaces(line, at);
      if (line[at] === close) {
        this.depth--;
        return { value: ch === '[' ? list : map, end: at + 1 };
      }
      if (line[at] !== ',') unsupported();
      at = skipSpaces(line, at + 1);
      if (line[at] === close) unsupported(); // a trailing comma
    }
  }
}

function skipSpaces(line: string, at: number): number {
  while (line[at] === ' ') at++;
  return at;
}

/** `>` text: lines joined by spaces, each blank line a line break. */
function fold(lines: readonly string[]): string {
  let result = '';
  let breaks = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      breaks++;
      continue;
    }
    if (!started) result += '\n'.repeat(breaks);
    else result += breaks === 0 ? ' ' : '\n'.repeat(breaks);
    result += line;
    breaks = 0;
    started = true;
  }
  return result;
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 0x20) n++;
  return n;
}

function isSeqEntry(line: string, indent: number): boolean {
  return line[indent] === '-' && (line.length === indent + 1 || line[indent + 1] === ' ');
}

/** Where the key starting at `column` ends (its `:`), for `key: value` or `key:`; throws otherwise. */
function keyEnd(line: string, column: number): number {
  if (INDICATOR.test(line.slice(column)) || line[column] === '-') unsupported();
  let colon = line.indexOf(':', column);
  while (colon !== -1 && colon + 1 < line.length && line[colon + 1] !== ' ')
    colon = line.indexOf(':', colon + 1);
  if (colon === -1) unsupported();
  const key = line.slice(column, colon);
  if (/ #|\s$/.test(key) || key === '') unsupported();
  return colon;
}

function isKeyLine(line: string, column: number): boolean {
  try {
    keyEnd(line, column);
    return true;
  } catch {
    return false;
  }
}

/** The SourceMap the yaml library's Document would give (parse-yaml.ts createSourceMap), from the places. */
function placesSourceMap(file: string, starts: readonly number[], root: Place): SourceMap {
  const position = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return { line: low, column: offset - starts[low - 1]! + 1 };
  };
  // As the library's Collection.getIn: a mapping by key (text), a sequence by index (or its text).
  const child = (place: Place, key: string | number): Place | undefined => {
    if (place.entries) return typeof key === 'string' ? place.entries.get(key)?.value : undefined;
    if (!place.items) return undefined;
    let index: unknown = key;
    if (index && typeof index === 'string') index = Number(index);
    return typeof index === 'number' && Number.isInteger(index) && index >= 0
      ? place.items[index]
      : undefined;
  };
  const getIn = (path: readonly (string | number)[]): Place | undefined => {
    let place: Place | undefined = root;
    for (const key of path) {
      if (!place || (!place.entries && !place.items)) return undefined;
      place = child(place, key);
    }
    return place;
  };
  return {
    file,
    locate(dataPath) {
      for (let depth = dataPath.length; depth >= 0; depth--) {
        const place = getIn(dataPath.slice(0, depth));
        if (place) return position(place.offset);
      }
      return undefined;
    },
    locateKey(dataPath) {
      const key = dataPath.at(-1);
      const parent = getIn(dataPath.slice(0, -1));
      if (typeof key !== 'string' || !parent?.entries) return undefined;
      const entry = parent.entries.get(key);
      return entry ? position(entry.key) : undefined;
    },
  };
}
