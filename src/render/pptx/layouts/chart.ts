import type { Slide } from '../../../document/types.js';
import { BODY_BOX, toPoints } from '../geometry.js';
import type { DeckContext } from '../types.js';
import { planFlow, renderFlowSlides } from './flow-slides.js';
import { renderTwoColumnSlide } from './two-column.js';

const CHART = { min: toPoints(3.2), max: toPoints(BODY_BOX.h) };

/**
 * A chart (or an image) as large as the slide allows, with a line or two of text above
 * it. When the text is longer than that, a chart moves beside it (the two-column layout).
 */
export function renderChartSlide(slide: Slide, ctx: DeckContext): void {
  const charts = slide.blocks.filter((block) => block.type === 'chart' || block.type === 'image').length;
  const fitsStacked = planFlow(slide.blocks, ctx, { master: 'BRIEFKIT_CHART', chart: CHART }).length === 1;
  if (charts === 1 && !fitsStacked) {
    renderTwoColumnSlide(slide, ctx, 'BRIEFKIT_CHART');
    return;
  }
  renderFlowSlides(slide, ctx, { master: 'BRIEFKIT_CHART', chart: CHART });
}
