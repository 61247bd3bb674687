import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf, type ReadPdf } from '../helpers/pdf.js';
import { readPptx, type PptxInfo } from '../helpers/pptx.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A table row taller than a page (test/fixtures/data/long-cell.yaml: one cell of 2,000
 * words, w0001 … w2000): the report splits it between lines over pages, the deck over
 * "(cont.)" slides, both with the header repeated; every word is printed once, in order.
 */
const out = tempDir('briefkit-long-cell-');
let pdf: ReadPdf;
let deck: PptxInfo;
const WORDS = Array.from({ length: 2000 }, (_, i) => `w${String(i + 1).padStart(4, '0')}`);
const wordsIn = (text: string): string[] => text.match(/\bw\d{4}\b/g) ?? [];

beforeAll(async () => {
  const args = ['build', 'test/fixtures/data/long-cell.yaml', '--out', out, '--date', '2026-01-01'];
  const result = await runCliCaptured(args);
  expect(result.err).not.toContain('error');
  expect(result.code).toBe(0);
  pdf = await readPdf(readFileSync(path.join(out, 'long-cell.pdf')));
  deck = await readPptx(readFileSync(path.join(out, 'long-cell.pptx')));
}, 120_000);

describe('a table cell of 2,000 words', () => {
  it('is split over pages in the report: every word once, in order, header on every page', () => {
    const lines = pdf.pages.flatMap((page) => page.lines.map((line) => line.text));
    expect(wordsIn(lines.join('\n'))).toEqual(WORDS);
    const pages = pdf.pages.filter((page) => page.lines.some((line) => wordsIn(line.text).length > 0));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      const text = page.lines.map((line) => line.text);
      expect(text).toContain('Night Drones Account');
      // Every line of the row sits inside the text area (A4: it ends 72 pt above the foot):
      // the row was split, not clipped or run into the footer.
      for (const line of page.lines.filter((l) => wordsIn(l.text).length > 0)) {
        expect(line.y).toBeLessThan(page.height - 72);
      }
    }
    // The rows around it, and the source line after the last.
    expect(lines).toContain('1 Jan 2025 100 A short account of the first night.');
    const last = lines.indexOf('3 Jan 2025 174 Another short account.');
    expect(last).toBeGreaterThan(0);
    expect(lines[last + 1]).toBe('Source: Synthetic test data [1]');
  });

  it('continues over "(cont.)" slides in the deck, header repeated, inside the slide', () => {
    const slides = deck.slides.filter((slide) => slide.shapes.some((shape) => shape.kind === 'table'));
    expect(wordsIn(slides.map((slide) => slide.text.join('\n')).join('\n'))).toEqual(WORDS);
    expect(slides.length).toBeGreaterThan(2);
    for (const [index, slide] of slides.entries()) {
      const table = slide.shapes.find((shape) => shape.kind === 'table')!;
      expect(table.paragraphs.slice(0, 3)).toEqual(['Night', 'Drones', 'Account']);
      if (index > 0) expect(slide.title).toContain('(cont.)');
      // The table's frame ends above the slide's foot (7.5 in): nothing is cut off.
      expect(table.box!.y + table.box!.h).toBeLessThan(7.1);
    }
  });
});
