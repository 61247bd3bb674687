import type { Block } from '../../../document/types.js';
import { inlinesToRuns, type Run } from '../text/runs.js';

/** The text of blocks as one run list, a line break between blocks (for title and section slides). */
export function blocksAsRuns(blocks: readonly Block[]): Run[] {
  const runs: Run[] = [];
  const append = (more: Run[]): void => {
    const [first, ...rest] = more;
    if (first && runs.length > 0) runs.push({ ...first, breakBefore: true }, ...rest);
    else runs.push(...more);
  };
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') append(inlinesToRuns(block.children));
    else if (block.type === 'list') block.items.forEach((item) => append(blocksAsRuns(item)));
    else if (block.type === 'quote') append(blocksAsRuns(block.children));
  }
  return runs;
}
