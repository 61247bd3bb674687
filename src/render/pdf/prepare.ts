import { claimAnchor } from '../../document/anchors.js';
import type { Block, HeadingBlock, ReportDoc } from '../../document/types.js';

/**
 * Normalises the block list for layout, returning new values:
 * - a `sources` block not directly under a heading gets one (labels.sources), so the
 *   list of sources is titled, in the contents and in the outline;
 * - heading anchors are made unique and non-empty, since they name PDF destinations.
 */
export function prepareBlocks(doc: ReportDoc): Block[] {
  const withTitles = doc.blocks.flatMap((block, index): Block[] => {
    if (block.type !== 'sources' || doc.blocks[index - 1]?.type === 'heading') return [block];
    const heading: HeadingBlock = {
      type: 'heading',
      level: 1,
      number: '',
      children: [{ type: 'text', text: doc.meta.labels.sources }],
      anchor: 'sources',
    };
    return [heading, block];
  });
  const used = new Set<string>();
  return withTitles.map((block) => {
    if (block.type !== 'heading') return block;
    const anchor = claimAnchor(block.anchor || `section-${block.number || 'x'}`, used);
    return anchor === block.anchor ? block : { ...block, anchor };
  });
}

/** Top-level headings in document order: the entries of the contents and the outline. */
export function collectHeadings(blocks: readonly Block[]): HeadingBlock[] {
  return blocks.filter((block): block is HeadingBlock => block.type === 'heading');
}
