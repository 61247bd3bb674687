import { mkdirSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { notoSans, notoSerif } from '../../src/theme/fonts.js';
import { skipIdleMarkPositioning } from '../../src/theme/mark-positioning.js';
import { buildShapingTable, type ShapingTable, type TableFont } from '../../src/theme/shaping-table.js';
import { loadShapingTable } from '../../src/theme/shaping-table-cache.js';
import { shapeFromTable } from '../../src/theme/simple-shaper.js';
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
  shapeFromTable(fast, table);
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

  const supported = faces
    .filter((file) => !file.includes('NotoSerif_') || !/Italic/.test(file))
    .map((file) => [name(file), file] as const);

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

  it('writes the table next to the fonts, keyed by their hash, and reads it back', async () => {
    const bytes = readFileSync(fontFile);
    const built = await loadShapingTable(fontFile, bytes, glyphs);
    expect(built).toEqual(tableOf(sans.regular));
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(await loadShapingTable(fontFile, bytes, glyphs)).toEqual(built);
  });

  it('rebuilds a damaged cache file instead of failing', async () => {
    const [file] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, file!), '{"version": 1, "table": {"vers');
    expect(await loadShapingTable(fontFile, readFileSync(fontFile), glyphs)).toEqual(tableOf(sans.regular));
    // Well-formed JSON that does not fit the font (a glyph id beyond its glyphs) is rebuilt too.
    const foreign = { ...tableOf(sans.regular)!, left: [glyphs + 5, 1] };
    writeFileSync(path.join(cacheDir, file!), JSON.stringify({ version: 1, table: foreign }));
    expect(await loadShapingTable(fontFile, readFileSync(fontFile), glyphs)).toEqual(tableOf(sans.regular));
    expect(JSON.parse(readFileSync(path.join(cacheDir, file!), 'utf8')).table).toEqual(tableOf(sans.regular));
  });

  it('remembers that a font has no table', async () => {
    const italic = path.join(dir, 'node_modules', 'fonts', 'NotoSerif-Italic.ttf');
    copyFileSync(serif.italic, italic);
    expect(await loadShapingTable(italic, readFileSync(italic), glyphs)).toBeUndefined();
    const entries = readdirSync(cacheDir).map((f) =>
      JSON.parse(readFileSync(path.join(cacheDir, f), 'utf8')),
    );
    expect(entries.filter((entry) => entry.table === null)).toHaveLength(1);
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
