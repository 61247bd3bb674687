import type { Slide } from '../../../document/types.js';
import { addChart } from '../blocks/chart.js';
import { addImage } from '../blocks/image.js';
import { buildFlowItems } from '../blocks/flow-items.js';
import { paginateFlow, type FlowPage } from '../blocks/flow.js';
import { renderFlowPage } from '../blocks/render-flow.js';
import { BODY_BOX, splitColumns } from '../geometry.js';
import type { DeckContext, MasterName } from '../types.js';
import { addSourceLine, addTitle, itemCitations, notesFor, pageCitations } from './common.js';
import { flowOptions, renderFlowSlides } from './flow-slides.js';

/** Share of the width the text column takes beside a chart. */
const TEXT_SHARE = 0.42;

/**
 * Text beside a chart (or an image): text on the left, the figure on the right. Text that does not fit
 * beside the chart continues full width on "(cont.)" slides. Without a chart, the
 * text runs in two columns.
 */
export function renderTwoColumnSlide(
  slide: Slide,
  ctx: DeckContext,
  master: MasterName = 'BRIEFKIT_TWO_COLUMN',
): void {
  // The figure beside the text: the first chart, else the first image.
  const chartIndex = slide.blocks.findIndex((block) => block.type === 'chart');
  const figureIndex =
    chartIndex >= 0 ? chartIndex : slide.blocks.findIndex((block) => block.type === 'image');
  const chart = slide.blocks[figureIndex];
  if (chart?.type !== 'chart' && chart?.type !== 'image') {
    renderFlowSlides(slide, ctx, { master, columns: true });
    return;
  }
  const text = slide.blocks.filter((_, index) => index !== figureIndex);
  if (text.length === 0) {
    renderFlowSlides(slide, ctx, { master });
    return;
  }
  const [left, right] = splitColumns(BODY_BOX, TEXT_SHARE);
  const options = flowOptions({ boxFor: (page) => (page === 0 ? left : BODY_BOX) });
  const sizes = [ctx.theme.deck.bodySize, ctx.theme.deck.bodySize - 2, ctx.theme.deck.bodySize - 4];
  let pages: FlowPage[] = [];
  for (const bodySize of sizes) {
    pages = paginateFlow(buildFlowItems(text, ctx, { bodySize }), ctx.measure, options, bodySize);
    if (pages.length === 1) break;
  }
  if (pages.length > 1) {
    pages = paginateFlow(buildFlowItems(text, ctx, { bodySize: sizes[0]! }), ctx.measure, options, sizes[0]!);
  }
  pages.forEach((page, index) => {
    const target = ctx.addSlide(master, notesFor(slide, ctx, index > 0), index);
    if (page.bodySize < sizes[0]!) target.fit = { shrunk: true, truncated: false };
    addTitle(target, slide.title, ctx, { cont: index > 0 });
    renderFlowPage(target, page, ctx);
    const citations = pageCitations(slide, page, ctx, pages.length === 1);
    if (index === 0) {
      if (chart.type === 'chart') addChart(target, chart, right, ctx);
      else addImage(target, chart, right, ctx);
      itemCitations(
        chart.type === 'chart' ? { kind: 'chart', block: chart } : { kind: 'image', block: chart },
        ctx,
        citations,
      );
    }
    addSourceLine(target, citations, ctx);
  });
}
