import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { createFontSet } from '../../../src/render/pdf/fonts.js';
import { createMeasurer } from '../../../src/render/pdf/text/metrics.js';
import type { TextStyle } from '../../../src/render/pdf/text/runs.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { notoSans, notoSerif } from '../../../src/theme/fonts.js';

const faces = [notoSans(), notoSerif()].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]);

/** Words of the example briefing and of its Ukrainian translation. */
const words = [
  ...new Set(
    ['data/geneva-2026-02-26.yaml', 'test/fixtures/locale/geneva-uk.yaml']
      .flatMap((file) => readFileSync(file, 'utf8').split(/\s+/))
      .filter(Boolean),
  ),
];

describe('measuring words in the bundled fonts', () => {
  it.each(faces)('a word and the space after it shape independently in %s', (file) => {
    const pdf = new PDFDocument({ font: file });
    const space = pdf.widthOfString(' ');
    for (const word of words) {
      expect(pdf.widthOfString(`${word} `), word).toBeCloseTo(pdf.widthOfString(word) + space, 9);
    }
  });

  it.each(faces)('no character of %s kerns or joins with a space after it', (file) => {
    // Exhaustive over the last letter before the space, where kerning and ligatures would act.
    const pdf = new PDFDocument({ font: file });
    const font = (pdf as unknown as { _font: { font: { characterSet: number[] } } })._font.font;
    const space = pdf.widthOfString(' ');
    const differ = font.characterSet
      .map((code) => String.fromCodePoint(code))
      .filter((char) => !/\s/.test(char))
      .filter((char) => Math.abs(pdf.widthOfString(`${char} `) - pdf.widthOfString(char) - space) > 1e-9);
    expect(differ).toEqual([]);
  });

  it('gives every word the width pdfkit gives it', () => {
    const theme = defaultTheme();
    const pdf = new PDFDocument({ font: theme.fonts.body.regular });
    const measure = createMeasurer(pdf, createFontSet(theme));
    const style = { role: 'body', face: 'regular', size: 10.5 } as TextStyle;
    for (const text of [...words.slice(0, 300), 'two words', ' ', '']) {
      const expected = pdf.font(theme.fonts.body.regular).fontSize(10.5).widthOfString(text);
      expect(measure.width(style, text), text).toBeCloseTo(expected, 9);
    }
  });

  it('gives text with spaces and tabs exactly the width pdfkit gives it, in every face and size', () => {
    const theme = { ...defaultTheme(), fonts: { body: notoSans(), heading: notoSerif() } };
    const pdf = new PDFDocument({ font: theme.fonts.body.regular });
    const measure = createMeasurer(pdf, createFontSet(theme));
    const lines = Array.from({ length: 60 }, (_, i) => {
      const line = words.slice(i * 7, i * 7 + 1 + (i % 12)).join(i % 5 === 0 ? '\t' : ' ');
      return i % 3 === 0 ? ` ${line}  ` : line;
    });
    for (const role of ['body', 'heading'] as const) {
      for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
        for (const size of [7.3, 10.5, 18]) {
          // A style object of its own for each line, and one shared by all: both ways give one width.
          const shared = { role, face, size } as TextStyle;
          for (const text of lines) {
            const file = theme.fonts[role][face];
            const expected = pdf.font(file).fontSize(size).widthOfString(text);
            expect(measure.width({ role, face, size } as TextStyle, text), `${file} ${size} ${text}`).toBe(
              expected,
            );
            expect(measure.width(shared, text)).toBe(expected);
          }
        }
      }
    }
  });
});
