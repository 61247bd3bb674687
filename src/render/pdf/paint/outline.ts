import type { Pdf } from '../types.js';

export interface Outline {
  /** Adds a bookmark for a heading, nested under the last heading of a higher level. */
  add(anchor: string, title: string, level: 1 | 2 | 3): void;
}

// pdfkit's outline items point at a page's top-right corner; its typings hide the data.
interface OutlineItemData {
  outlineData: Record<string, unknown>;
}

/** The document's outline (bookmarks), each entry pointing at its heading's named destination. */
export function createOutline(pdf: Pdf): Outline {
  // Last outline item at each level, so level 2 nests under the last level 1.
  const parents: (PDFKit.PDFOutline | undefined)[] = [];
  return {
    add(anchor, title, level) {
      let parent: PDFKit.PDFOutline = pdf.outline;
      for (let above = level - 1; above >= 1; above--) {
        const candidate = parents[above];
        if (candidate) {
          parent = candidate;
          break;
        }
      }
      const item = parent.addItem(title, { expanded: true });
      // Point the bookmark at the heading's named destination rather than the page corner.
      (item as unknown as OutlineItemData).outlineData.Dest = new String(anchor);
      parents[level] = item;
      parents.length = level + 1;
    },
  };
}
