export { renderPdf } from './render-pdf.js';
export type { PdfOptions } from './types.js';
