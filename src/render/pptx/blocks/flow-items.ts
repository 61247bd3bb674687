import type {
  Block,
  ChartBlock,
  ImageBlock,
  Inline,
  KeyFigure,
  ListBlock,
  QuoteBlock,
} from '../../../document/types.js';
import { assertNever } from '../../../errors.js';
import { LINE_PITCH, type TextParagraph } from '../text/paragraph.js';
import { inlinesToRuns, plainRun, type Run } from '../text/runs.js';
import type { DeckContext } from '../types.js';
import { sourceParagraphs } from './source-entries.js';
import { buildTable, type TableModel } from './table-model.js';

/** One piece of a slide body, stacked top to bottom and split across slides when needed. */
export type FlowItem =
  | { kind: 'text'; variant: 'body' | 'quote'; paragraph: TextParagraph }
  | { kind: 'table'; table: TableModel }
  | { kind: 'chart'; block: ChartBlock }
  | { kind: 'image'; block: ImageBlock }
  | { kind: 'key-figures'; items: KeyFigure[] }
  | { kind: 'rule' };

export interface FlowStyle {
  /** Body text size in points; headings and quotes scale from it. */
  bodySize: number;
}

/** Cards per row: four large numbers are as many as a slide can show legibly. */
export const KEY_FIGURES_PER_SLIDE = 4;

export function buildFlowItems(blocks: readonly Block[], ctx: DeckContext, style: FlowStyle): FlowItem[] {
  return blocks.flatMap((block) => blockItems(block, ctx, style));
}

function blockItems(block: Block, ctx: DeckContext, style: FlowStyle): FlowItem[] {
  const body = style.bodySize;
  switch (block.type) {
    case 'heading':
      return [
        text({
          ...paragraph(inlinesToRuns(block.children), body + (block.level === 3 ? 2 : 4), ctx.colors.primary),
          bold: true,
          spaceAfter: Math.round(body * 0.35),
          keepWithNext: true,
        }),
      ];
    case 'paragraph':
      return [text(paragraph(inlinesToRuns(block.children), body, ctx.colors.text))];
    case 'list':
      return listItems(block, 0, ctx, style);
    case 'quote':
      return quoteItems(block, ctx, style);
    case 'table': {
      // A data table: its caption stays with its first rows; its source line follows the last.
      const small = Math.max(10, body - 3);
      const data = block.data;
      const captionRuns: Inline[] = data
        ? [
            { type: 'strong', children: [{ type: 'text', text: data.label }] },
            { type: 'text', text: data.captionText.slice(data.label.length) },
          ]
        : [];
      const sourceText = data ? [data.sourceLine.text, data.note].filter(Boolean).join('. ') : '';
      const caption = data
        ? [text({ ...paragraph(inlinesToRuns(captionRuns), small, ctx.colors.text), keepWithNext: true })]
        : [];
      const source =
        sourceText !== ''
          ? [text({ ...paragraph([plainRun(sourceText)], small, ctx.colors.muted), keepWithPrevious: true })]
          : [];
      return [...caption, { kind: 'table', table: buildTable(block, body) }, ...source];
    }
    case 'chart':
      return [{ kind: 'chart', block }];
    case 'image':
      return [{ kind: 'image', block }];
    case 'key-figures':
      return chunk(block.items, KEY_FIGURES_PER_SLIDE).map((items) => ({ kind: 'key-figures', items }));
    case 'sources':
      return sourceParagraphs(ctx, Math.min(body, 14)).map(text);
    case 'rule':
      return [{ kind: 'rule' }];
    default:
      return assertNever(block, 'block');
  }
}

export function paragraph(runs: Run[], size: number, color: string): TextParagraph {
  return {
    runs,
    size,
    lineHeight: Math.round(size * LINE_PITCH * 10) / 10,
    spaceAfter: Math.round(size * 0.5),
    color,
    level: 0,
  };
}

function text(p: TextParagraph): FlowItem {
  return { kind: 'text', variant: 'body', paragraph: p };
}

/**
 * A list item is one bulleted paragraph: its further paragraphs join it after a line
 * break, nested lists follow one level deeper, anything else (a table in a list) after it.
 */
function listItems(list: ListBlock, level: number, ctx: DeckContext, style: FlowStyle): FlowItem[] {
  const body = style.bodySize;
  const size = level === 0 ? body : body - 2;
  // Room for the widest number ("10.") and a gap after it.
  const last = `${list.start + list.items.length - 1}.`;
  const bulletWidth = list.ordered
    ? Math.max(size * 1.25, ctx.measure.width(last, size) + size * 0.45)
    : size * 1.25;
  return list.items.flatMap((item, index) => {
    const runs: Run[] = [];
    const after: FlowItem[] = [];
    for (const block of item) {
      const inlines = inlineContent(block);
      if (inlines) {
        const more = inlinesToRuns(inlines);
        const [first, ...rest] = more;
        if (first && runs.length > 0) runs.push({ ...first, breakBefore: true }, ...rest);
        else runs.push(...more);
      } else if (block.type === 'list') {
        after.push(...listItems(block, level + 1, ctx, style));
      } else {
        after.push(...blockItems(block, ctx, style));
      }
    }
    const bullet = list.ordered
      ? { type: 'number' as const, start: list.start + index }
      : { type: 'bullet' as const };
    const head = text({
      ...paragraph(runs, size, ctx.colors.text),
      bullet,
      bulletWidth,
      level,
      spaceAfter: Math.round(body * 0.4),
    });
    return [head, ...after];
  });
}

function inlineContent(block: Block): readonly Inline[] | undefined {
  if (block.type === 'paragraph' || block.type === 'heading') return block.children;
  return undefined;
}

function quoteItems(quote: QuoteBlock, ctx: DeckContext, style: FlowStyle): FlowItem[] {
  const size = style.bodySize;
  const items: FlowItem[] = quote.children.flatMap((block) => {
    const inlines = inlineContent(block);
    if (!inlines) return blockItems(block, ctx, style);
    return [
      {
        kind: 'text' as const,
        variant: 'quote' as const,
        paragraph: { ...paragraph(inlinesToRuns(inlines), size, ctx.colors.text), italic: true },
      },
    ];
  });
  if (quote.attribution) {
    items.push({
      kind: 'text',
      variant: 'quote',
      paragraph: paragraph(
        [plainRun('— '), ...inlinesToRuns(quote.attribution)],
        Math.max(size - 4, 12),
        ctx.colors.muted,
      ),
    });
  }
  return items;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
