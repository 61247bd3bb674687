import type { Slide } from '../../../document/types.js';
import { SLIDE_W } from '../geometry.js';
import type { DeckContext } from '../types.js';
import { addSourceLine, addTitle, notesFor } from './common.js';
import { addFittedText } from '../text/fitted-text.js';
import { blocksAsRuns } from './cover-text.js';

/** A section divider: its title large on the dark brand colour, an optional line of text below. */
export function renderSectionSlide(slide: Slide, ctx: DeckContext): void {
  const target = ctx.addSlide('BRIEFKIT_SECTION', notesFor(slide, ctx));
  addTitle(target, slide.title, ctx, {
    box: { x: 1.2, y: 2.3, w: SLIDE_W - 2.4, h: 1.9 },
    color: ctx.colors.onDark,
    steps: [
      { size: 40, lines: 1 },
      { size: 36, lines: 2 },
      { size: 32, lines: 2 },
      { size: 28, lines: 3 },
    ],
  });
  const citations = addFittedText(
    target,
    blocksAsRuns(slide.blocks),
    { x: 1.2, y: 4.45, w: SLIDE_W - 2.4, h: 1.6 },
    ctx,
    {
      steps: [
        { size: 22, lines: 2 },
        { size: 20, lines: 3 },
        { size: 18, lines: 3 },
        { size: 16, lines: 4 },
      ],
      color: ctx.colors.onDarkMuted,
    },
  );
  if (citations.size > 0) {
    addSourceLine(target, citations, ctx, {
      box: { x: 1.2, y: 6.3, w: SLIDE_W - 2.4, h: 0.5 },
      color: ctx.colors.onDarkMuted,
    });
  }
}
