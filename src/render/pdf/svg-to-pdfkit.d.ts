// svg-to-pdfkit ships no types; this covers the one call briefkit makes.
declare module 'svg-to-pdfkit' {
  export interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat unitless SVG lengths as points rather than CSS pixels. */
    assumePt?: boolean;
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: object) => string;
    warningCallback?: (message: string) => void;
    /** What an <image> href becomes before pdfkit opens it (a path, a data: URI or bytes). */
    imageCallback?: (link: string) => string | Buffer;
    /** Loads another SVG document named in a reference; none when absent. */
    documentCallback?: (file: string) => string;
  }
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: SvgToPdfOptions,
  ): void;
}
