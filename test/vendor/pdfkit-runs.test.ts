import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { openFont } from '../../src/theme/font-cache.js';
import { notoSans, notoSerif } from '../../src/theme/fonts.js';
import { selectedFont, unscaledRuns } from '../../src/vendor/pdfkit.js';

/**
 * unscaledRuns must give the runs pdfkit's own layoutRun gives: for every bundled face (shaped
 * from shaping tables, and by fontkit for the Serif italics and for words with marks), the
 * same glyphs, code points and positions, advanceWidth included.
 */

const faces = [notoSans(), notoSerif()].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]);
const WORDS = [
  'Geneva ',
  'office',
  'AV To Wa',
  'Київ ',
  'Αθήνα',
  'e\u0301 a\u0300\u0323',
  '12,345.67\t',
  ' ',
  '',
];

interface Run {
  glyphs: { id: number; codePoints: number[] }[];
  positions: Record<string, number>[];
}
interface RunFont {
  layoutRun(text: string, features?: unknown): Run;
  scale: number;
}

async function embedded(file: string): Promise<RunFont> {
  const doc = new PDFDocument({ font: null as unknown as string });
  doc.registerFont(file, (await openFont(file)) as unknown as Buffer);
  doc.font(file);
  return selectedFont(doc) as unknown as RunFont;
}

const plain = (run: Run) => ({
  ids: run.glyphs.map((g) => g.id),
  codePoints: run.glyphs.map((g) => g.codePoints),
  positions: run.positions.map((p) => ({ ...p })),
});

describe('unscaledRuns (src/vendor/pdfkit.ts)', () => {
  it.each(faces)("gives the runs pdfkit's layoutRun gives, in %s", async (file) => {
    const own = await embedded(file);
    const fast = await embedded(file);
    expect(own.scale).toBe(1);
    expect(unscaledRuns(fast)).toBe(true);
    for (const word of WORDS) {
      const want = plain(own.layoutRun(word));
      expect(plain(fast.layoutRun(word)), word).toEqual(want);
      expect(want.positions.every((p) => typeof p.advanceWidth === 'number')).toBe(true);
    }
  });

  it('leaves a font of another scale to pdfkit', () => {
    const layoutRun = (): void => {};
    const font = { scale: 1000 / 2048, font: { layout: () => ({}) }, layoutRun };
    expect(unscaledRuns(font)).toBe(false);
    expect(font.layoutRun).toBe(layoutRun);
  });
});
