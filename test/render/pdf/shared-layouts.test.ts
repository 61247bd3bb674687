import { describe, expect, it, vi } from 'vitest';
import type { ReportDoc } from '../../../src/document/types.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { openFont } from '../../../src/theme/font-cache.js';
import { sampleReportDoc } from '../../fixtures/sample-report-doc.js';

const theme = defaultTheme();

/** The part of a fontkit font this test watches. */
type Shaper = { layout(text: string): unknown };
const shaper = async (file: string): Promise<Shaper> => (await openFont(file)) as unknown as Shaper;

/** The sample report without its figures: this test is about text. */
function textOnly(doc: ReportDoc): ReportDoc {
  return { ...doc, blocks: doc.blocks.filter((block) => block.type !== 'chart') };
}

describe('word layouts shared between documents of one process', () => {
  it('shapes no word twice and gives the same bytes', async () => {
    const doc = textOnly(sampleReportDoc());
    const first = await renderPdf(doc, new Map(), theme, { pageSize: 'A4' });
    const faces = [theme.fonts.body.regular, theme.fonts.body.bold, theme.fonts.heading.bold];
    const fonts = await Promise.all(faces.map(shaper));
    const spies = fonts.map((font) => vi.spyOn(font, 'layout'));
    const second = await renderPdf(doc, new Map(), theme, { pageSize: 'A4' });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(second.equals(first)).toBe(true);
    spies.forEach((spy) => spy.mockRestore());
  });

  it('still shapes words it has not seen', async () => {
    const doc = textOnly(sampleReportDoc());
    await renderPdf(doc, new Map(), theme, { pageSize: 'A4' });
    const font = await shaper(theme.fonts.body.regular);
    const spy = vi.spyOn(font, 'layout');
    const changed: ReportDoc = {
      ...doc,
      blocks: [
        { type: 'paragraph', children: [{ type: 'text', text: 'Quixotically unseen wordings.' }] },
        ...doc.blocks,
      ],
    };
    await renderPdf(changed, new Map(), theme, { pageSize: 'A4' });
    expect(spy.mock.calls.map(([text]) => text)).toEqual(
      expect.arrayContaining(['Quixotically ', 'unseen ', 'wordings.']),
    );
    spy.mockRestore();
  });
});
