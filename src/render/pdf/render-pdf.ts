import type { ChartAssets } from '../../charts/types.js';
import type { ReportDoc } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';
import { collect, createLayoutContext } from './collect.js';
import { layoutCover } from './cover.js';
import { collectBytes, createPdf, openThemeFaces } from './create-pdf.js';
import { createFontSet } from './fonts.js';
import { layoutFurniture } from './furniture.js';
import { getPageGeometry } from './geometry.js';
import { createLogoDrawer } from './logo.js';
import { paginate } from './paginate.js';
import { createPainter } from './paint/paint-pdf.js';
import { collectHeadings, prepareBlocks } from './prepare.js';
import { documentNode } from './structure.js';
import { createMeasurer } from './text/metrics.js';
import { headingPages, layoutToc, layoutTocPages } from './toc.js';
import type { PdfOptions } from './types.js';

/**
 * Renders the report in three phases: collect (cover, contents and body laid out as
 * boxes, with text measured by pdfkit's fonts), paginate (the body's flowables onto
 * pages; the contents' page numbers and the page furniture follow from them), then
 * paint (the one place that draws and builds the structure tree). Pure: reads only
 * its arguments (and the theme's font files), writes nothing, and takes every date
 * from the IR.
 */
export async function renderPdf(
  doc: ReportDoc,
  assets: ChartAssets,
  theme: Theme,
  options: PdfOptions,
): Promise<Buffer> {
  const blocks = prepareBlocks(doc);
  const pdf = createPdf(doc.meta, theme, options, await openThemeFaces(theme));
  const bytes = collectBytes(pdf);
  const page = getPageGeometry(options.pageSize, theme);
  const fonts = createFontSet(theme);
  const ctx = createLayoutContext({
    doc,
    blocks,
    assets,
    theme,
    fonts,
    measure: createMeasurer(pdf, fonts),
    page,
  });
  const logos = options.logos ?? {};

  // Collect and paginate.
  const root = documentNode(doc.meta.lang);
  const cover = layoutCover(ctx, root, logos.dark);
  const toc = layoutToc(ctx, collectHeadings(blocks));
  const tocSect = ctx.struct.local(root, 'Sect');
  const tocNode = ctx.struct.local(tocSect, 'TOC');
  const bodyPages = paginate(page, collect(ctx, blocks, root));
  const firstBodyIndex = 1 + toc.pageCount;
  const tocPages = layoutTocPages(ctx, toc, headingPages(bodyPages, firstBodyIndex + 1), tocSect, tocNode);
  const pageCount = firstBodyIndex + bodyPages.length;

  // Paint: the cover, the contents' pages reserved, the body, then the contents and furniture.
  const drawLogo = await createLogoDrawer(
    pdf,
    fonts,
    [logos.dark, logos.light].filter((l) => l !== undefined),
  );
  const painter = createPainter({ pdf, fonts, theme, drawLogo });
  painter.paint(cover);
  painter.open([tocSect, tocNode]);
  for (let i = 0; i < toc.pageCount; i++) pdf.addPage();
  painter.open(ctx.struct.declared);
  for (const bodyPage of bodyPages) {
    pdf.addPage();
    painter.paint(bodyPage.boxes);
  }
  tocPages.forEach((tocPage, index) => {
    pdf.switchToPage(1 + index);
    painter.paint(tocPage.boxes);
  });
  for (let index = 1; index < pageCount; index++) {
    pdf.switchToPage(index);
    painter.paint(layoutFurniture(ctx, index, pageCount, logos.light));
  }
  painter.end();
  pdf.end();
  return bytes;
}
