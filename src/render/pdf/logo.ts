import { fail } from '../../errors.js';
import type { LogoImage } from '../../theme/logo.js';
import type { FontSet } from './fonts.js';
import type { Pdf } from './types.js';

/** Where a logo goes: its height, the widest it may be, and which edge it keeps to. */
export interface LogoPlacement {
  /** The edge the logo keeps to: its left edge for 'left', its right edge for 'right'. */
  x: number;
  /** Top of the logo's band; the logo is centred in it vertically. */
  y: number;
  height: number;
  maxWidth: number;
  align: 'left' | 'right';
}

export type LogoDrawer = (logo: LogoImage, placement: LogoPlacement) => void;

/**
 * Draws logos at their aspect ratio. Callers mark them as artifacts (decoration, not
 * reading content) together with what surrounds them. A PNG or JPEG is embedded once however many running headers show it; an SVG is
 * drawn as vectors, its text (if any) in the theme's font, never a standard-14 one.
 */
export async function createLogoDrawer(
  pdf: Pdf,
  fonts: FontSet,
  logos: readonly LogoImage[],
): Promise<LogoDrawer> {
  // svg-to-pdfkit is a large module: loaded only when a logo needs it.
  const SVGtoPDF = logos.some((logo) => logo.format === 'svg')
    ? (await import('svg-to-pdfkit')).default
    : undefined;
  const opened = new Map<LogoImage, unknown>();
  const regular = fonts.path('body', 'regular');
  const bold = fonts.path('body', 'bold');
  return (logo, placement) => {
    let height = placement.height;
    let width = (height * logo.width) / logo.height;
    if (width > placement.maxWidth) {
      width = placement.maxWidth;
      height = (width * logo.height) / logo.width;
    }
    const x = placement.align === 'left' ? placement.x : placement.x - width;
    const y = placement.y + (placement.height - height) / 2;
    if (logo.format === 'svg') {
      if (!SVGtoPDF)
        fail('INTERNAL_ERROR', { message: 'an SVG logo was drawn that createLogoDrawer was not given' });
      SVGtoPDF(pdf, logo.data.toString('utf8'), x, y, {
        width,
        height,
        preserveAspectRatio: 'xMidYMid meet',
        fontCallback: (_family, isBold) => (isBold ? bold : regular),
        warningCallback: () => undefined,
        // Never a path: the theme check admits only embedded images, and this holds even if it were bypassed.
        imageCallback: (link) => (/^data:image\/(png|jpe?g);base64,/i.test(link) ? link : Buffer.alloc(0)),
      });
      return;
    }
    // pdfkit embeds a Buffer anew on every call; an opened image is embedded once.
    const images = pdf as PDFKit.PDFDocument & { openImage(src: Buffer): unknown };
    if (!opened.has(logo)) opened.set(logo, images.openImage(logo.data));
    pdf.image(opened.get(logo) as Buffer, x, y, { width, height });
  };
}
