import type { Block, Slide } from '../../../document/types.js';
import type { DeckContext } from '../types.js';
import { renderFlowSlides } from './flow-slides.js';

/**
 * The numbered source list (and any closing text), in two columns when one is not
 * enough, continuing on "(cont.)" slides. A sources slide without blocks lists every source.
 */
export function renderSourcesSlide(slide: Slide, ctx: DeckContext): void {
  const blocks: Block[] = slide.blocks.length > 0 ? slide.blocks : [{ type: 'sources' }];
  const title =
    slide.title.length > 0 ? slide.title : [{ type: 'text' as const, text: ctx.meta.labels.sources }];
  renderFlowSlides({ ...slide, blocks, title }, ctx, {
    master: 'BRIEFKIT_SOURCES',
    columns: true,
    bodySizes: [16, 14],
  });
}
