import { displayPath } from '../display-path.js';
import { BriefkitError, type Problem } from '../errors.js';
import { notAFileMessage, readBounded } from '../read-bounded.js';
import { isJpeg, isPng, jpegSize, pixelProblem, PIXELS_EXPECTED, pngSize } from './image-header.js';
import { checkSvg } from './svg-check.js';
import { decodeImage, type DecodedImage } from './decode-image.js';
import type { Theme } from './types.js';

export type LogoFormat = 'png' | 'jpeg' | 'svg';

/** A logo, read once in the load stage so the renderers never touch the disk. */
export type LogoImage = DecodedImage;

/** The logo for light backgrounds (running header) and for dark ones (cover band, title slide). */
export interface ThemeLogos {
  light?: LogoImage;
  dark?: LogoImage;
}

const MAX_LOGO_BYTES = 5 * 1024 * 1024;
/** Height in pixels an SVG logo is drawn at for the deck: sharp at the title slide's size on a 4K screen. */
const RASTER_HEIGHT = 360;

type Where = Omit<Problem, 'message' | 'expected'>;

/**
 * Checks a logo file for the theme loader: it is a regular, small file, a PNG or JPEG
 * whose pixel size (read from its header before anything decodes it) is bounded, or
 * a self-contained SVG (see svg-check.ts); and it decodes. Every problem points at the
 * theme's `logo:` line.
 */
export async function checkLogoFile(file: string, at: Where): Promise<LogoFormat> {
  return (await openLogo(file, at)).format;
}

/** Reads the theme's logos for the renderers; nothing when the theme has none. */
export async function loadThemeLogos(theme: Theme): Promise<ThemeLogos> {
  const darkFile = theme.logoOnDark ?? theme.logo;
  const cache = new Map<string, Promise<LogoImage>>();
  const load = (file: string): Promise<LogoImage> => {
    let image = cache.get(file);
    if (!image)
      cache.set(file, (image = openLogo(file, { file: theme.file ? displayPath(theme.file) : file })));
    return image;
  };
  return {
    ...(theme.logo && { light: await load(theme.logo) }),
    ...(darkFile && { dark: await load(darkFile) }),
  };
}

async function openLogo(file: string, at: Where): Promise<LogoImage> {
  const fail = (message: string, expected = 'a PNG, JPEG or SVG image'): never => {
    throw new BriefkitError('THEME_ERROR', { ...at, message, expected });
  };
  const read = await readBounded(file, MAX_LOGO_BYTES);
  if (!read.ok) {
    if (read.reason === 'missing') fail(`logo file not found: ${displayPath(file)}`);
    if (read.reason === 'not-a-file') fail(`the logo is ${notAFileMessage(read)}: ${displayPath(file)}`);
    fail(
      `the logo is ${((read as { size: number }).size / 1024 / 1024).toFixed(1)} MB`,
      `at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`,
    );
  }
  const data = (read as { bytes: Buffer }).bytes;
  let format: LogoFormat;
  if (isPng(data) || isJpeg(data)) {
    format = isPng(data) ? 'png' : 'jpeg';
    const problem = pixelProblem(format === 'png' ? pngSize(data) : jpegSize(data), 'logo');
    if (problem) fail(problem, PIXELS_EXPECTED);
  } else {
    const text = data.toString('utf8');
    if (!/<svg[\s>]/i.test(text)) fail('the logo is not a PNG, JPEG or SVG image');
    const problem = checkSvg(text);
    if (problem) fail(problem.message, problem.expected);
    format = 'svg';
  }
  const decoded = await decodeImage(data, format, { what: 'logo', raster: { height: RASTER_HEIGHT } });
  return decoded.ok ? decoded.image : fail(decoded.message, decoded.expected);
}
