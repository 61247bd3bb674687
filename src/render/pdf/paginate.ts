import type { Flowable, LayoutContext } from './types.js';

const EPSILON = 0.01;

/**
 * Places flowables top to bottom, adding pages as needed. A break never falls
 * inside a keep-with-next chain when the chain fits on a fresh page; a flowable
 * that does not fit moves whole to the next page, where its `repeat` (a table
 * header) is drawn first.
 */
export function paginate(ctx: LayoutContext, flowables: readonly Flowable[], addPage: () => number): void {
  const { top, bottom, contentHeight } = ctx.page;
  let pageIndex = addPage();
  let y = top;
  let atPageTop = true;
  flowables.forEach((flowable, index) => {
    let before = atPageTop ? 0 : flowable.spaceBefore;
    const chain = chainHeight(flowables, index);
    const chainFits = y + before + chain <= bottom + EPSILON;
    const selfFits = y + before + flowable.height <= bottom + EPSILON;
    const chainFitsEmptyPage = chain + (flowable.repeat?.height ?? 0) <= contentHeight + EPSILON;
    if (!atPageTop && (!selfFits || (!chainFits && chainFitsEmptyPage))) {
      pageIndex = addPage();
      y = top;
      before = 0;
      if (flowable.repeat) {
        flowable.repeat.draw(y, { pageIndex, atPageTop: true });
        y += flowable.repeat.height;
      }
      atPageTop = !flowable.repeat;
    }
    flowable.draw(y + before, { pageIndex, atPageTop });
    y += before + flowable.height;
    atPageTop = false;
  });
}

/** Height from the top of `flowables[index]` to the end of its keep-with-next chain. */
function chainHeight(flowables: readonly Flowable[], index: number): number {
  let height = 0;
  for (let i = index; i < flowables.length; i++) {
    const flowable = flowables[i]!;
    height += (i === index ? 0 : flowable.spaceBefore) + flowable.height;
    if (!flowable.keepWithNext) break;
  }
  return height;
}
