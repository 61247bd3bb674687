import { createHash } from 'node:crypto';
import { SHAPING_TABLE_VERSION, type ShapingTable } from './shaping-table.js';

/**
 * A shaping table (theme/shaping-table.ts) in the shape the simple shaper reads it: maps
 * and typed arrays, and the bytes it is kept in on disk (theme/shaping-table-cache.ts).
 *
 * The file is the compiled table itself, so a build reads it without parsing or
 * compiling anything: a SHA-256 of the rest, then 32-bit words (a header, the character
 * map, the kerning keys of every glyph, the ligature rules) and the kerning matrix. A
 * file whose digest, header, sizes or glyph ids do not fit the font is refused, so a
 * damaged or foreign file is rebuilt, never used: the JSON this replaces cost a cold
 * build about 15 ms to parse, check and compile for the four faces of a theme.
 */
export interface CompiledTable {
  /** The glyph of each code point shaped from the table. */
  glyphOf: Map<number, number>;
  /** Per ligature lookup: rules by first glyph, [ligature, first, ...rest]. */
  ligatures: Map<number, number[][]>[];
  /** Glyphs that start a ligature rule of any lookup: a word with none skips the lookups. */
  ligatureStarts: Set<number>;
  /** Kerning key of each glyph as the left and as the right glyph of a pair (0: none). */
  left: Int32Array;
  right: Int32Array;
  /** The matrix's row length (right keys + 1). */
  columns: number;
  /** Adjustment (font units) of each pair of keys, row by left key. */
  kerning: Int16Array | Int32Array;
}

export function compileTable(table: ShapingTable, numGlyphs: number): CompiledTable {
  const glyphOf = new Map<number, number>();
  let index = 0;
  for (const [first, last] of table.ranges)
    for (let cp = first; cp <= last; cp++) glyphOf.set(cp, table.glyphs[index++]!);
  const ligatures = table.ligatures.map((rules) => {
    const byFirst = new Map<number, number[][]>();
    for (const rule of rules) {
      const list = byFirst.get(rule[1]!);
      if (list) list.push(rule);
      else byFirst.set(rule[1]!, [rule]);
    }
    return byFirst;
  });
  const keys = (pairs: number[]): Int32Array => {
    const keyOf = new Int32Array(numGlyphs);
    for (let i = 0; i < pairs.length; i += 2) keyOf[pairs[i]!] = pairs[i + 1]!;
    return keyOf;
  };
  let rows = 1;
  for (let i = 1; i < table.left.length; i += 2) rows = Math.max(rows, table.left[i]! + 1);
  const wide = table.kerning.some((v, i) => i % 3 === 2 && (v < -32768 || v > 32767));
  const kerning = wide ? new Int32Array(rows * table.columns) : new Int16Array(rows * table.columns);
  for (let i = 0; i < table.kerning.length; i += 3) {
    kerning[table.kerning[i]! * table.columns + table.kerning[i + 1]!] = table.kerning[i + 2]!;
  }
  return {
    glyphOf,
    ligatures,
    ligatureStarts: ligatureStarts(ligatures),
    left: keys(table.left),
    right: keys(table.right),
    columns: table.columns,
    kerning,
  };
}

function ligatureStarts(ligatures: readonly Map<number, number[][]>[]): Set<number> {
  return new Set(ligatures.flatMap((byFirst) => [...byFirst.keys()]));
}

/* ---- the file ---- */

const DIGEST_BYTES = 32;
/** "BKS2" as a little-endian 32-bit word: a file written with the other byte order is refused. */
const MAGIC = 0x32534b42;
/** Header words: magic, version, numGlyphs, hasTable, chars, columns, rows, ligatureWords, kerningBits. */
const HEADER_WORDS = 9;

/** The file of a compiled table, or of "this font has no table" (null). */
export function encodeTable(table: CompiledTable | null, numGlyphs: number): Uint8Array {
  const words: number[] = [MAGIC, SHAPING_TABLE_VERSION, numGlyphs, table ? 1 : 0];
  let kerning = new Uint8Array(0);
  if (table) {
    const ligatures: number[] = [table.ligatures.length];
    for (const byFirst of table.ligatures) {
      const rules = [...byFirst.values()].flat();
      ligatures.push(rules.length);
      for (const rule of rules) {
        ligatures.push(rule.length);
        for (const glyph of rule) ligatures.push(glyph);
      }
    }
    const rows = table.kerning.length / table.columns;
    words.push(
      table.glyphOf.size,
      table.columns,
      rows,
      ligatures.length,
      table.kerning.BYTES_PER_ELEMENT * 8,
    );
    for (const [cp, glyph] of table.glyphOf) words.push(cp, glyph);
    for (const list of [table.left, table.right, ligatures]) for (const word of list) words.push(word);
    // Padded to whole words.
    kerning = new Uint8Array(Math.ceil(table.kerning.byteLength / 4) * 4);
    kerning.set(new Uint8Array(table.kerning.buffer, table.kerning.byteOffset, table.kerning.byteLength));
  } else {
    words.push(0, 0, 0, 0, 0);
  }
  const body = new Uint8Array(words.length * 4 + kerning.length);
  body.set(new Uint8Array(Int32Array.from(words).buffer));
  body.set(kerning, words.length * 4);
  const file = new Uint8Array(DIGEST_BYTES + body.length);
  file.set(createHash('sha256').update(body).digest());
  file.set(body, DIGEST_BYTES);
  return file;
}

/**
 * The table in a file written by encodeTable for a font of `numGlyphs` glyphs: `{ table }`
 * (null when the font has none), or undefined when the file does not check out.
 */
export function decodeTable(
  file: Uint8Array,
  numGlyphs: number,
): { table: CompiledTable | null } | undefined {
  if (file.length < DIGEST_BYTES + HEADER_WORDS * 4 || file.length % 4 !== 0) return undefined;
  const body = file.subarray(DIGEST_BYTES);
  const digest = createHash('sha256').update(body).digest();
  if (!digest.equals(file.subarray(0, DIGEST_BYTES))) return undefined;
  // Typed arrays need aligned offsets: a copy when the file's bytes are not.
  const aligned = body.byteOffset % 4 === 0 ? body : new Uint8Array(body);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  const [magic, version, glyphs, hasTable, chars, columns, rows, ligatureWords, kerningBits] = words;
  if (magic !== MAGIC || version !== SHAPING_TABLE_VERSION || glyphs !== numGlyphs) return undefined;
  if (hasTable === 0) return words.length === HEADER_WORDS ? { table: null } : undefined;
  if (hasTable !== 1 || !(chars! > 0) || !(columns! > 0) || !(rows! > 0) || !(ligatureWords! > 0))
    return undefined;
  if (kerningBits !== 16 && kerningBits !== 32) return undefined;
  const leftAt = HEADER_WORDS + 2 * chars!;
  const rightAt = leftAt + numGlyphs;
  const ligaturesAt = rightAt + numGlyphs;
  const kerningAt = ligaturesAt + ligatureWords!;
  const cells = rows! * columns!;
  if (words.length !== kerningAt + Math.ceil((cells * kerningBits) / 32)) return undefined;

  const isGlyph = (g: number): boolean => g >= 0 && g < numGlyphs;
  const glyphOf = new Map<number, number>();
  for (let i = HEADER_WORDS; i < leftAt; i += 2) {
    const cp = words[i]!;
    const glyph = words[i + 1]!;
    if (cp < 0 || cp > 0x10ffff || glyph < 1 || !isGlyph(glyph)) return undefined;
    glyphOf.set(cp, glyph);
  }
  const left = words.subarray(leftAt, rightAt);
  const right = words.subarray(rightAt, ligaturesAt);
  for (let g = 0; g < numGlyphs; g++) {
    if (left[g]! < 0 || left[g]! >= rows! || right[g]! < 0 || right[g]! >= columns!) return undefined;
  }
  const ligatures = decodeLigatures(words.subarray(ligaturesAt, kerningAt), isGlyph);
  if (!ligatures) return undefined;
  const kerningOffset = aligned.byteOffset + kerningAt * 4;
  const kerning =
    kerningBits === 16
      ? new Int16Array(aligned.buffer, kerningOffset, cells)
      : new Int32Array(aligned.buffer, kerningOffset, cells);
  return {
    table: {
      glyphOf,
      ligatures,
      ligatureStarts: ligatureStarts(ligatures),
      left,
      right,
      columns: columns!,
      kerning,
    },
  };
}

/** [lookups, then per lookup: rules, then per rule: length, ...glyphs]; undefined if malformed. */
function decodeLigatures(
  words: Int32Array,
  isGlyph: (g: number) => boolean,
): Map<number, number[][]>[] | undefined {
  let at = 0;
  const next = (): number | undefined => (at < words.length ? words[at++] : undefined);
  const lookups = next();
  if (lookups === undefined || lookups < 0) return undefined;
  const result: Map<number, number[][]>[] = [];
  for (let l = 0; l < lookups; l++) {
    const count = next();
    if (count === undefined || count < 0) return undefined;
    const byFirst = new Map<number, number[][]>();
    for (let r = 0; r < count; r++) {
      const length = next();
      if (length === undefined || length < 3 || at + length > words.length) return undefined;
      const rule = Array.from(words.subarray(at, at + length));
      at += length;
      if (!rule.every(isGlyph)) return undefined;
      const list = byFirst.get(rule[1]!);
      if (list) list.push(rule);
      else byFirst.set(rule[1]!, [rule]);
    }
    result.push(byFirst);
  }
  return at === words.length ? result : undefined;
}
