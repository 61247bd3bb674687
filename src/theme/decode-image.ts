import { registerThemeFonts } from './canvas-fonts.js';
import { loadCanvasModule } from './native-canvas.js';
import type { Theme } from './types.js';

export type ImageFormat = 'png' | 'jpeg' | 'svg';

/** A picture decoded once, for both renderers: theme logos and the briefing's images. */
export interface DecodedImage {
  format: ImageFormat;
  /** The file's bytes: the PDF embeds PNG and JPEG as they are and draws SVG as vectors. */
  data: Buffer;
  /** Natural size in pixels (an SVG's own size), for the aspect ratio. */
  width: number;
  height: number;
  /**
   * For the deck, which cannot show SVG without a picture beside it: the PNG or JPEG, or the
   * SVG drawn as a PNG (on first read: only a deck asks for it).
   */
  readonly raster: Buffer;
  rasterFormat: 'png' | 'jpeg';
}

/** A picture wider than this many times its height (or the other way round) would print as a hair-thin line. */
const MAX_IMAGE_ASPECT = 20;

export interface DecodeOptions {
  /** What the image is, for messages: "logo", "image". */
  what: string;
  /** Size an SVG is drawn at for the deck, which needs a raster beside it: its longer side, or its height. */
  raster: { longSide: number } | { height: number };
  /**
   * The theme whose body font an SVG's text is drawn in for the deck, as the PDF draws it
   * (svg-to-pdfkit is given only the theme's faces): the same letters in both outputs, and
   * the same pixels on every machine, whatever fonts the SVG names or the system has.
   */
  svgTextTheme?: Theme;
}

export type DecodeResult =
  { ok: true; image: DecodedImage } | { ok: false; message: string; expected: string };

/**
 * Decodes checked bytes (checkImageBytes / the logo checks ran first, so the pixel size
 * is bounded) with canvas: proves the data opens, gives the natural size, and draws an
 * SVG as a PNG for the deck when the deck reads it. A damaged file is said as such, never a stack trace.
 */
export async function decodeImage(
  data: Buffer,
  format: ImageFormat,
  options: DecodeOptions,
): Promise<DecodeResult> {
  const { what } = options;
  // canvas reads all three formats (SVG through librsvg); loaded only when there is an image.
  const { createCanvas, loadImage, registerFont } = await loadCanvasModule(
    () => import('canvas'),
    `a ${what}`,
  );
  const theme = format === 'svg' ? options.svgTextTheme : undefined;
  if (theme) registerThemeFonts(registerFont, theme);
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(theme ? inThemeFont(data, theme.fonts.body.family) : data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The pixel size was checked from the header: cairo's "out of memory" for a PNG means damaged data.
    const said = /out of memory|input stream/i.test(reason)
      ? `the ${format.toUpperCase()} data is damaged or cut short`
      : reason.slice(0, 200);
    return {
      ok: false,
      message: `the ${what} cannot be read (${said})`,
      expected: 'a PNG, JPEG or SVG image that opens in an image viewer',
    };
  }
  const { width, height } = image;
  if (!(width > 0 && height > 0))
    return {
      ok: false,
      message: `the ${what} has no size`,
      expected: 'an SVG with width and height, or a viewBox',
    };
  if (width / height > MAX_IMAGE_ASPECT || height / width > MAX_IMAGE_ASPECT) {
    return {
      ok: false,
      message: `the ${what} is ${width} × ${height}: too thin to print`,
      expected: `a width at most ${MAX_IMAGE_ASPECT} times the height, and the other way round`,
    };
  }
  if (format !== 'svg')
    return { ok: true, image: { format, data, width, height, raster: data, rasterFormat: format } };
  const scale =
    'height' in options.raster
      ? options.raster.height / height
      : options.raster.longSide / Math.max(width, height);
  const drawRaster = (): Buffer => {
    const canvas = createCanvas(
      Math.max(1, Math.round(width * scale)),
      Math.max(1, Math.round(height * scale)),
    );
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toBuffer('image/png');
  };
  let raster: Buffer | undefined;
  return {
    ok: true,
    image: {
      format,
      data,
      width,
      height,
      // Drawn when the deck first reads it, then kept: the PDF draws the SVG itself, and a PNG
      // 2,000 pixels wide costs a PDF-only build a few hundred milliseconds for nothing.
      get raster() {
        return (raster ??= drawRaster());
      },
      rasterFormat: 'png',
    },
  };
}

/**
 * The SVG with every font family it names (attributes, style properties, style sheets)
 * replaced by `family`, which its root also sets for text that names none.
 */
export function inThemeFont(svg: Buffer, family: string): Buffer {
  const name = family.replace(/["'<>&;{}]/g, '');
  const text = svg
    .toString('utf8')
    .replace(/font-family\s*=\s*(["'])[\s\S]*?\1/gi, `font-family="${name}"`)
    .replace(/font-family\s*:\s*[^;"'}<>]*(?:(["'])[^"']*\1[^;"'}<>]*)*/gi, `font-family: ${name}`)
    .replace(/<svg\b/i, `<svg font-family="${name}"`);
  return Buffer.from(text, 'utf8');
}
