import {
  BRAND_BAR,
  CONTENT_W,
  FOOTER_RULE_Y,
  FOOTER_TEXT,
  MARGIN_X,
  SLIDE_H,
  SLIDE_NUMBER,
  SLIDE_W,
  TITLE_BOX,
  TITLE_RULE,
  toPoints,
} from './geometry.js';
import { truncate } from './text/fit.js';
import type { Run } from './text/runs.js';
import { wrapRuns } from './text/wrap.js';
import type {
  LabelElement,
  MasterElement,
  MasterModel,
  PlaceholderElement,
  ShapeElement,
  SlideNumberModel,
} from './slide-model.js';
import type { Box, DeckContext, MasterName } from './types.js';

/** Name of the title placeholder every master defines; slides put their title in it. */
export const TITLE_PLACEHOLDER = 'title';

export const FOOTER_SIZE = 10;

/**
 * One master per layout family, all drawn from the theme. Content masters carry the
 * brand bar, the title placeholder, a footer line (short title · date) and the slide number.
 */
export function deckMasters(ctx: DeckContext): MasterModel[] {
  const content: MasterName[] = [
    'BRIEFKIT_CONTENT',
    'BRIEFKIT_CHART',
    'BRIEFKIT_KEY_FIGURES',
    'BRIEFKIT_TWO_COLUMN',
    'BRIEFKIT_SOURCES',
  ];
  const light = (name: MasterName, background: string): MasterModel => ({
    name,
    background,
    elements: contentFurniture(ctx),
    slideNumber: slideNumber(ctx, ctx.colors.muted),
  });
  return [
    ...content.map((name) => light(name, ctx.colors.background)),
    light('BRIEFKIT_QUOTE', ctx.colors.surface),
    {
      name: 'BRIEFKIT_TITLE',
      background: ctx.colors.darkBackground,
      elements: [
        rect({ x: 0, y: SLIDE_H - 0.16, w: SLIDE_W, h: 0.16 }, ctx.colors.accent),
        rect({ x: MARGIN_X, y: 1.55, w: 1.2, h: 0.07 }, ctx.colors.accent),
        titlePlaceholder(
          ctx,
          { x: MARGIN_X, y: 1.85, w: CONTENT_W, h: 2.3 },
          ctx.colors.onDark,
          40,
          'bottom',
        ),
      ],
    },
    {
      name: 'BRIEFKIT_SECTION',
      background: ctx.colors.darkBackground,
      elements: [
        rect({ x: 0, y: 0, w: 0.28, h: SLIDE_H }, ctx.colors.accent),
        titlePlaceholder(ctx, { x: 1.2, y: 2.3, w: SLIDE_W - 2.4, h: 1.9 }, ctx.colors.onDark, 36, 'bottom'),
        footerText(ctx, ctx.colors.onDarkMuted, { ...FOOTER_TEXT, x: 1.2, w: FOOTER_TEXT.w - 0.6 }),
      ],
      slideNumber: slideNumber(ctx, ctx.colors.onDarkMuted),
    },
  ];
}

function rect(box: Box, fill: string): ShapeElement {
  return { kind: 'shape', shape: 'rect', box, fill };
}

function contentFurniture(ctx: DeckContext): MasterElement[] {
  return [
    rect(BRAND_BAR, ctx.colors.primary),
    rect({ x: 0, y: 0, w: 0.9, h: BRAND_BAR.h }, ctx.colors.accent),
    titlePlaceholder(ctx, TITLE_BOX, ctx.colors.primary, ctx.theme.deck.titleSize, 'bottom'),
    rect(TITLE_RULE, ctx.colors.accent),
    {
      kind: 'shape',
      shape: 'line',
      box: { x: MARGIN_X, y: FOOTER_RULE_Y, w: CONTENT_W, h: 0 },
      line: { color: ctx.colors.rule, width: 0.75 },
    },
    footerText(ctx, ctx.colors.muted, FOOTER_TEXT),
  ];
}

function titlePlaceholder(
  ctx: DeckContext,
  box: Box,
  color: string,
  size: number,
  valign: 'top' | 'middle' | 'bottom',
): PlaceholderElement {
  return { kind: 'placeholder', name: TITLE_PLACEHOLDER, box, font: ctx.fonts.heading, size, color, valign };
}

function footerText(ctx: DeckContext, color: string, box: Box): LabelElement {
  return {
    kind: 'label',
    box,
    text: footerLine(ctx, box.w),
    font: ctx.fonts.body,
    size: FOOTER_SIZE,
    color,
    valign: 'middle',
    lang: ctx.meta.lang,
  };
}

/** "Short title · 26 February 2026" (the date once, if the short title has it), cut to fit. */
export function footerLine(ctx: DeckContext, width: number): string {
  const { shortTitle, dateText } = ctx.meta;
  const parts = shortTitle.includes(dateText) ? [shortTitle] : [shortTitle, dateText];
  const text = parts.filter((part) => part.trim() !== '').join(' · ');
  const run: Run = { text, bold: false, italic: false, code: false, superscript: false, breakBefore: false };
  const room = { width: toPoints(width) };
  if (wrapRuns([run], room.width, FOOTER_SIZE, ctx.measure).length <= 1) return text;
  return truncate([run], 1, FOOTER_SIZE, ctx.measure, room)
    .map((r) => r.text)
    .join('');
}

function slideNumber(ctx: DeckContext, color: string): SlideNumberModel {
  return { box: SLIDE_NUMBER, font: ctx.fonts.body, size: FOOTER_SIZE, color };
}
