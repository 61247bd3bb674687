import type { Block } from '../../../document/types.js';
import { fail } from '../../../errors.js';
import type { Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import type { Frame, LayoutContext } from '../types.js';
import { layoutChart } from './chart.js';
import { layoutHeading } from './heading.js';
import { layoutImage } from './image.js';
import { layoutKeyFigures } from './key-figures.js';
import { layoutList } from './list.js';
import { layoutParagraph } from './paragraph.js';
import { layoutQuote } from './quote.js';
import { layoutRule } from './rule.js';
import { layoutSources } from './sources.js';
import { layoutTable } from './table.js';

const AFTER_HEADING = 4;

type BlockLayout<T extends Block> = (
  block: T,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
) => Flowable[];

/** One renderer per block type; the mapped type makes a missing entry a compile error. */
const LAYOUTS: { [K in Block['type']]: BlockLayout<Extract<Block, { type: K }>> } = {
  heading: layoutHeading,
  paragraph: layoutParagraph,
  list: layoutList,
  quote: layoutQuote,
  table: layoutTable,
  chart: layoutChart,
  image: layoutImage,
  'key-figures': layoutKeyFigures,
  sources: layoutSources,
  rule: layoutRule,
};

export function layoutBlock(block: Block, ctx: LayoutContext, frame: Frame, parent: StructNode): Flowable[] {
  const layout = LAYOUTS[block.type] as BlockLayout<Block> | undefined;
  // The IR may come from JavaScript callers, so an unknown type is reported, not skipped.
  if (!layout) {
    fail('INTERNAL_ERROR', {
      message: `Unknown block type "${(block as { type: unknown }).type}" in ${JSON.stringify(block).slice(0, 120)}`,
      expected: `one of ${Object.keys(LAYOUTS).join(', ')}`,
    });
  }
  return layout(block, ctx, frame, parent);
}

export function layoutBlocks(
  blocks: readonly Block[],
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable[] {
  let current = frame;
  return blocks.flatMap((block, index) => {
    const flowables = layoutBlock(block, ctx, current, parent);
    if (block.type === 'heading') current = { ...current, headingLevel: block.level };
    const [first, ...rest] = flowables;
    // A heading already ends with its own space; the next block adds only a little.
    if (!first || blocks[index - 1]?.type !== 'heading') return flowables;
    return [{ ...first, spaceBefore: Math.min(first.spaceBefore, AFTER_HEADING) }, ...rest];
  });
}
