import type { Slide } from '../../../document/types.js';
import type { DeckContext } from '../types.js';
import { renderFlowSlides } from './flow-slides.js';

/** Bullets, paragraphs and tables; continues on "(cont.)" slides when it does not fit. */
export function renderContentSlide(slide: Slide, ctx: DeckContext): void {
  renderFlowSlides(slide, ctx, { master: 'BRIEFKIT_CONTENT' });
}
