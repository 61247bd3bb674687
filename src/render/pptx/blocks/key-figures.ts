import type { KeyFigure } from '../../../document/types.js';
import { toInches, toPoints } from '../geometry.js';
import { fitNote, fitText, type FitResult, type FitStep } from '../text/fit.js';
import { fitSourceLine } from '../text/fitted-source-line.js';
import type { SlideModel } from '../slide-model.js';
import type { Box, DeckContext } from '../types.js';
import { plainRun } from '../text/runs.js';

const CARD_GAP = 0.3;
const PAD_X = 0.22;
const PAD_TOP = 0.34;
const PAD_BOTTOM = 0.2;
const STRIP_H = 0.08;
const PITCH = 1.15;

type Row = 'prefix' | 'value' | 'suffix' | 'label';

interface RowStyle {
  steps: FitStep[];
  color: (ctx: DeckContext) => string;
  bold: boolean;
  /** Space after the row, in points. */
  after: number;
}

/** Rows of a card, top to bottom. Every card of a slide uses one size per row, so rows line up. */
const ROWS: Record<Row, RowStyle> = {
  prefix: {
    steps: [
      { size: 16, lines: 1 },
      { size: 14, lines: 2 },
    ],
    color: (c) => c.colors.muted,
    bold: false,
    after: 0,
  },
  value: {
    // Money named in words ("800 млрд доларів США") needs two or three lines; never an ellipsis in a number.
    steps: [54, 48, 44, 40, 36, 32, 28, 24]
      .map((size) => ({ size, lines: 1 }))
      .concat([
        { size: 24, lines: 2 },
        { size: 20, lines: 2 },
        { size: 18, lines: 3 },
      ]),
    color: (c) => c.colors.primary,
    bold: true,
    after: 2,
  },
  suffix: {
    steps: [
      { size: 18, lines: 2 },
      { size: 15, lines: 2 },
    ],
    color: (c) => c.colors.text,
    bold: true,
    after: 10,
  },
  label: {
    steps: [
      { size: 15, lines: 5 },
      { size: 13, lines: 6 },
      { size: 12, lines: 7 },
    ],
    color: (c) => c.colors.text,
    bold: false,
    after: 0,
  },
};

const SOURCE_STEPS: FitStep[] = [
  { size: 11, lines: 2 },
  { size: 10, lines: 2 },
];

const ORDER: Row[] = ['prefix', 'value', 'suffix', 'label'];

/** Up to four cards in a row: prefix, the number set large, suffix, label, and its source. */
export function addKeyFigureCards(
  slide: SlideModel,
  items: readonly KeyFigure[],
  box: Box,
  ctx: DeckContext,
): void {
  const count = Math.max(1, items.length);
  const cardW = (box.w - CARD_GAP * (count - 1)) / count;
  const width = toPoints(cardW - 2 * PAD_X);
  // The document's source line; where it is too long, names are cut and the number stays.
  const sources = items.map((item) =>
    fitSourceLine(item.sourceLine, ctx.measure, {
      steps: SOURCE_STEPS,
      pitch: PITCH,
      width,
      height: 30,
      bold: false,
    }),
  );
  const sourceH = Math.max(...sources.map(height));
  let room = toPoints(box.h - PAD_TOP - PAD_BOTTOM) - sourceH - 8;

  // Fit each row at the largest size every card can take, then give all cards that size.
  const rows = new Map<Row, FitResult[]>();
  for (const row of ORDER) {
    const style = ROWS[row];
    const texts = items.map((item) => item[row].trim());
    if (texts.every((text) => text === '') || room <= 0) continue;
    const size = Math.min(...texts.map((text) => fit(text, style.steps, width, room, style.bold, ctx).size));
    const steps = style.steps.filter((step) => step.size <= size);
    const fits = texts.map((text) => fit(text, steps, width, room, style.bold, ctx));
    rows.set(row, fits);
    room -= Math.max(...fits.map(height)) + style.after;
  }

  items.forEach((item, index) => {
    const card: Box = { x: box.x + index * (cardW + CARD_GAP), y: box.y, w: cardW, h: box.h };
    slide.elements.push(
      { kind: 'shape', shape: 'rect', box: card, fill: ctx.colors.surface },
      { kind: 'shape', shape: 'rect', box: { ...card, h: STRIP_H }, fill: ctx.colors.accent },
    );
    let y = card.y + PAD_TOP;
    for (const [row, fits] of rows) {
      const rowH = toInches(Math.max(...fits.map(height)));
      const result = fits[index]!;
      if (item[row].trim() !== '') {
        addFitted(
          slide,
          result,
          ROWS[row].color(ctx),
          ROWS[row].bold,
          { x: card.x + PAD_X, y, w: card.w - 2 * PAD_X, h: rowH },
          ctx,
          ROWS[row].steps,
        );
      }
      y += rowH + toInches(ROWS[row].after);
    }
    const source = sources[index]!;
    const h = toInches(height(source));
    addFitted(
      slide,
      source,
      ctx.colors.muted,
      false,
      { x: card.x + PAD_X, y: card.y + card.h - PAD_BOTTOM - h, w: card.w - 2 * PAD_X, h },
      ctx,
      SOURCE_STEPS,
    );
  });
}

function fit(
  text: string,
  steps: FitStep[],
  width: number,
  room: number,
  bold: boolean,
  ctx: DeckContext,
): FitResult {
  return fitText([plainRun(text)], ctx.measure, {
    steps,
    pitch: PITCH,
    width,
    height: Math.max(room, 1),
    bold,
  });
}

function height(result: FitResult): number {
  return result.lines * result.lineHeight;
}

function addFitted(
  slide: SlideModel,
  result: FitResult,
  color: string,
  bold: boolean,
  box: Box,
  ctx: DeckContext,
  steps: readonly FitStep[],
): void {
  const paragraph = {
    runs: result.runs,
    size: result.size,
    lineHeight: Math.round(result.lineHeight * 10) / 10,
    spaceAfter: 0,
    color,
    bold,
    level: 0,
  };
  slide.elements.push({
    kind: 'text',
    box,
    paragraphs: [paragraph],
    look: { font: ctx.fonts.body, lang: ctx.meta.lang, linkColor: ctx.colors.primary },
    valign: 'top',
    fit: fitNote(result, steps),
  });
}
