import type { Block, Slide } from '../../../document/types.js';
import { buildFlowItems, type FlowItem } from '../blocks/flow-items.js';
import { paginateFlow, type FlowOptions, type FlowPage } from '../blocks/flow.js';
import { renderFlowPage } from '../blocks/render-flow.js';
import { BODY_BOX, splitColumns, toPoints } from '../geometry.js';
import type { Box, DeckContext, MasterName } from '../types.js';
import { addSourceLine, addTitle, notesFor, pageCitations } from './common.js';

export interface FlowSlideOptions {
  master: MasterName;
  /** Body sizes to try: the first at which everything fits one slide wins; else the first one paginates. */
  bodySizes?: readonly number[];
  chart?: FlowOptions['chart'];
  keyFigures?: FlowOptions['keyFigures'];
  /** Lay the body out in two columns, left then right, before starting another slide. */
  columns?: boolean;
}

const inches = (value: number): number => toPoints(value);

export function flowOptions(options: Partial<FlowOptions> & Pick<FlowOptions, 'boxFor'>): FlowOptions {
  return {
    chart: options.chart ?? { min: inches(2.8), max: inches(BODY_BOX.h) },
    keyFigures: options.keyFigures ?? { min: inches(2.5), max: inches(3.2) },
    boxFor: options.boxFor,
  };
}

/** Lays a slide's blocks out as a flow, on as many slides as it needs ("Title (cont.)"). */
export function renderFlowSlides(slide: Slide, ctx: DeckContext, options: FlowSlideOptions): void {
  const pages = planFlow(slide.blocks, ctx, options);
  const shrunk = pages.some((page) => page.bodySize < bodySizes(ctx, options)[0]!);
  const perSlide = options.columns && pages.length > 1 ? 2 : 1;
  const groups: FlowPage[][] = [];
  for (let index = 0; index < pages.length; index += perSlide)
    groups.push(pages.slice(index, index + perSlide));
  const citations = groups.map((group) => {
    const numbers = new Set<number>();
    group.forEach((page) => pageCitations(slide, page, ctx, false).forEach((n) => numbers.add(n)));
    return numbers;
  });
  // A citation the slide declares but no page shows (say, in a chart's sources) goes on the first.
  const shown = new Set(citations.flatMap((numbers) => [...numbers]));
  slide.citations.filter((n) => !shown.has(n)).forEach((n) => citations[0]?.add(n));

  groups.forEach((group, index) => {
    const target = ctx.addSlide(options.master, notesFor(slide, ctx, index > 0), index);
    if (shrunk) target.fit = { shrunk, truncated: false };
    addTitle(target, slide.title, ctx, { cont: index > 0 });
    group.forEach((page) => renderFlowPage(target, page, ctx));
    addSourceLine(target, citations[index] ?? [], ctx);
  });
}

/** Tries the body sizes in turn; two columns only when one full-width column is not enough. */
export function planFlow(blocks: readonly Block[], ctx: DeckContext, options: FlowSlideOptions): FlowPage[] {
  const sizes = bodySizes(ctx, options);
  const layouts: ((page: number) => Box)[] = [() => BODY_BOX];
  if (options.columns) {
    const [left, right] = splitColumns(BODY_BOX, 0.5);
    layouts.push((page) => (page % 2 === 0 ? left : right));
  }
  let first: FlowPage[] | undefined;
  for (const boxFor of layouts) {
    for (const bodySize of sizes) {
      const items = buildFlowItems(blocks, ctx, { bodySize });
      const pages = paginate(items, ctx, options, boxFor, bodySize);
      const capacity = boxFor === layouts[0] ? 1 : 2;
      if (pages.length <= capacity) return pages;
      first ??= pages;
    }
  }
  if (options.columns) {
    const bodySize = sizes[0] ?? ctx.theme.deck.bodySize;
    const items = buildFlowItems(blocks, ctx, { bodySize });
    const [left, right] = splitColumns(BODY_BOX, 0.5);
    return paginate(items, ctx, options, (page) => (page % 2 === 0 ? left : right), bodySize);
  }
  return first ?? [];
}

function paginate(
  items: FlowItem[],
  ctx: DeckContext,
  options: FlowSlideOptions,
  boxFor: (page: number) => Box,
  bodySize: number,
): FlowPage[] {
  return paginateFlow(
    items,
    ctx.measure,
    flowOptions({
      boxFor,
      ...(options.chart ? { chart: options.chart } : {}),
      ...(options.keyFigures ? { keyFigures: options.keyFigures } : {}),
    }),
    bodySize,
  );
}

function bodySizes(ctx: DeckContext, options: FlowSlideOptions): readonly number[] {
  return options.bodySizes ?? [ctx.theme.deck.bodySize, ctx.theme.deck.bodySize - 2];
}
