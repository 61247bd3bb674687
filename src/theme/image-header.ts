import { DATA_LIMITS } from '../briefing/limits.js';

/**
 * The pixel size of a PNG or JPEG, read from its header without decoding it. Decoding
 * a 1.5 MB PNG of 20,000 × 20,000 pixels takes 1.6 GB (a "decompression bomb"), so the
 * size is checked from the header first (see MAX_IMAGE_PIXELS).
 */
export interface PixelSize {
  width: number;
  height: number;
}

/** Pixels an image may have: 4096 × 4096, 64 MB once decoded (4 bytes a pixel); a logo needs far less. */
const MAX_IMAGE_PIXELS = DATA_LIMITS.imagePixels;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8, bytes.length)).equals(PNG_SIGNATURE);
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** The IHDR chunk comes first in every PNG: width and height at bytes 16 and 20. */
export function pngSize(bytes: Buffer): PixelSize | undefined {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The first start-of-frame marker (SOF0–SOF15, not DHT, JPG or DAC) holds the frame's size. */
export function jpegSize(bytes: Buffer): PixelSize | undefined {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // Fill byte.
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // Markers without a length.
      continue;
    }
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

/** Why an image with this header may not be decoded, or undefined when it may. */
export function pixelProblem(size: PixelSize | undefined, what: string): string | undefined {
  if (!size) return `the ${what} has no readable size in its header`;
  if (size.width === 0 || size.height === 0) return `the ${what} is ${size.width} × ${size.height} pixels`;
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    return `the ${what} is ${size.width.toLocaleString('en')} × ${size.height.toLocaleString('en')} pixels (${Math.round((size.width * size.height * 4) / 1024 / 1024).toLocaleString('en')} MB once decoded)`;
  }
  return undefined;
}

export const PIXELS_EXPECTED = `at most ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels (4096 × 4096)`;
