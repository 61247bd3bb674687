import type { CitedSource, Inline, SourcesBlock } from '../../../document/types.js';
import { metricsFor, smallStyle } from '../styles.js';
import { addStruct, drawTagged } from '../tagging.js';
import { layoutInlines, lineFlowables } from '../text/text-flow.js';
import type { Flowable, Frame, LayoutContext, StructElement } from '../types.js';

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
 */
export function layoutSources(
  _block: SourcesBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructElement,
): Flowable[] {
  const { theme } = ctx;
  const style = smallStyle(ctx, { size: theme.sizes.small + 0.5 });
  const metrics = metricsFor(ctx, style.size);
  const labelStyle = { ...style, face: 'bold' as const, color: theme.colors.muted };
  const labelColumn = Math.max(0, ...ctx.sources.map((s) => ctx.measure.width(labelStyle, `${s.number}.`)));
  const indent = labelColumn + 8;
  const list = addStruct(ctx.pdf, parent, 'L');
  return ctx.sources.flatMap((source, index) => {
    const item = addStruct(ctx.pdf, list, 'LI');
    const label = addStruct(ctx.pdf, item, 'Lbl');
    const body = addStruct(ctx.pdf, addStruct(ctx.pdf, item, 'LBody'), 'P');
    const lines = layoutInlines(ctx, sourceInlines(source), style, frame.width - indent);
    const flowables = lineFlowables(ctx, lines, {
      x: frame.x + indent,
      metrics,
      spaceBefore: index === 0 ? theme.sizes.paragraphGap : 4,
      parent: body,
      tag: 'P',
    });
    const [first, ...rest] = flowables;
    if (!first) return [];
    const text = `${source.number}.`;
    const labelX = frame.x + labelColumn - ctx.measure.width(labelStyle, text);
    return [
      {
        ...first,
        draw: (y, state) => {
          ctx.pdf.addNamedDestination(sourceDestinationName(source.number), 'XYZ', null, y - 12, null);
          drawTagged(ctx.pdf, label, 'Lbl', () => {
            ctx.pdf
              .font(ctx.fonts.path(labelStyle.role, labelStyle.face))
              .fontSize(labelStyle.size)
              .fillColor(labelStyle.color)
              .text(text, labelX, y + metrics.baseline, { lineBreak: false, baseline: 'alphabetic' });
          });
          first.draw(y, state);
        },
      },
      ...rest,
    ];
  });
}
