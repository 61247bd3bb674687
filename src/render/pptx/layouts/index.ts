import type { Slide, SlideLayout } from '../../../document/types.js';
import { assertNever } from '../../../errors.js';
import type { DeckContext, LayoutRenderer } from '../types.js';
import { renderChartSlide } from './chart.js';
import { renderContentSlide } from './content.js';
import { renderKeyFiguresSlide } from './key-figures.js';
import { renderQuoteSlide } from './quote.js';
import { renderSectionSlide } from './section.js';
import { renderSourcesSlide } from './sources.js';
import { renderTitleSlide } from './title.js';
import { renderTwoColumnSlide } from './two-column.js';

/** One renderer per slide layout; the mapped type makes a missing layout a compile error. */
export const layoutRenderers: { readonly [L in SlideLayout]: LayoutRenderer } = {
  title: renderTitleSlide,
  section: renderSectionSlide,
  content: renderContentSlide,
  chart: renderChartSlide,
  'key-figures': renderKeyFiguresSlide,
  'two-column': (slide, ctx) => renderTwoColumnSlide(slide, ctx),
  quote: renderQuoteSlide,
  sources: renderSourcesSlide,
};

export function renderSlide(slide: Slide, ctx: DeckContext): void {
  const render = Object.hasOwn(layoutRenderers, slide.layout) ? layoutRenderers[slide.layout] : undefined;
  if (!render) return assertNever(slide.layout as never, 'slide layout');
  render(slide, ctx);
}
