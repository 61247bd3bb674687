/**
 * Every place briefkit reaches inside pdfkit, and nothing else. Written for pdfkit
 * 0.17–0.20 (PDFKIT_RANGE); test/vendor/contracts.test.ts fails loudly when an upgrade
 * moves what these rely on: `doc._font` (the embedded font pdfkit selected, with its
 * fontkit `font` and its per-document `layoutCache` of shaped words), `doc.font()`
 * selecting it, and `doc._addInfo()`, the step of `end()` that writes the XMP packet.
 */
export const PDFKIT_RANGE = { package: 'pdfkit', from: '0.17.0', below: '0.21.0' } as const;

/** pdfkit's embedded font, as far as briefkit relies on it. */
export interface EmbeddedFontInternals {
  /** The fontkit font it shapes with (absent for the standard 14 fonts). */
  font?: object;
  /** Shaped runs by word, written by pdfkit as it shapes. */
  layoutCache?: Record<string, unknown>;
  widthOfString(text: string, size: number): number;
}

interface DocumentInternals {
  _font?: EmbeddedFontInternals;
  _addInfo?: () => void;
  font: (...args: unknown[]) => unknown;
}

/** The embedded font pdfkit selected last (doc.font(...)). */
export function selectedFont(doc: object): EmbeddedFontInternals | undefined {
  return (doc as DocumentInternals)._font;
}

/** Calls `onSelect` with the embedded font each time the document selects a font. */
export function onFontSelected(doc: object, onSelect: (font: EmbeddedFontInternals) => void): void {
  const internals = doc as DocumentInternals;
  const select = internals.font.bind(doc);
  internals.font = (...args: unknown[]) => {
    select(...args);
    if (internals._font) onSelect(internals._font);
    return doc;
  };
}

/**
 * Replaces, for this document only, the step of `end()` that writes the XMP metadata
 * packet from `doc.info`. Returns false (and changes nothing) when pdfkit has no such step.
 */
export function replaceXmpStep(doc: object, write: () => void): boolean {
  const internals = doc as DocumentInternals;
  if (typeof internals._addInfo !== 'function') return false;
  internals._addInfo = write;
  return true;
}
