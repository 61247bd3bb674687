import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../../document/types.js';
import { openFont, type ParsedFont } from '../../theme/font-cache.js';
import type { Theme } from '../../theme/types.js';
import { documentInfo, installXmpWriter } from './metadata.js';
import { shareWordLayouts } from './shared-layouts.js';
import { batchOutput, batchStreamText } from '../../vendor/pdfkit-output.js';
import type { Pdf, PdfOptions } from './types.js';

/** The theme's font files, parsed (once per process), by path. */
export type ParsedFaces = ReadonlyMap<string, ParsedFont>;

export async function openThemeFaces(theme: Theme): Promise<ParsedFaces> {
  const files = [
    ...new Set(
      [theme.fonts.body, theme.fonts.heading].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]),
    ),
  ];
  const fonts = await Promise.all(files.map(openFont));
  return new Map(files.map((file, index) => [file, fonts[index]!]));
}

/**
 * A buffered, tagged PDF 1.7 document. Buffered pages let the contents and the
 * page furniture be drawn after the body; every date comes from meta.buildDate,
 * which also seeds the file ID, so the same input gives the same bytes.
 *
 * Each font file is registered under its path with its parsed fontkit font, so
 * `pdf.font(path)` never reads or parses the file again (pdfkit subsets per
 * document). One registered name per face: pdfkit caches a font passed as an
 * object under a single key, but a registered name is its own key. No font is
 * given to the constructor (that would load Helvetica, or read the file by
 * path); the body's regular face is selected right after registration, as the
 * constructor would, so fonts are numbered the same way.
 */
export function createPdf(meta: DocumentMeta, theme: Theme, options: PdfOptions, faces: ParsedFaces): Pdf {
  const { margin } = theme.page;
  const pdf = new PDFDocument({
    size: options.pageSize,
    margins: margin,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: meta.lang,
    // null, not undefined: pdfkit then opens no initial font.
    font: null as unknown as string,
    info: documentInfo(meta),
    ...(options.pdfa ? { subset: 'PDF/A-2b' as const } : {}),
  });
  // Its bytes go out in a few large chunks rather than one per string, and its streams'
  // text is turned into bytes once per stream (same bytes).
  batchOutput(pdf);
  batchStreamText(pdf);
  shareWordLayouts(pdf);
  for (const [file, font] of faces) pdf.registerFont(file, font as unknown as Buffer);
  pdf.font(theme.fonts.body.regular);
  installXmpWriter(pdf, meta.lang, options.pdfa === true);
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
