import type { PageGeometry } from './geometry.js';
import { moveBoxes } from './page-model.js';
import type { Flowable, PageModel } from './page-model.js';

const EPSILON = 0.01;

/**
 * Places flowables top to bottom, starting new pages as needed, and returns the pages'
 * boxes. A break never falls inside a keep-with-next chain when the chain fits on a
 * fresh page; a flowable that does not fit moves whole to the next page, where its
 * `repeat` (a table header) is placed first. Pure: the same flowables give the same pages.
 */
export function paginate(
  page: Pick<PageGeometry, 'top' | 'bottom' | 'contentHeight'>,
  flowables: readonly Flowable[],
): PageModel[] {
  const { top, bottom, contentHeight } = page;
  const pages: PageModel[] = [{ boxes: [] }];
  let y = top;
  let atPageTop = true;
  const place = (flowable: Flowable, at: number, pageTop: boolean): void => {
    pages.at(-1)!.boxes.push(...moveBoxes(flowable.boxes, at, pageTop));
  };
  flowables.forEach((flowable, index) => {
    let before = atPageTop ? 0 : flowable.spaceBefore;
    const chain = chainHeight(flowables, index);
    const chainFits = y + before + chain <= bottom + EPSILON;
    const selfFits = y + before + flowable.height <= bottom + EPSILON;
    const chainFitsEmptyPage = chain + (flowable.repeat?.height ?? 0) <= contentHeight + EPSILON;
    if (!atPageTop && (!selfFits || (!chainFits && chainFitsEmptyPage))) {
      pages.push({ boxes: [] });
      y = top;
      before = 0;
      if (flowable.repeat) {
        place(flowable.repeat, y, true);
        y += flowable.repeat.height;
      }
      atPageTop = !flowable.repeat;
    }
    place(flowable, y + before, atPageTop);
    y += before + flowable.height;
    atPageTop = false;
  });
  return pages;
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
