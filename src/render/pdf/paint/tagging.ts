import type { Pdf } from '../types.js';

type StructElement = PDFKit.PDFStructureElement;

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
