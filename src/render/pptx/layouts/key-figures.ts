import type { Slide } from '../../../document/types.js';
import { BODY_BOX, toPoints } from '../geometry.js';
import type { DeckContext } from '../types.js';
import { renderFlowSlides } from './flow-slides.js';

/** Up to four large numbers in cards, any text below them; more figures continue. */
export function renderKeyFiguresSlide(slide: Slide, ctx: DeckContext): void {
  renderFlowSlides(slide, ctx, {
    master: 'BRIEFKIT_KEY_FIGURES',
    keyFigures: { min: toPoints(2.9), max: toPoints(Math.min(3.4, BODY_BOX.h)) },
  });
}
