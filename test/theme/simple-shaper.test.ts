import { mkdirSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { notoSans, notoSerif } from '../../src/theme/fonts.js';
import { skipIdleMarkPositioning } from '../../src/theme/mark-positioning.js';
import { buildShapingTable, type ShapingTable, type TableFont } from '../../src/theme/shaping-table.js';
import { loadShapingTable } from '../../src/theme/shaping-table-cache.js';
import { shapeFromTable } from '../../src/theme/simple-shaper.js';
import { compileTable, decodeTable, encodeTable } from '../../src/theme/compiled-shaping-table.js';
import { slowOr } from '../helpers/slow.js';
import { tempDir } from '../helpers/temp.js';

/** The parts of a fontkit run these tests compare. */
interface Run {
  glyphs: { id: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  advanceWidth: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
}
interface Font {
  layout(text: string, features?: unknown): Run;
  glyphForCodePoint(codePoint: number): { id: number };
  numGlyphs: number;
}

const sans = notoSans();
const serif = notoSerif();
const faces = [sans, serif].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]);
const open = (file: string): Font => fontkit.create(readFileSync(file)) as unknown as Font;
const name = (file: string): string => path.basename(file);

/** Everything pdfkit and the chart recorder read of a run. */
const shape = (run: Run) => ({
  ids: run.glyphs.map((g) => g.id),
  codePoints: run.glyphs.map((g) => g.codePoints),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  advanceWidth: run.advanceWidth,
  bbox: [run.bbox.minX, run.bbox.minY, run.bbox.maxX, run.bbox.maxY],
});

/**
 * A font shaped from its table (as the font cache wraps the bundled faces) and the same
 * font shaped by fontkit, given the same texts in the same order: glyph objects are
 * cached by fontkit with the first code points asked for, so the order matters to both.
 */
function pair(file: string, table: ShapingTable): { fast: Font; reference: Font } {
  const fast = open(file);
  skipIdleMarkPositioning(fast);
  shapeFromTable(fast, compileTable(table, fast.numGlyphs));
  return { fast, reference: open(file) };
}

function expectSame(file: string, table: ShapingTable, texts: Iterable<string>): number {
  const { fast, reference } = pair(file, table);
  let compared = 0;
  for (const text of texts) {
    const got = shape(fast.layout(text));
    const want = shape(reference.layout(text));
    if (JSON.stringify(got) !== JSON.stringify(want)) expect({ text, ...got }).toEqual({ text, ...want });
    compared++;
  }
  return compared;
}

const tables = new Map<string, ShapingTable | undefined>();
const tableOf = (file: string): ShapingTable | undefined => {
  if (!tables.has(file)) tables.set(file, buildShapingTable(open(file) as unknown as TableFont));
  return tables.get(file);
};
const codePointsOf = (table: ShapingTable): number[] =>
  table.ranges.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => first + i));

/**
 * Words of the example briefing and its Ukrainian translation, with their space; with SLOW=1
 * (CI) the README's too, three times as many again.
 */
const corpus = [
  ...new Set(
    ['data/geneva-2026-02-26.yaml', 'test/fixtures/locale/geneva-uk.yaml', ...slowOr(['README.md'], [])]
      .flatMap((file) => readFileSync(file, 'utf8').split(/\s+/))
      .filter(Boolean),
  ),
]
  .flatMap((word) => [word, `${word} `])
  .concat([
    'fi fl ffi ffl',
    'office',
    'AVAWAY Te. Yo',
    'ΑΥΤΟ Ελληνικά',
    '˥˩˦ ˧˨',
    'cafe\u0301',
    '1\u20442',
    'ẹ́',
    '\u00ad',
  ]);

/** The faces with a table: Noto Sans and upright Noto Serif. */
const supported = faces
  .filter((file) => !file.includes('NotoSerif_') || !/Italic/.test(file))
  .map((file) => [name(file), file] as const);

describe('shaping tables of the bundled fonts', () => {
  it('cover Noto Sans and upright Noto Serif; the Serif italics kern each script apart and are left to fontkit', () => {
    expect(faces.map((file) => [name(file), tableOf(file) !== undefined])).toEqual([
      [name(sans.regular), true],
      [name(sans.bold), true],
      [name(sans.italic), true],
      [name(sans.boldItalic), true],
      [name(serif.regular), true],
      [name(serif.bold), true],
      [name(serif.italic), false],
      [name(serif.boldItalic), false],
    ]);
  });

  it.each(supported)('covers Latin, Greek and Cyrillic letters, digits and punctuation in %s', (_, file) => {
    const covered = new Set(codePointsOf(tableOf(file)!));
    for (const char of 'AZaz09 .,;:!?()«»„“”‘’–—-€%éèçñøßÆœİıŁłÀÂÉÊÎÔÛÿΑΩαωάώЁЖЯжяїієґ') {
      expect(covered.has(char.codePointAt(0)!), char).toBe(true);
    }
    // Marks, the soft hyphen and the fraction slash stay with fontkit.
    for (const cp of [0x301, 0x308, 0xad, 0x2044, 0x200d]) expect(covered.has(cp)).toBe(false);
    expect(covered.size).toBeGreaterThan(2000);
  });

  it.each(supported)('shapes every character it covers as fontkit does, in %s', (_, file) => {
    const table = tableOf(file)!;
    const chars = codePointsOf(table).map((cp) => String.fromCodePoint(cp));
    expect(expectSame(file, table, chars)).toBe(chars.length);
  });

  // Every pair of every face takes minutes on two cores: SLOW=1 (CI); npm test checks one face.
  it.each(slowOr(supported, supported.slice(0, 1)))(
    'kerns every pair of kerning classes as fontkit does, in %s',
    (_, file) => {
      // Every glyph's left and right kerning key, and one character for each key: the pairs
      // of those characters are every distinct kerning the table can give.
      const table = tableOf(file)!;
      const font = open(file);
      const leftKey = new Map<number, number>();
      const rightKey = new Map<number, number>();
      for (let i = 0; i < table.left.length; i += 2) leftKey.set(table.left[i]!, table.left[i + 1]!);
      for (let i = 0; i < table.right.length; i += 2) rightKey.set(table.right[i]!, table.right[i + 1]!);
      const lefts = new Map<number, string>();
      const rights = new Map<number, string>();
      for (const cp of codePointsOf(table)) {
        const glyph = font.glyphForCodePoint(cp).id;
        const char = String.fromCodePoint(cp);
        if (!lefts.has(leftKey.get(glyph)!)) lefts.set(leftKey.get(glyph)!, char);
        if (!rights.has(rightKey.get(glyph)!)) rights.set(rightKey.get(glyph)!, char);
      }
      // Keys held only by ligature glyphs are reached through their components.
      for (const rule of table.ligatures.flat()) {
        const text = rule
          .slice(1)
          .map((g) => codePointsOf(table).find((cp) => font.glyphForCodePoint(cp).id === g))
          .map((cp) => (cp === undefined ? '' : String.fromCodePoint(cp)))
          .join('');
        if (!lefts.has(leftKey.get(rule[0]!)!)) lefts.set(leftKey.get(rule[0]!)!, text);
        if (!rights.has(rightKey.get(rule[0]!)!)) rights.set(rightKey.get(rule[0]!)!, text);
      }
      const pairs = [...lefts.values()].flatMap((l) => [...rights.values()].map((r) => l + r));
      expect(pairs.length).toBeGreaterThan(10_000);
      expect(expectSame(file, table, pairs)).toBe(pairs.length);
    },
  );

  it.each(supported)('shapes real text, random pairs and special cases as fontkit does, in %s', (_, file) => {
    const table = tableOf(file)!;
    const chars = codePointsOf(table).map((cp) => String.fromCodePoint(cp));
    let seed = 20;
    const random = (): string => chars[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % chars.length]!;
    // Every character and every kerning class pair are checked above; 5,000 random runs
    // per face with SLOW=1 (CI), 500 in npm test.
    const pairs = Array.from({ length: slowOr(5000, 500) }, () => random() + random() + random());
    expect(expectSame(file, table, [...corpus, ...pairs])).toBe(corpus.length + pairs.length);
  });
});

describe('the shaping-table cache', () => {
  const dir = tempDir('briefkit-shaping-');
  const fontFile = path.join(dir, 'node_modules', 'fonts', 'NotoSans.ttf');
  mkdirSync(path.dirname(fontFile), { recursive: true });
  copyFileSync(sans.regular, fontFile);
  const cacheDir = path.join(dir, 'node_modules', '.cache', 'briefkit', 'shaping');
  const glyphs = (fontkit.create(readFileSync(sans.regular)) as unknown as { numGlyphs: number }).numGlyphs;
  const compiled = () => compileTable(tableOf(sans.regular)!, glyphs);

  it('writes the compiled table next to the fonts, keyed by their hash, and reads it back', async () => {
    const bytes = readFileSync(fontFile);
    const built = await loadShapingTable(fontFile, bytes, glyphs);
    expect(built).toEqual(compiled());
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^v2-[0-9a-f]{32}\.bin$/)]);
    expect(await loadShapingTable(fontFile, bytes, glyphs)).toEqual(built);
  });

  it('keeps everything the shaper reads through the file, and refuses a file for another font', () => {
    for (const file of supported.map(([, f]) => f)) {
      const numGlyphs = open(file).numGlyphs;
      const table = compileTable(tableOf(file)!, numGlyphs);
      const bytes = encodeTable(table, numGlyphs);
      expect(decodeTable(bytes, numGlyphs)).toEqual({ table });
      expect(decodeTable(bytes, numGlyphs + 1)).toBeUndefined();
    }
    expect(decodeTable(encodeTable(null, 10), 10)).toEqual({ table: null });
  });

  it('rebuilds a damaged file, or one whose glyphs do not fit the font, instead of using it', async () => {
    const [file] = readdirSync(cacheDir);
    const cacheFile = path.join(cacheDir, file!);
    const good = readFileSync(cacheFile);
    const rebuilt = async (damaged: Uint8Array): Promise<void> => {
      writeFileSync(cacheFile, damaged);
      expect(decodeTable(damaged, glyphs)).toBeUndefined();
      expect(await loadShapingTable(fontFile, readFileSync(fontFile), glyphs)).toEqual(compiled());
      expect(readFileSync(cacheFile).equals(good)).toBe(true);
    };
    // Cut short; one bit changed in the kerning matrix (the digest no longer matches).
    await rebuilt(good.subarray(0, good.length - 100));
    const flipped = Buffer.from(good);
    flipped[flipped.length - 7]! ^= 1;
    await rebuilt(flipped);
    // A sound file (right digest) whose character map names a glyph beyond the font's.
    const foreign = compiled();
    foreign.glyphOf.set(0x41, glyphs + 5);
    await rebuilt(encodeTable(foreign, glyphs));
    // A ligature rule naming no glyph of the font, and a kerning key beyond the matrix.
    const badRule = compiled();
    badRule.ligatures[0]!.set(7, [[glyphs, 7, 8]]);
    await rebuilt(encodeTable(badRule, glyphs));
    const badKey = compiled();
    badKey.right[3] = badKey.columns;
    await rebuilt(encodeTable(badKey, glyphs));
  });

  it('remembers that a font has no table', async () => {
    const italic = path.join(dir, 'node_modules', 'fonts', 'NotoSerif-Italic.ttf');
    copyFileSync(serif.italic, italic);
    expect(await loadShapingTable(italic, readFileSync(italic), glyphs)).toBeUndefined();
    const entries = readdirSync(cacheDir).map((f) =>
      decodeTable(readFileSync(path.join(cacheDir, f)), glyphs),
    );
    expect(entries.filter((entry) => entry?.table === null)).toHaveLength(1);
  });

  it('leaves text with features, and text it does not cover, to fontkit', () => {
    const table = tableOf(sans.regular)!;
    const { fast, reference } = pair(sans.regular, table);
    const features = { liga: false };
    expect(shape(fast.layout('office', { ...features }))).toEqual(
      shape(reference.layout('office', { ...features })),
    );
    expect(shape(fast.layout('office'))).not.toEqual(shape(reference.layout('office', { ...features })));
    expect(shape(fast.layout('नमस्ते'))).toEqual(shape(reference.layout('नमस्ते')));
  });
});
