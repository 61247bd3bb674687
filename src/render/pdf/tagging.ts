import type { Pdf, StructElement } from './types.js';

/**
 * Draws inside one marked-content sequence that belongs to `parent`.
 * pdfkit closes any open sequence when a new one starts, so sequences are never
 * nested: each call opens, draws and closes its own.
 */
export function drawTagged(pdf: Pdf, parent: StructElement, tag: string, draw: () => void): void {
  parent.add(pdf.markStructureContent(tag));
  draw();
  pdf.endMarkedContent();
}

/** Draws decoration (backgrounds, rules, page furniture) that assistive technology skips. */
export function drawArtifact(pdf: Pdf, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  pdf.markContent('Artifact', { type });
  draw();
  pdf.endMarkedContent();
}

/** Creates a structure element and appends it to `parent`, keeping reading order = creation order. */
export function addStruct(
  pdf: Pdf,
  parent: StructElement,
  type: string,
  options: PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' } = {},
): StructElement {
  const element = pdf.struct(type, options);
  parent.add(element);
  return element;
}
