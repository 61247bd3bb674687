import { readFile, stat } from 'node:fs/promises';
import { displayPath } from '../display-path.js';
import { BriefkitError, type Problem } from '../errors.js';
import { readHead } from './read-head.js';
import type { Theme } from './types.js';

export type LogoFormat = 'png' | 'jpeg' | 'svg';

/** A logo, read once in the load stage so the renderers never touch the disk. */
export interface LogoImage {
  format: LogoFormat;
  /** The file's bytes: the PDF draws PNG and JPEG as they are, and SVG as vectors. */
  data: Buffer;
  /** Natural size, for the aspect ratio. */
  width: number;
  height: number;
  /** For the deck, which cannot show SVG without a picture beside it: the PNG or JPEG, or the SVG drawn as a PNG. */
  raster: Buffer;
  rasterFormat: 'png' | 'jpeg';
}

/** The logo for light backgrounds (running header) and for dark ones (cover band, title slide). */
export interface ThemeLogos {
  light?: LogoImage;
  dark?: LogoImage;
}

const MAX_LOGO_BYTES = 5 * 1024 * 1024;
/** Height in pixels an SVG logo is drawn at for the deck: sharp at the title slide's size on a 4K screen. */
const RASTER_HEIGHT = 360;

/**
 * Checks a logo file for the theme loader: it exists, is small, and is a PNG, a JPEG or
 * a self-contained SVG. An SVG may not declare entities (they can expand without bound)
 * or link to other files or URLs (a logo must not make a build read anything else).
 */
export async function checkLogoFile(
  file: string,
  at: Omit<Problem, 'message' | 'expected'>,
): Promise<LogoFormat> {
  const fail = (message: string, expected = 'a PNG, JPEG or SVG image'): never => {
    throw new BriefkitError('THEME_ERROR', { ...at, message, expected });
  };
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) fail(`logo file not found: ${displayPath(file)}`);
  if (info!.size > MAX_LOGO_BYTES)
    fail(
      `the logo is ${(info!.size / 1024 / 1024).toFixed(1)} MB`,
      `at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`,
    );
  const head = await readHead(file, 8);
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const text = await readFile(file, 'utf8');
  if (!/<svg[\s>]/i.test(text)) return fail('the logo is not a PNG, JPEG or SVG image');
  if (/<!ENTITY/i.test(text)) fail('the SVG declares entities (<!ENTITY>)', 'an SVG saved without a DOCTYPE');
  const external = [...text.matchAll(/\b(?:xlink:)?href\s*=\s*["']\s*([^"'\s]*)/gi)]
    .map((m) => m[1] ?? '')
    .find((href) => !href.startsWith('#') && !/^data:image\//i.test(href));
  if (external !== undefined) {
    fail(
      `the SVG links to "${external.slice(0, 60)}"`,
      'a self-contained SVG (images embedded, no links to files or URLs)',
    );
  }
  return 'svg';
}

/** Reads the theme's logos for the renderers; nothing when the theme has none. */
export async function loadThemeLogos(theme: Theme): Promise<ThemeLogos> {
  const darkFile = theme.logoOnDark ?? theme.logo;
  const cache = new Map<string, Promise<LogoImage>>();
  const load = (file: string): Promise<LogoImage> => {
    let image = cache.get(file);
    if (!image) cache.set(file, (image = loadLogoImage(file)));
    return image;
  };
  return {
    ...(theme.logo && { light: await load(theme.logo) }),
    ...(darkFile && { dark: await load(darkFile) }),
  };
}

async function loadLogoImage(file: string): Promise<LogoImage> {
  const format = await checkLogoFile(file, { file });
  const data = await readFile(file);
  // canvas reads all three formats (SVG through librsvg); loaded only when a theme has a logo.
  const { createCanvas, loadImage } = await import('canvas');
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(data);
  } catch (error) {
    throw new BriefkitError('THEME_ERROR', {
      file,
      message: `the logo cannot be read (${error instanceof Error ? error.message : String(error)})`,
      expected: 'a PNG, JPEG or SVG image that opens in an image viewer',
    });
  }
  const { width, height } = image;
  if (!(width > 0 && height > 0)) {
    throw new BriefkitError('THEME_ERROR', {
      file,
      message: 'the logo has no size',
      expected: 'an SVG with width and height, or a viewBox',
    });
  }
  if (format !== 'svg') return { format, data, width, height, raster: data, rasterFormat: format };
  const scale = RASTER_HEIGHT / height;
  const canvas = createCanvas(Math.max(1, Math.round(width * scale)), RASTER_HEIGHT);
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
  return { format, data, width, height, raster: canvas.toBuffer('image/png'), rasterFormat: 'png' };
}
