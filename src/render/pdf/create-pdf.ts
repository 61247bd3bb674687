import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';
import { documentInfo, installXmpWriter } from './metadata.js';
import type { Pdf, PdfOptions } from './types.js';

/**
 * A buffered, tagged PDF 1.7 document. Buffered pages let the contents and the
 * page furniture be drawn after the body; `font` is the theme's TTF so pdfkit never
 * loads Helvetica; every date comes from meta.buildDate, which also seeds the file
 * ID, so the same input gives the same bytes.
 */
export function createPdf(meta: DocumentMeta, theme: Theme, options: PdfOptions): Pdf {
  const { margin } = theme.page;
  const pdf = new PDFDocument({
    size: options.pageSize,
    margins: margin,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: meta.lang,
    font: theme.fonts.body.regular,
    info: documentInfo(meta),
    ...(options.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
  });
  installXmpWriter(pdf, meta.lang);
  return pdf;
}

/** Collects the document's bytes; resolves once pdfkit has written the trailer. */
export function collectBytes(pdf: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
