import type { ChartAssets } from '../../charts/types.js';
import type { Block, ReportDoc } from '../../document/types.js';
import type { ImageAssets } from '../../images/types.js';
import type { Theme } from '../../theme/types.js';
import { layoutBlocks } from './blocks/index.js';
import { sourceDestinationName } from './blocks/sources.js';
import type { FontSet } from './fonts.js';
import type { PageGeometry } from './geometry.js';
import type { Flowable } from './page-model.js';
import { createStructure } from './structure.js';
import type { StructNode } from './structure.js';
import type { Measurer } from './text/metrics.js';
import type { Frame, LayoutContext } from './types.js';

export interface LayoutInputs {
  doc: ReportDoc;
  /** The blocks to lay out: `prepareBlocks(doc)`. */
  blocks: readonly Block[];
  assets: ChartAssets;
  /** The briefing's pictures by id (none when omitted). */
  images?: ImageAssets;
  theme: Theme;
  fonts: FontSet;
  /** Text widths: pdfkit's fonts in a render, a fixed-width measurer in layout tests. */
  measure: Measurer;
  page: PageGeometry;
}

/** The context every layouter reads; it holds no PDF, so layout can run anywhere. */
export function createLayoutContext(inputs: LayoutInputs): LayoutContext {
  const { doc, blocks } = inputs;
  const hasSourceList = blocks.some((block) => block.type === 'sources');
  const sourceNumbers = new Set(doc.sources.map((source) => source.number));
  const ctx: LayoutContext = {
    theme: inputs.theme,
    fonts: inputs.fonts,
    measure: inputs.measure,
    page: inputs.page,
    meta: doc.meta,
    sources: doc.sources,
    assets: inputs.assets,
    images: inputs.images ?? new Map(),
    struct: createStructure(),
    sourceDestination: (number) =>
      hasSourceList && sourceNumbers.has(number) ? sourceDestinationName(number) : undefined,
    layoutBlocks: (children, frame, parent) => layoutBlocks(children, ctx, frame, parent),
  };
  return ctx;
}

/**
 * Collect: the body's blocks as flowables (measured pieces with their boxes and keep
 * rules), their structure nodes declared under `parent` in `ctx.struct`.
 */
export function collect(ctx: LayoutContext, blocks: readonly Block[], parent: StructNode): Flowable[] {
  const frame: Frame = {
    x: ctx.page.left,
    width: ctx.page.contentWidth,
    listDepth: 0,
    inQuote: false,
    headingLevel: 1,
  };
  return layoutBlocks(blocks, ctx, frame, parent);
}
