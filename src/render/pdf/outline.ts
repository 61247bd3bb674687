import type { HeadingPlacement, Pdf } from './types.js';

export interface HeadingRegistry {
  /** Where each heading landed, by anchor. */
  readonly placements: ReadonlyMap<string, HeadingPlacement>;
  place(placement: HeadingPlacement, y: number): void;
}

// pdfkit's outline items point at a page's top-right corner; its typings hide the data.
interface OutlineItemData {
  outlineData: Record<string, unknown>;
}

/**
 * Records heading positions as they are drawn: a named destination for links, an
 * outline (bookmark) entry nested by level, and the page for the contents.
 */
export function createHeadingRegistry(pdf: Pdf): HeadingRegistry {
  const placements = new Map<string, HeadingPlacement>();
  // Last outline item at each level, so level 2 nests under the last level 1.
  const parents: (PDFKit.PDFOutline | undefined)[] = [];
  return {
    placements,
    place(placement, y) {
      placements.set(placement.anchor, placement);
      pdf.addNamedDestination(placement.anchor, 'XYZ', null, Math.max(0, y - 10), null);
      let parent: PDFKit.PDFOutline = pdf.outline;
      for (let level = placement.level - 1; level >= 1; level--) {
        const candidate = parents[level];
        if (candidate) {
          parent = candidate;
          break;
        }
      }
      const item = parent.addItem(placement.title, { expanded: true });
      // Point the bookmark at the heading's named destination rather than the page corner.
      (item as unknown as OutlineItemData).outlineData.Dest = new String(placement.anchor);
      parents[placement.level] = item;
      parents.length = placement.level + 1;
    },
  };
}
