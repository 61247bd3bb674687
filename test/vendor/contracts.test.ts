import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Handlebars from 'handlebars';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { notoSans, notoSerif } from '../../src/theme/fonts.js';
import {
  advanceReader,
  deferGlyphNames,
  FONTKIT_RANGE,
  glyphsKeepTheirCodePoints,
  subsetFromBytes,
  wrapLayout,
} from '../../src/vendor/fontkit.js';
import {
  compileSpec,
  compileSpecSource,
  HANDLEBARS_RANGE,
  parseTemplate,
  specFromSource,
} from '../../src/vendor/handlebars.js';
import { JSZIP_STAND_IN_RANGE } from '../../src/vendor/jszip.js';
import { onFontSelected, PDFKIT_RANGE, replaceXmpStep, selectedFont } from '../../src/vendor/pdfkit.js';
import { UNICODE_TRIE_RANGE } from '../../src/vendor/unicode-trie.js';

/**
 * The contracts of src/vendor/: each file names the versions it was written for and what
 * it relies on inside the library. These fail loudly, naming the library, when an upgrade
 * installs another version or moves one of those internals.
 */
const require = createRequire(import.meta.url);

function installedVersion(name: string): string {
  const main = require.resolve(name);
  const root = main.slice(0, main.lastIndexOf(`${path.sep}node_modules${path.sep}${name}${path.sep}`));
  const file = path.join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const parts = (version: string) => version.split(/[.-]/).slice(0, 3).map(Number);
function compare(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

describe.each([PDFKIT_RANGE, FONTKIT_RANGE, HANDLEBARS_RANGE, JSZIP_STAND_IN_RANGE, UNICODE_TRIE_RANGE])(
  'the installed $package',
  (range) => {
    it(`is within the versions src/vendor/ was written for ($from to below $below)`, () => {
      const version = installedVersion(range.package);
      expect(
        compare(version, range.from) >= 0 && compare(version, range.below) < 0,
        `${range.package} ${version} is outside ${range.from}–<${range.below}: re-check src/vendor/ and widen the range`,
      ).toBe(true);
    });
  },
);

describe('pdfkit internals (src/vendor/pdfkit.ts)', () => {
  it('selects an embedded font with its fontkit font and word cache on doc._font', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const seen: object[] = [];
    onFontSelected(doc, (font) => seen.push(font));
    expect(doc.font(notoSans().regular)).toBe(doc);
    const font = selectedFont(doc);
    expect(seen).toEqual([font]);
    expect(typeof (font!.font as { layout?: unknown }).layout).toBe('function');
    expect(typeof font!.layoutCache).toBe('object');
    expect(font!.widthOfString('briefkit', 12)).toBeGreaterThan(30);
  });

  it('writes the XMP packet in a step of end() that can be replaced', async () => {
    const doc = new PDFDocument({ autoFirstPage: false, subset: 'PDF/A-2b' } as PDFKit.PDFDocumentOptions);
    let called = 0;
    expect(replaceXmpStep(doc, () => called++)).toBe(true);
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.on('data', () => {});
    doc.addPage();
    doc.end();
    await ended;
    expect(called).toBe(1);
  });
});

describe('fontkit internals (src/vendor/fontkit.ts)', () => {
  it("shapes through the font's own layout(), which an own property replaces for that font only", async () => {
    const fontkit = await import('fontkit');
    const file = notoSans().regular;
    const font = fontkit.create(readFileSync(file)) as unknown as {
      layout: (text: string, features?: unknown) => { glyphs: { id: number }[]; advanceWidth: number };
      numGlyphs: number;
      directory: { tables: Record<string, unknown> };
      GDEF?: { glyphClassDef?: { version: number } };
    };
    const other = fontkit.create(readFileSync(file)) as unknown as typeof font;
    const words: string[] = [];
    expect(
      wrapLayout(
        font,
        (layout) =>
          (text, ...rest) => (words.push(text), layout(text, ...rest)),
      ),
    ).toBe(true);
    expect(font.layout('Geneva').advanceWidth).toBe(other.layout('Geneva').advanceWidth);
    expect(words).toEqual(['Geneva']);
    expect(font.numGlyphs).toBeGreaterThan(1000);
    expect(font.directory.tables.GDEF).toBeDefined();
    expect([1, 2]).toContain(font.GDEF?.glyphClassDef?.version);
  });
  it("reads 'post' into font._tables on first use, where a header read ahead gives the same values", async () => {
    const fontkit = await import('fontkit');
    type Font = {
      post: Record<string, unknown>;
      italicAngle: number;
      getGlyph(id: number): { name: string };
      numGlyphs: number;
    };
    const files = [notoSans(), notoSerif()].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]);
    for (const file of files) {
      const bytes = readFileSync(file);
      const deferred = fontkit.create(bytes) as unknown as Font;
      const eager = fontkit.create(bytes) as unknown as Font;
      expect(deferGlyphNames(deferred), file).toBe(true);
      // Once decoded, the table is not replaced.
      expect(deferGlyphNames(deferred)).toBe(false);
      const header = [
        'version',
        'italicAngle',
        'underlinePosition',
        'underlineThickness',
        'isFixedPitch',
        'minMemType42',
        'maxMemType42',
        'minMemType1',
        'maxMemType1',
      ];
      for (const key of header) expect(deferred.post[key], `${file} ${key}`).toBe(eager.post[key]);
      expect(deferred.italicAngle).toBe(eager.italicAngle);
      // The glyph names, decoded by fontkit when first asked for.
      expect(deferred.post.numberOfGlyphs).toBe(eager.post.numberOfGlyphs);
      for (const id of [0, 1, 36, 500, deferred.numGlyphs - 1]) {
        expect(deferred.getGlyph(id).name, `${file} glyph ${id}`).toBe(eager.getGlyph(id).name);
      }
    }
  });
});

describe('TrueType subsets copied from the file (src/vendor/fontkit.ts)', () => {
  const faces = [notoSans(), notoSerif()].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]);
  it.each(faces.map((file) => [path.basename(file), file]))(
    "encode the bytes fontkit's own subsetter encodes, glyph cache included, for %s",
    async (_name, file) => {
      const fontkit = await import('fontkit');
      type Font = {
        createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
        glyphForCodePoint(codePoint: number): { id: number };
        numGlyphs: number;
        _glyphs: Record<string, { codePoints: number[] }>;
      };
      const bytes = readFileSync(file);
      const fast = fontkit.create(bytes) as unknown as Font;
      const slow = fontkit.create(bytes) as unknown as Font;
      expect(subsetFromBytes(fast)).toBe(true);
      // Accented letters are composites in these fonts (their components are renumbered);
      // every 7th glyph id adds marks, ligatures and alternates, and the last id its edge.
      const text = 'Geneva AVTo fi ffl Ǆ é ạ̀ ñ Ångström Αθήνα ἄνθρωπος Київ Йошкар-Ола 1⁄2 €';
      const ids: number[] = [];
      for (const font of [fast, slow]) {
        for (const char of text) font.glyphForCodePoint(char.codePointAt(0)!);
      }
      for (const char of text) ids.push(fast.glyphForCodePoint(char.codePointAt(0)!).id);
      for (let id = 3; id < fast.numGlyphs; id += 7) ids.push(id);
      ids.push(fast.numGlyphs - 1);
      const encoded = (font: Font): Buffer => {
        const subset = font.createSubset();
        for (const id of ids) subset.includeGlyph(id);
        return Buffer.from(subset.encode());
      };
      const expected = encoded(slow);
      expect(encoded(fast).equals(expected)).toBe(true);
      expect(Object.keys(fast._glyphs).sort()).toEqual(Object.keys(slow._glyphs).sort());
      for (const id of Object.keys(slow._glyphs)) {
        expect(fast._glyphs[id]!.codePoints, `glyph ${id}`).toEqual(slow._glyphs[id]!.codePoints);
      }
    },
  );
});

describe('advance widths read from cmap and hmtx (src/vendor/fontkit.ts)', () => {
  const faces = [notoSans(), notoSerif()].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]);
  it.each(faces.map((file) => [path.basename(file), file]))(
    "equal fontkit's glyph.advanceWidth for every character of %s",
    async (_name, file) => {
      const fontkit = await import('fontkit');
      const font = fontkit.create(readFileSync(file)) as unknown as Parameters<typeof advanceReader>[0] & {
        characterSet: number[];
        numGlyphs: number;
      };
      const glyphs = fontkit.create(readFileSync(file)) as unknown as typeof font;
      const advance = advanceReader(font);
      expect(advance).not.toBe(undefined);
      const codePoints = [...font.characterSet, 0x10ffff, 0xe000, 0x0378];
      expect(font.characterSet.length).toBeGreaterThan(1000);
      const mismatches = codePoints.filter((codePoint) => {
        const expected = glyphs.hasGlyphForCodePoint(codePoint)
          ? glyphs.glyphForCodePoint(codePoint).advanceWidth / glyphs.unitsPerEm
          : undefined;
        return advance(codePoint) !== expected;
      });
      expect(mismatches).toEqual([]);
      // The fast path, not the glyph objects: nothing was decoded into a glyph.
      expect(Object.keys((font as unknown as { _glyphs: object })._glyphs)).toEqual([]);
    },
  );
});

describe('glyphs keep the code points they are asked for (src/vendor/fontkit.ts)', () => {
  it("answers getGlyph(id, codePoints) with those code points, even when fontkit's cache holds the glyph", async () => {
    const fontkit = await import('fontkit');
    type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
    const font = fontkit.create(readFileSync(notoSans().regular)) as unknown as {
      getGlyph(id: number, codePoints?: number[]): Glyph;
      glyphForCodePoint(codePoint: number): Glyph;
    };
    expect(glyphsKeepTheirCodePoints(font)).toBe(true);
    const n = font.glyphForCodePoint(0x6e);
    // fontkit caches one object per id, made by the first request: here one without code points.
    const other = fontkit.create(readFileSync(notoSans().regular)) as unknown as typeof font;
    glyphsKeepTheirCodePoints(other);
    expect(other.getGlyph(n.id).codePoints).toEqual([]);
    const asked = other.getGlyph(n.id, [0x6e]);
    expect(asked.codePoints).toEqual([0x6e]);
    expect([asked.id, asked.advanceWidth]).toEqual([n.id, n.advanceWidth]);
    expect(other.getGlyph(n.id, [0x1f9]).codePoints).toEqual([0x1f9]);
  });
});

describe('Handlebars internals (src/vendor/handlebars.ts)', () => {
  it('compiles a parsed template to a spec that Handlebars.template runs', () => {
    const options = { strict: true, noEscape: true };
    const spec = compileSpec(parseTemplate('Hello {{name}}!', options), options);
    expect(Handlebars.template(spec)({ name: 'Geneva' })).toBe('Hello Geneva!');
  });

  it('writes the same spec as JavaScript source, which reads back to a spec that runs the same', () => {
    const options = { strict: true, noEscape: true, data: true };
    const source = '{{#each items}}{{@index}}: {{name}}{{#if last}}!{{/if}}\n{{/each}}';
    const view = {
      items: [
        { name: 'a', last: false },
        { name: 'b', last: true },
      ],
    };
    const direct = Handlebars.template(compileSpec(parseTemplate(source, options), options));
    const text = compileSpecSource(parseTemplate(source, options), options);
    expect(typeof text).toBe('string');
    expect(Handlebars.template(specFromSource(text))(view)).toBe(direct(view));
    expect(direct(view)).toBe('0: a\n1: b!\n');
  });
});
