import type { CitedSource, Inline, SourcesBlock } from '../../../document/types.js';
import type { Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import { metricsFor, smallStyle } from '../styles.js';
import { layoutInlines, lineFlowables, singleLine } from '../text/text-flow.js';
import type { Frame, LayoutContext } from '../types.js';

// A citation's link shows a little of the page above the entry.
const DESTINATION_ABOVE = 12;

/** Named destination of a source entry; citations link here. */
export function sourceDestinationName(number: number): string {
  return `source-${number}`;
}

/** The entry's final wording (decided in the document, see source-entries.ts) as inlines. */
export function sourceInlines(source: CitedSource): Inline[] {
  return source.entry.map((run) => {
    let inline: Inline = { type: 'text', text: run.text };
    if (run.emphasis) inline = { type: 'emphasis', children: [inline] };
    if (run.strong) inline = { type: 'strong', children: [inline] };
    return run.href ? { type: 'link', href: run.href, children: [inline] } : inline;
  });
}

/**
 * The numbered list of cited sources. Each entry carries the named destination
 * its citations link to, and its URL is a live link when it is http(s) or mailto.
 * A page break falls between entries (or between the lines of a long one), never
 * leaving the first or the last entry alone on a page.
 */
export function layoutSources(
  _block: SourcesBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable[] {
  const { theme } = ctx;
  const style = smallStyle(ctx, { size: theme.sizes.small + 0.5 });
  const metrics = metricsFor(ctx, style.size);
  const labelStyle = { ...style, face: 'bold' as const, color: theme.colors.muted };
  const labelColumn = Math.max(0, ...ctx.sources.map((s) => ctx.measure.width(labelStyle, `${s.number}.`)));
  const indent = labelColumn + 8;
  const list = ctx.struct.add(parent, 'L');
  const entries = ctx.sources.map((source, index): Flowable[] => {
    const item = ctx.struct.add(list, 'LI');
    const label = ctx.struct.add(item, 'Lbl');
    const body = ctx.struct.add(ctx.struct.add(item, 'LBody'), 'P');
    const lines = layoutInlines(ctx, sourceInlines(source), style, frame.width - indent);
    const flowables = lineFlowables(lines, {
      x: frame.x + indent,
      metrics,
      spaceBefore: index === 0 ? theme.sizes.paragraphGap : 4,
      node: body,
    });
    const [first, ...rest] = flowables;
    if (!first) return [];
    const text = `${source.number}.`;
    const labelX = frame.x + labelColumn - ctx.measure.width(labelStyle, text);
    return [
      {
        ...first,
        boxes: [
          { kind: 'anchor', name: sourceDestinationName(source.number), y: -DESTINATION_ABOVE },
          {
            kind: 'text',
            x: labelX,
            baseline: metrics.baseline,
            line: singleLine(ctx, text, labelStyle),
            node: label,
          },
          ...first.boxes,
        ],
      },
      ...rest,
    ];
  });
  // No entry alone at the top or the foot of a page: the first stays with the second, the
  // last with the one before it (a break never leaves "2. Made-up Survey Office." by itself).
  const last = entries.length - 1;
  return entries.flatMap((lines, index) =>
    (index === 0 || index === last - 1) && lines.length > 0
      ? [...lines.slice(0, -1), { ...lines.at(-1)!, keepWithNext: true }]
      : lines,
  );
}
