import { isJpeg, isPng, jpegSize, pixelProblem, PIXELS_EXPECTED, pngSize } from '../theme/image-header.js';
import { checkSvg } from '../theme/svg-check.js';
import type { ImageFormat } from './types.js';

export interface ImageBytesProblem {
  message: string;
  expected: string;
}

const EXTENSIONS: Record<ImageFormat, readonly string[]> = {
  png: ['.png'],
  jpeg: ['.jpg', '.jpeg'],
  svg: ['.svg'],
};

/** The format a file name promises by its extension, or undefined for any other name. */
export function formatOfName(name: string): ImageFormat | undefined {
  const lower = name.toLowerCase();
  return (Object.keys(EXTENSIONS) as ImageFormat[]).find((format) =>
    EXTENSIONS[format].some((ext) => lower.endsWith(ext)),
  );
}

/** What the bytes are, by their first bytes (magic numbers), never by the name. */
export function sniffFormat(bytes: Buffer): ImageFormat | undefined {
  if (isPng(bytes)) return 'png';
  if (isJpeg(bytes)) return 'jpeg';
  // An SVG is XML text whose root is <svg>: a BOM, an XML declaration and comments may come first.
  const head = bytes.subarray(0, 4096).toString('utf8');
  return /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(head)
    ? 'svg'
    : undefined;
}

/**
 * Checks an image file's bytes before anything decodes them: a PNG, JPEG or SVG by its
 * magic bytes, matching its extension; a PNG's or JPEG's pixel size (from its header)
 * within the limit; an SVG self-contained and bounded (svg-check.ts, as for logos).
 * Returns the format, or the problem in words for a located error.
 */
export function checkImageBytes(
  name: string,
  bytes: Buffer,
): { format: ImageFormat } | { problem: ImageBytesProblem } {
  const promised = formatOfName(name);
  const actual = sniffFormat(bytes);
  if (actual === undefined) {
    return {
      problem: {
        message: bytes.length === 0 ? 'the image file is empty' : 'the file is not a PNG, JPEG or SVG image',
        expected: 'a PNG, JPEG or SVG file (its first bytes say which, whatever its name)',
      },
    };
  }
  if (promised !== actual) {
    return {
      problem: {
        message: `the file is ${label(actual)} but its name ends ${extensionOf(name)}`,
        expected: `a name ending ${EXTENSIONS[actual].join(' or ')} for ${label(actual)}`,
      },
    };
  }
  if (actual === 'svg') {
    const problem = checkSvg(bytes.toString('utf8'));
    return problem ? { problem } : { format: actual };
  }
  const problem = pixelProblem(actual === 'png' ? pngSize(bytes) : jpegSize(bytes), 'image');
  return problem
    ? {
        problem: {
          message: problem,
          expected: PIXELS_EXPECTED,
        },
      }
    : { format: actual };
}

function label(format: ImageFormat): string {
  return format === 'png' ? 'a PNG' : format === 'jpeg' ? 'a JPEG' : 'an SVG';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? `"${name.slice(dot)}"` : 'without an extension';
}
