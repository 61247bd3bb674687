import type { CitedSource, Inline, SourcesBlock } from '../../../document/types.js';
import type { Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import { metricsFor, smallStyle } from '../styles.js';
import { isSafeHref } from '../text/runs.js';
import { layoutInlines, lineFlowables, singleLine } from '../text/text-flow.js';
import type { Frame, LayoutContext } from '../types.js';

// A citation's link shows a little of the page above the entry.
const DESTINATION_ABOVE = 12;

/** Named destination of a source entry; citations link here. */
export function sourceDestinationName(number: number): string {
  return `source-${number}`;
}

/**
 * "Publisher (via X). Title. Date. Note. URL" — each part a sentence, so entries
 * read the same whichever optional fields a source has.
 */
export function sourceInlines(source: CitedSource, lang: string): Inline[] {
  const text = (value: string): Inline => ({ type: 'text', text: value });
  const sentence = (value: string): string => (/[.!?…]$/.test(value) ? value : `${value}.`);
  // "via" names who relayed the source; a phrase ("as cited by X") is kept as written.
  const via = source.via ? (/^\p{Ll}/u.test(source.via) ? source.via : `via ${source.via}`) : undefined;
  const parts: Inline[] = via
    ? [{ type: 'strong', children: [text(source.publisher)] }, text(` (${via}).`)]
    : [{ type: 'strong', children: [text(sentence(source.publisher))] }];
  if (source.title) parts.push(text(' '), { type: 'emphasis', children: [text(sentence(source.title))] });
  if (source.date) parts.push(text(` ${sentence(source.date)}`));
  if (source.note) {
    parts.push(text(` ${sentence(source.note.charAt(0).toLocaleUpperCase(lang) + source.note.slice(1))}`));
  }
  if (source.url) {
    const url = text(source.url);
    parts.push(text(' '), isSafeHref(source.url) ? { type: 'link', href: source.url, children: [url] } : url);
  }
  return parts;
}

/**
 * The numbered list of cited sources. Each entry carries the named destination
 * its citations link to, and its URL is a live link when it is http(s) or mailto.
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
  return ctx.sources.flatMap((source, index) => {
    const item = ctx.struct.add(list, 'LI');
    const label = ctx.struct.add(item, 'Lbl');
    const body = ctx.struct.add(ctx.struct.add(item, 'LBody'), 'P');
    const lines = layoutInlines(ctx, sourceInlines(source, ctx.meta.lang), style, frame.width - indent);
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
}
