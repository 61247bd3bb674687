import { toInches } from '../geometry.js';
import type { SlideModel } from '../slide-model.js';
import type { TextParagraph } from '../text/paragraph.js';
import type { Box, DeckContext } from '../types.js';
import { assertNever } from '../../../errors.js';
import { addChart } from './chart.js';
import { addImage } from './image.js';
import type { FlowItem } from './flow-items.js';
import { QUOTE_INSET, type FlowPage, type Placement } from './flow.js';
import { addKeyFigureCards } from './key-figures.js';
import { addTable } from './table.js';

/** Places one laid-out page on a slide: runs of paragraphs become one text box each. */
export function renderFlowPage(slide: SlideModel, page: FlowPage, ctx: DeckContext): void {
  const groups = groupText(page.placements);
  for (const group of groups) {
    const top = page.box.y + toInches(group.y);
    const height = toInches(group.h);
    const box: Box = { x: page.box.x, y: top, w: page.box.w, h: height };
    if (group.kind === 'text') {
      addParagraphs(slide, group.paragraphs, group.variant, box, ctx);
      continue;
    }
    drawItem(slide, group.item, box, ctx);
  }
}

function drawItem(
  slide: SlideModel,
  item: Exclude<FlowItem, { kind: 'text' }>,
  box: Box,
  ctx: DeckContext,
): void {
  switch (item.kind) {
    case 'table':
      addTable(slide, item.table, box, ctx);
      return;
    case 'chart':
      addChart(slide, item.block, box, ctx);
      return;
    case 'image':
      addImage(slide, item.block, box, ctx);
      return;
    case 'key-figures':
      addKeyFigureCards(slide, item.items, box, ctx);
      return;
    case 'rule':
      slide.elements.push({
        kind: 'shape',
        shape: 'line',
        box: { x: box.x, y: box.y + box.h / 2, w: box.w, h: 0 },
        line: { color: ctx.colors.rule, width: 1 },
      });
      return;
    default:
      assertNever(item, 'flow item');
  }
}

/** A text box of paragraphs set exactly as measured: no insets, top-aligned, no autofit. */
export function addParagraphs(
  slide: SlideModel,
  paragraphs: readonly TextParagraph[],
  variant: 'body' | 'quote',
  box: Box,
  ctx: DeckContext,
): void {
  const inset = variant === 'quote' ? toInches(QUOTE_INSET) : 0;
  if (variant === 'quote') {
    const last = paragraphs.at(-1);
    slide.elements.push({
      kind: 'shape',
      shape: 'rect',
      box: {
        x: box.x,
        y: box.y + 0.04,
        w: 0.06,
        h: Math.max(0.1, box.h - toInches(last?.spaceAfter ?? 0) - 0.08),
      },
      fill: ctx.colors.accent,
    });
  }
  slide.elements.push({
    kind: 'text',
    box: { x: box.x + inset, y: box.y, w: box.w - inset, h: box.h },
    paragraphs: [...paragraphs],
    look: { font: ctx.fonts.body, lang: ctx.meta.lang, linkColor: ctx.colors.primary },
    valign: 'top',
  });
}

type Group =
  | { kind: 'text'; variant: 'body' | 'quote'; paragraphs: TextParagraph[]; y: number; h: number }
  | { kind: 'item'; item: Exclude<FlowItem, { kind: 'text' }>; y: number; h: number };

function groupText(placements: readonly Placement[]): Group[] {
  const groups: Group[] = [];
  for (const placement of placements) {
    const item = placement.item;
    const last = groups.at(-1);
    if (item.kind === 'text') {
      if (
        last?.kind === 'text' &&
        last.variant === item.variant &&
        Math.abs(last.y + last.h - placement.y) < 0.01
      ) {
        last.paragraphs.push(item.paragraph);
        last.h += placement.h;
      } else {
        groups.push({
          kind: 'text',
          variant: item.variant,
          paragraphs: [item.paragraph],
          y: placement.y,
          h: placement.h,
        });
      }
    } else {
      groups.push({ kind: 'item', item, y: placement.y, h: placement.h });
    }
  }
  return groups;
}
