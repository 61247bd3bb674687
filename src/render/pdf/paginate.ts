import type { PageGeometry } from './geometry.js';
import { moveBoxes } from './page-model.js';
import type { Flowable, PageModel } from './page-model.js';

const EPSILON = 0.01;

/**
 * Places flowables top to bottom, starting new pages as needed, and returns the pages'
 * boxes. A break never falls inside a keep-with-next chain when the chain fits on a
 * fresh page; a flowable that does not fit moves whole to the next page, where its
 * `repeat` (a table header) is placed first.
 *
 * A `float` (a chart with its caption) that does not fit in the rest of a page waits, as
 * LaTeX and Typst place figures: the text after it fills the page, and the float goes to
 * the top of the next one. It never passes a `barrier` (a heading): a figure stays in its
 * section, so a heading with floats waiting starts a new page after them. Pure: the same
 * flowables give the same pages.
 */
export function paginate(
  page: Pick<PageGeometry, 'top' | 'bottom' | 'contentHeight'>,
  flowables: readonly Flowable[],
): PageModel[] {
  const { top, bottom, contentHeight } = page;
  const pages: PageModel[] = [{ boxes: [] }];
  let y = top;
  let atPageTop = true;
  let waiting: Flowable[] = [];
  const place = (flowable: Flowable, at: number, pageTop: boolean): void => {
    pages.at(-1)!.boxes.push(...moveBoxes(flowable.boxes, at, pageTop));
  };
  const newPage = (): void => {
    pages.push({ boxes: [] });
    y = top;
    atPageTop = true;
    // Floats that waited open the new page, in their order, as many as fit.
    const floats = waiting;
    waiting = [];
    for (const float of floats) {
      const before = atPageTop ? 0 : float.spaceBefore;
      if (!atPageTop && y + before + float.height > bottom + EPSILON) {
        waiting.push(float);
        continue;
      }
      place(float, y + before, atPageTop);
      y += before + float.height;
      atPageTop = false;
    }
  };
  flowables.forEach((flowable, index) => {
    if (flowable.barrier && waiting.length > 0) {
      while (waiting.length > 0) newPage();
    }
    let before = atPageTop ? 0 : flowable.spaceBefore;
    const chain = chainHeight(flowables, index);
    const chainFits = y + before + chain <= bottom + EPSILON;
    const selfFits = y + before + flowable.height <= bottom + EPSILON;
    const chainFitsEmptyPage = chain + (flowable.repeat?.height ?? 0) <= contentHeight + EPSILON;
    if (flowable.float && !atPageTop && (!selfFits || waiting.length > 0) && canWait(flowables, index)) {
      waiting.push(flowable);
      return;
    }
    if (!atPageTop && (!selfFits || (!chainFits && chainFitsEmptyPage))) {
      newPage();
      before = atPageTop ? 0 : flowable.spaceBefore;
      if (flowable.repeat) {
        place(flowable.repeat, y, atPageTop);
        y += flowable.repeat.height;
        atPageTop = false;
      }
      while (!atPageTop && y + before + flowable.height > bottom + EPSILON) {
        // Floats filled the new page: this flowable goes on a later one.
        newPage();
        before = atPageTop ? 0 : flowable.spaceBefore;
      }
    }
    place(flowable, y + before, atPageTop);
    y += before + flowable.height;
    atPageTop = false;
  });
  while (waiting.length > 0) newPage();
  return pages;
}

/** A float waits only when text of its section follows it to fill the space it leaves. */
function canWait(flowables: readonly Flowable[], index: number): boolean {
  const next = flowables[index + 1];
  return next !== undefined && !next.barrier;
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
