import type { ChartAssets } from '../../charts/types.js';
import type { ReportDoc } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';
import { layoutBlocks } from './blocks/index.js';
import { sourceDestinationName } from './blocks/sources.js';
import { drawCover } from './cover.js';
import { collectBytes, createPdf, openThemeFaces } from './create-pdf.js';
import { createFontSet } from './fonts.js';
import { drawFurniture } from './furniture.js';
import { createLogoDrawer } from './logo.js';
import { getPageGeometry } from './geometry.js';
import { createHeadingRegistry } from './outline.js';
import { paginate } from './paginate.js';
import { collectHeadings, prepareBlocks } from './prepare.js';
import { addStruct } from './tagging.js';
import { createMeasurer } from './text/metrics.js';
import { drawToc, layoutToc } from './toc.js';
import type { Frame, LayoutContext, PdfOptions } from './types.js';

/**
 * Renders the report: cover, contents, body, then the contents' page numbers and
 * the page furniture once the page count is known. Pure: reads only its arguments
 * (and the theme's font files), writes nothing, and takes every date from the IR.
 *
 *   prepare blocks → cover → reserve contents pages → lay out body → paginate
 *   → fill contents → header/footer → end
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
  const headings = createHeadingRegistry(pdf);
  const hasSourceList = blocks.some((block) => block.type === 'sources');
  const sourceNumbers = new Set(doc.sources.map((source) => source.number));
  const ctx: LayoutContext = {
    pdf,
    theme,
    fonts,
    measure: createMeasurer(pdf, fonts),
    page,
    meta: doc.meta,
    sources: doc.sources,
    assets,
    sourceDestination: (number) =>
      hasSourceList && sourceNumbers.has(number) ? sourceDestinationName(number) : undefined,
    placeHeading: (placement, y) => headings.place(placement, y),
    layoutBlocks: (children, frame, parent) => layoutBlocks(children, ctx, frame, parent),
  };
  const root = pdf.struct('Document', { lang: doc.meta.lang });
  pdf.addStructure(root);

  const logos = options.logos ?? {};
  const drawLogo = await createLogoDrawer(
    ctx,
    [logos.dark, logos.light].filter((l) => l !== undefined),
  );
  drawCover(ctx, root, logos.dark && ((placement) => drawLogo(logos.dark!, placement)));
  const toc = layoutToc(ctx, collectHeadings(blocks));
  const tocParent = addStruct(pdf, root, 'Sect');
  const tocElement = addStruct(pdf, tocParent, 'TOC');
  for (let i = 0; i < toc.pageCount; i++) pdf.addPage();

  const frame: Frame = { x: page.left, width: page.contentWidth, listDepth: 0, inQuote: false };
  const flowables = layoutBlocks(blocks, ctx, frame, root);
  paginate(ctx, flowables, () => {
    pdf.addPage();
    return pdf.bufferedPageRange().count - 1;
  });

  drawToc(ctx, toc, 1, headings.placements, tocParent, tocElement);
  drawFurniture(
    ctx,
    pdf.bufferedPageRange().count,
    logos.light && ((placement) => drawLogo(logos.light!, placement)),
  );
  root.end();
  pdf.end();
  return bytes;
}
