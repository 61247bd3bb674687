import type { PageGeometry } from './geometry.js';
import { moveBoxes } from './page-model.js';
import type { FloatKind, Flowable, PageModel } from './page-model.js';

const EPSILON = 0.01;

/** A float waiting for the next page: `span` flowables from `index`, placed together. */
interface Waiting {
  index: number;
  span: number;
  kind: FloatKind;
}

/**
 * Places flowables top to bottom, starting new pages as needed, and returns the pages'
 * boxes. A break never falls inside a keep-with-next chain when the chain fits on a
 * fresh page; a flowable that does not fit moves whole to the next page, where its
 * `repeat` (a table header) is placed first.
 *
 * A `float` (a chart with its caption, a table from its caption to its source line)
 * whose start (`floatStart`, by default all of it) does not fit in the rest of a page
 * waits, as LaTeX and Typst place figures: the text after it fills the page, and the
 * float goes to the top of the next one, where a float of several flowables (a table)
 * then breaks over pages like any other content. Floats of one kind keep their order, as
 * LaTeX keeps figures and tables each in order, and never pass a `barrier` (a heading):
 * a figure stays in its section, so a heading with floats waiting starts a new page after
 * them. A figure that may `shrink` takes the rest of a page at a reduced size where it
 * would otherwise leave it blank: at the end of its section, or under the floats that
 * waited before it. Pure: the same flowables give the same pages.
 */
export function paginate(
  page: Pick<PageGeometry, 'top' | 'bottom' | 'contentHeight'>,
  flowables: readonly Flowable[],
): PageModel[] {
  const { top, bottom, contentHeight } = page;
  const pages: PageModel[] = [{ boxes: [] }];
  let y = top;
  let atPageTop = true;
  let waiting: Waiting[] = [];
  const spaceBefore = (flowable: Flowable): number => (atPageTop ? 0 : flowable.spaceBefore);
  const startFits = (index: number): boolean => {
    const flowable = flowables[index]!;
    return y + spaceBefore(flowable) + (flowable.floatStart ?? flowable.height) <= bottom + EPSILON;
  };
  const place = (flowable: Flowable, at: number): void => {
    pages.at(-1)!.boxes.push(...moveBoxes(flowable.boxes, at, atPageTop));
    y = at + flowable.height;
    atPageTop = false;
  };
  const newPage = (): void => {
    pages.push({ boxes: [] });
    y = top;
    atPageTop = true;
    // Floats that waited open the new page, in their order, as many as start on it.
    const floats = waiting;
    waiting = [];
    let next = 0;
    for (; next < floats.length; next++) {
      const float = floats[next]!;
      if (!atPageTop && !startFits(float.index)) {
        // Under the floats placed above it, a figure may take the rest at its reduced size
        // rather than open a page of its own.
        const shrunk = float.span === 1 ? shrunkInto(flowables[float.index]!) : undefined;
        if (!shrunk) break;
        place(shrunk, y + spaceBefore(flowables[float.index]!));
        continue;
      }
      // A float of several flowables may itself break pages; those breaks place no floats.
      for (let i = float.index; i < float.index + float.span; i++) placeFlowing(i);
    }
    waiting = [...floats.slice(next), ...waiting];
  };
  /** The flowable at `index` in the flow: on this page if it (and its chain) fits, else on the next. */
  const placeFlowing = (index: number): void => {
    const flowable = flowables[index]!;
    const chain = chainHeight(flowables, index);
    const chainFitsEmptyPage = chain + (flowable.repeat?.height ?? 0) <= contentHeight + EPSILON;
    // Whether the flowable must go to a later page: it does not fit, or its chain (a table's
    // caption with its header and first row) does not, though it would on a page of its own.
    const mustBreak = (): boolean =>
      !atPageTop &&
      (y + spaceBefore(flowable) + flowable.height > bottom + EPSILON ||
        (y + spaceBefore(flowable) + chain > bottom + EPSILON && chainFitsEmptyPage));
    // Floats that waited fill part of a new page: the flowable, with its chain, goes on a
    // later one if it no longer fits under them (a caption never stays alone at a foot).
    while (mustBreak()) {
      newPage();
      const empty = atPageTop;
      if (flowable.repeat) place(flowable.repeat, y);
      // A page with no float on it is as good as it gets: the flowable goes here.
      if (empty) break;
    }
    place(flowable, y + spaceBefore(flowable));
  };
  /** The flowable shrunk to the rest of the page, if it may shrink that far. */
  const shrunkInto = (flowable: Flowable): Flowable | undefined => {
    const room = bottom - y - spaceBefore(flowable);
    return flowable.shrink && room >= flowable.shrink.minHeight ? flowable.shrink.at(room) : undefined;
  };
  /** A float that neither fits nor can wait, shrunk to the rest of the page if it may be. */
  const shrunkToFit = (flowable: Flowable): Flowable | undefined => {
    const index = flowables.indexOf(flowable);
    if (!flowable.shrink || startFits(index) || canWait(flowables, index + floatSpan(flowables, index))) {
      return undefined;
    }
    return shrunkInto(flowable);
  };
  let index = 0;
  while (index < flowables.length) {
    const flowable = flowables[index]!;
    if (flowable.barrier && waiting.length > 0) {
      while (waiting.length > 0) newPage();
    }
    const span = flowable.float ? floatSpan(flowables, index) : 0;
    const kind = flowable.floatKind ?? 'figure';
    // Floats of one kind keep their order (Figure 2 never before Figure 1); a table may pass a figure.
    const behindItsKind = waiting.some((float) => float.kind === kind);
    if (
      flowable.float &&
      !atPageTop &&
      (behindItsKind || (!startFits(index) && canWait(flowables, index + span)))
    ) {
      waiting.push({ index, span, kind });
      index += span;
      continue;
    }
    const shrunk = flowable.float && !atPageTop && !behindItsKind ? shrunkToFit(flowable) : undefined;
    if (shrunk) {
      place(shrunk, y + spaceBefore(flowable));
      index += span;
      continue;
    }
    placeFlowing(index);
    index += 1;
  }
  while (waiting.length > 0) newPage();
  return pages;
}

/** How many flowables from `index` make up the float that starts there (at least one). */
function floatSpan(flowables: readonly Flowable[], index: number): number {
  const span = Math.floor(flowables[index]!.floatSpan ?? 1);
  return Math.max(1, Math.min(span, flowables.length - index));
}

/** A float waits only when text of its section follows it to fill the space it leaves. */
function canWait(flowables: readonly Flowable[], after: number): boolean {
  const next = flowables[after];
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
