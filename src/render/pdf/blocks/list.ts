import type { ListBlock } from '../../../document/types.js';
import { bodyMetrics, textStyle } from '../styles.js';
import type { Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import { singleLine } from '../text/text-flow.js';
import type { Frame, LayoutContext } from '../types.js';

const BULLETS = ['•', '–', '◦'] as const;
const ITEM_GAP = 3;

function marker(block: ListBlock, index: number, depth: number): string {
  if (!block.ordered) return BULLETS[Math.min(depth, BULLETS.length - 1)] ?? '•';
  const n = block.start + index;
  // Nested ordered lists count with letters, as in most house styles.
  return depth % 2 === 1 ? `${String.fromCharCode(96 + (((n - 1) % 26) + 1))}.` : `${n}.`;
}

/**
 * Bulleted and numbered lists, nested by recursion through the dispatch table.
 * Each item is LI > Lbl + LBody; the marker is drawn on the baseline of the
 * item's first line, and numbers are right-aligned in their column.
 */
export function layoutList(
  block: ListBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable[] {
  const { theme } = ctx;
  const depth = frame.listDepth;
  const labelStyle = textStyle(ctx, {
    face: block.ordered ? 'regular' : 'bold',
    color: block.ordered ? theme.colors.text : depth === 0 ? theme.colors.accent : theme.colors.muted,
  });
  const labels = block.items.map((_, index) => marker(block, index, depth));
  const labelColumn = block.ordered
    ? Math.max(...labels.map((label) => ctx.measure.width(labelStyle, label)))
    : ctx.measure.width(labelStyle, '•');
  const gap = theme.sizes.body * 0.7;
  const indent = labelColumn + gap;
  const inner: Frame = { ...frame, x: frame.x + indent, width: frame.width - indent, listDepth: depth + 1 };
  const list = ctx.struct.add(parent, 'L');
  return block.items.flatMap((item, index) => {
    const element = ctx.struct.add(list, 'LI');
    const label = ctx.struct.add(element, 'Lbl');
    const body = ctx.struct.add(element, 'LBody');
    const flowables = ctx.layoutBlocks(item, inner, body);
    const [first, ...rest] = flowables;
    if (!first) return [];
    const text = labels[index] ?? '';
    const labelX = frame.x + (block.ordered ? labelColumn - ctx.measure.width(labelStyle, text) : 0);
    const firstBaseline = first.firstBaseline ?? bodyMetrics(ctx).baseline;
    const spaceBefore = index === 0 && depth === 0 ? theme.sizes.paragraphGap : ITEM_GAP;
    const labelled: Flowable = {
      ...first,
      spaceBefore,
      boxes: [
        {
          kind: 'text',
          x: labelX,
          baseline: firstBaseline,
          line: singleLine(ctx, text, labelStyle),
          node: label,
        },
        ...first.boxes,
      ],
    };
    return [labelled, ...rest];
  });
}
