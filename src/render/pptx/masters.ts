import type * as Pptx from './pptxgen.js';
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
import type { DeckContext, MasterName } from './types.js';

/** Name of the title placeholder every master defines; slides put their title in it. */
export const TITLE_PLACEHOLDER = 'title';

export const FOOTER_SIZE = 10;

/**
 * One master per layout family, all drawn from the theme. Content masters carry the
 * brand bar, the title placeholder, a footer line (short title · date) and the slide number.
 */
export function defineMasters(pptx: Pptx.Pptx, ctx: DeckContext): void {
  const light = contentFurniture(ctx);
  const content: MasterName[] = [
    'BRIEFKIT_CONTENT',
    'BRIEFKIT_CHART',
    'BRIEFKIT_KEY_FIGURES',
    'BRIEFKIT_TWO_COLUMN',
    'BRIEFKIT_SOURCES',
  ];
  for (const title of content) {
    pptx.defineSlideMaster({
      title,
      background: { color: ctx.colors.background },
      objects: light.objects(),
      slideNumber: light.slideNumber(),
    });
  }
  pptx.defineSlideMaster({
    title: 'BRIEFKIT_QUOTE',
    background: { color: ctx.colors.surface },
    objects: light.objects(),
    slideNumber: light.slideNumber(),
  });
  pptx.defineSlideMaster({
    title: 'BRIEFKIT_TITLE',
    background: { color: ctx.colors.darkBackground },
    objects: [
      { rect: { x: 0, y: SLIDE_H - 0.16, w: SLIDE_W, h: 0.16, fill: { color: ctx.colors.accent } } },
      { rect: { x: MARGIN_X, y: 1.55, w: 1.2, h: 0.07, fill: { color: ctx.colors.accent } } },
      titlePlaceholder(ctx, { x: MARGIN_X, y: 1.85, w: CONTENT_W, h: 2.3 }, ctx.colors.onDark, 40, 'bottom'),
    ],
  });
  pptx.defineSlideMaster({
    title: 'BRIEFKIT_SECTION',
    background: { color: ctx.colors.darkBackground },
    objects: [
      { rect: { x: 0, y: 0, w: 0.28, h: SLIDE_H, fill: { color: ctx.colors.accent } } },
      titlePlaceholder(ctx, { x: 1.2, y: 2.3, w: SLIDE_W - 2.4, h: 1.9 }, ctx.colors.onDark, 36, 'bottom'),
      footerText(ctx, ctx.colors.onDarkMuted, { ...FOOTER_TEXT, x: 1.2, w: FOOTER_TEXT.w - 0.6 }),
    ],
    slideNumber: slideNumber(ctx, ctx.colors.onDarkMuted),
  });
}

function contentFurniture(ctx: DeckContext) {
  return {
    objects: (): Pptx.SlideMasterProps['objects'] => [
      { rect: { ...BRAND_BAR, fill: { color: ctx.colors.primary } } },
      { rect: { x: 0, y: 0, w: 0.9, h: BRAND_BAR.h, fill: { color: ctx.colors.accent } } },
      titlePlaceholder(ctx, TITLE_BOX, ctx.colors.primary, ctx.theme.deck.titleSize, 'bottom'),
      { rect: { ...TITLE_RULE, fill: { color: ctx.colors.accent } } },
      {
        line: {
          x: MARGIN_X,
          y: FOOTER_RULE_Y,
          w: CONTENT_W,
          h: 0,
          line: { color: ctx.colors.rule, width: 0.75 },
        },
      },
      footerText(ctx, ctx.colors.muted, FOOTER_TEXT),
    ],
    slideNumber: () => slideNumber(ctx, ctx.colors.muted),
  };
}

function titlePlaceholder(
  ctx: DeckContext,
  box: { x: number; y: number; w: number; h: number },
  color: string,
  fontSize: number,
  valign: 'top' | 'middle' | 'bottom',
): NonNullable<Pptx.SlideMasterProps['objects']>[number] {
  return {
    placeholder: {
      options: {
        name: TITLE_PLACEHOLDER,
        type: 'title',
        ...box,
        fontFace: ctx.fonts.heading,
        fontSize,
        color,
        bold: true,
        align: 'left',
        valign,
        margin: 0,
      },
      text: '',
    },
  };
}

function footerText(
  ctx: DeckContext,
  color: string,
  box: { x: number; y: number; w: number; h: number },
): NonNullable<Pptx.SlideMasterProps['objects']>[number] {
  return {
    text: {
      text: footerLine(ctx, box.w),
      options: {
        ...box,
        fontFace: ctx.fonts.body,
        fontSize: FOOTER_SIZE,
        color,
        valign: 'middle',
        margin: 0,
        lang: ctx.meta.lang,
      },
    },
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

function slideNumber(ctx: DeckContext, color: string): Pptx.SlideNumberProps {
  return {
    ...SLIDE_NUMBER,
    fontFace: ctx.fonts.body,
    fontSize: FOOTER_SIZE,
    color,
    align: 'right',
    valign: 'middle',
    margin: 0,
  };
}
