import { fail } from '../../errors.js';
import type { DecodedImage } from '../../theme/decode-image.js';
import type { FontSet } from './fonts.js';
import type { Pdf } from './types.js';

/** Draws a decoded picture filling the box at (x, y) of `width` × `height` points. */
export type ImageDrawer = (image: DecodedImage, x: number, y: number, width: number, height: number) => void;

/**
 * Draws pictures (theme logos, the briefing's images): a PNG or JPEG is embedded once
 * however many times it is shown; an SVG is drawn as vectors, its text (if any) in the
 * theme's font, never a standard-14 one, and never reading a file (the SVG checks admit
 * only embedded PNG and JPEG data; this holds even if they were bypassed).
 */
export async function createImageDrawer(
  pdf: Pdf,
  fonts: FontSet,
  images: Iterable<DecodedImage>,
): Promise<ImageDrawer> {
  // svg-to-pdfkit is a large module: loaded only when a picture needs it.
  const SVGtoPDF = [...images].some((image) => image.format === 'svg')
    ? (await import('svg-to-pdfkit')).default
    : undefined;
  const opened = new Map<DecodedImage, unknown>();
  const regular = fonts.path('body', 'regular');
  const bold = fonts.path('body', 'bold');
  return (image, x, y, width, height) => {
    if (image.format === 'svg') {
      if (!SVGtoPDF)
        fail('INTERNAL_ERROR', { message: 'an SVG was drawn that createImageDrawer was not given' });
      SVGtoPDF(pdf, image.data.toString('utf8'), x, y, {
        width,
        height,
        preserveAspectRatio: 'xMidYMid meet',
        fontCallback: (_family, isBold) => (isBold ? bold : regular),
        warningCallback: () => undefined,
        imageCallback: (link) => (/^data:image\/(png|jpe?g);base64,/i.test(link) ? link : Buffer.alloc(0)),
      });
      return;
    }
    // pdfkit embeds a Buffer anew on every call; an opened image is embedded once.
    const images = pdf as PDFKit.PDFDocument & { openImage(src: Buffer): unknown };
    if (!opened.has(image)) opened.set(image, images.openImage(image.data));
    pdf.image(opened.get(image) as Buffer, x, y, { width, height });
  };
}
