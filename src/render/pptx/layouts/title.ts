import type { Slide } from '../../../document/types.js';
import { CONTENT_W, MARGIN_X, SLIDE_H, SLIDE_W } from '../geometry.js';
import type { SlideModel } from '../slide-model.js';
import type { DeckContext } from '../types.js';
import { addSourceLine, addTitle, notesFor } from './common.js';
import { addFittedText } from '../text/fitted-text.js';
import { blocksAsRuns } from './cover-text.js';

/** The theme's logo in the title slide's top right corner: at most this tall and this wide (inches). */
const LOGO = { y: 0.55, h: 0.7, maxW: 3.2 };

/** The cover: logo, organisation, title, subtitle, date and place, audience, on the dark brand colour. */
export function renderTitleSlide(slide: Slide, ctx: DeckContext): void {
  const { meta, colors } = ctx;
  const target = ctx.addSlide('BRIEFKIT_TITLE', notesFor(slide, ctx));
  const logoWidth = addLogo(target, ctx);
  const title = slide.title.length > 0 ? slide.title : [{ type: 'text' as const, text: meta.title }];
  addTitle(target, title, ctx, {
    box: { x: MARGIN_X, y: 1.85, w: CONTENT_W, h: 2.3 },
    color: colors.onDark,
    steps: [
      { size: 44, lines: 1 },
      { size: 40, lines: 2 },
      { size: 36, lines: 2 },
      { size: 32, lines: 3 },
      { size: 28, lines: 3 },
      { size: 24, lines: 4 },
    ],
  });
  if (meta.organisation) {
    addFittedText(
      target,
      meta.organisation.toUpperCase(),
      { x: MARGIN_X, y: 0.7, w: CONTENT_W - (logoWidth > 0 ? logoWidth + 0.4 : 0), h: 0.45 },
      ctx,
      {
        steps: [
          { size: 14, lines: 1 },
          { size: 12, lines: 1 },
        ],
        color: colors.accent,
        bold: true,
      },
    );
  }
  const body = blocksAsRuns(slide.blocks);
  const subtitle = body.length > 0 ? body : (meta.subtitle ?? '');
  const citations = addFittedText(target, subtitle, { x: MARGIN_X, y: 4.4, w: CONTENT_W, h: 1.3 }, ctx, {
    steps: [
      { size: 22, lines: 2 },
      { size: 20, lines: 3 },
      { size: 18, lines: 3 },
      { size: 16, lines: 4 },
    ],
    color: colors.onDarkMuted,
  });
  const when = [meta.dateText, meta.place]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(' · ');
  addFittedText(target, when, { x: MARGIN_X, y: 5.95, w: CONTENT_W, h: 0.42 }, ctx, {
    steps: [
      { size: 18, lines: 1 },
      { size: 14, lines: 1 },
    ],
    color: colors.onDark,
    bold: true,
  });
  if (meta.audience) {
    addFittedText(target, meta.audience, { x: MARGIN_X, y: 6.4, w: CONTENT_W, h: SLIDE_H - 0.3 - 6.4 }, ctx, {
      steps: [
        { size: 14, lines: 1 },
        { size: 12, lines: 1 },
      ],
      color: colors.onDarkMuted,
    });
  }
  if (citations.size > 0) {
    addSourceLine(target, citations, ctx, {
      box: { x: MARGIN_X + CONTENT_W / 2, y: 5.95, w: CONTENT_W / 2, h: 0.8 },
      color: colors.onDarkMuted,
    });
  }
}

/** Adds the logo for dark backgrounds, right-aligned; returns its width (0 without a logo). */
function addLogo(slide: SlideModel, ctx: DeckContext): number {
  const logo = ctx.options.logos?.dark;
  if (!logo) return 0;
  const aspect = logo.width / logo.height;
  const w = Math.min(LOGO.maxW, LOGO.h * aspect);
  const h = w / aspect;
  slide.elements.push({
    kind: 'picture',
    data: logo.raster,
    format: logo.rasterFormat,
    box: { x: SLIDE_W - MARGIN_X - w, y: LOGO.y + (LOGO.h - h) / 2, w, h },
    // A logo is named by the organisation it stands for; without one it is decoration.
    altText: ctx.meta.organisation ?? '',
    objectName: 'Logo',
  });
  return w;
}
