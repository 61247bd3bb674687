import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/document/types.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { sampleReportDoc } from '../../fixtures/sample-report-doc.js';
import { readPdf } from '../../helpers/pdf.js';

const theme = defaultTheme();

/**
 * Paragraphs whose words name the paragraph ("p7w"), so every line on the page can
 * be traced to its paragraph; a shifting first paragraph moves every later break,
 * putting headings and paragraph ends at every position near the foot of a page.
 */
function stressBlocks(shift: number): Block[] {
  const paragraph = (id: number, words: number): Block => ({
    type: 'paragraph',
    children: [{ type: 'text', text: Array.from({ length: words }, () => `p${id}w`).join(' ') }],
  });
  const blocks: Block[] = [paragraph(0, 5 + shift * 9)];
  for (let i = 1; i <= 26; i++) {
    if (i % 3 === 0) {
      blocks.push({
        type: 'heading',
        level: 2,
        number: `9.${i}`,
        children: [{ type: 'text', text: `Heading ${i}` }],
        anchor: `h${i}`,
      });
    }
    blocks.push(paragraph(i, 10 + ((i * 29) % 70)));
  }
  return blocks;
}

describe('pagination keeps text together', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8])('shift %i: no widows, orphans or stranded headings', async (shift) => {
    const doc = sampleReportDoc();
    const bytes = await renderPdf({ ...doc, blocks: stressBlocks(shift) }, new Map(), theme, {
      pageSize: 'A4',
    });
    const pdf = await readPdf(bytes);
    const body = pdf.pages
      .slice(2)
      .map((page) =>
        page.lines.filter(
          (line) => line.y > theme.page.margin.top && line.y < page.height - theme.page.margin.bottom,
        ),
      );
    const paragraphOf = (text: string): string | undefined => /^(p\d+)w/.exec(text)?.[1];
    body.forEach((lines, index) => {
      const last = lines.at(-1)?.text ?? '';
      expect(last.startsWith('9.'), `heading last on page ${index + 3}`).toBe(false);
      const next = body[index + 1];
      const tail = paragraphOf(last);
      if (!next || !tail || paragraphOf(next[0]?.text ?? '') !== tail) return;
      // The paragraph runs over the break: at least two of its lines on each side.
      const before = lines.filter((line) => paragraphOf(line.text) === tail).length;
      const after = next.filter((line) => paragraphOf(line.text) === tail).length;
      expect(before, `${tail} before break`).toBeGreaterThanOrEqual(2);
      expect(after, `${tail} after break`).toBeGreaterThanOrEqual(2);
    });
  });
});
