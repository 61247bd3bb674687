import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/theme/decode-image.js';

const pictures = path.resolve('test/fixtures/images/pictures');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The width and height a PNG's IHDR chunk states. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('decodeImage', () => {
  it("draws an SVG's PNG for the deck only when it is read, once", async () => {
    const decoded = await decodeImage(readFileSync(path.join(pictures, 'map.svg')), 'svg', {
      what: 'image',
      raster: { longSide: 300 },
    });
    if (!decoded.ok) throw new Error(decoded.message);
    const { image } = decoded;
    // A PDF-only build never reads it: nothing drawn until then.
    expect(typeof Object.getOwnPropertyDescriptor(image, 'raster')?.get).toBe('function');
    expect({ width: image.width, height: image.height }).toEqual({ width: 600, height: 400 });
    const raster = image.raster;
    expect(raster.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(raster)).toEqual({ width: 300, height: 200 });
    expect(image.rasterFormat).toBe('png');
    // Drawn once: a deck that places the image twice embeds the same bytes.
    expect(image.raster).toBe(raster);
  });

  it('gives a PNG or JPEG to the deck as it is', async () => {
    const data = readFileSync(path.join(pictures, 'process.png'));
    const decoded = await decodeImage(data, 'png', { what: 'image', raster: { longSide: 300 } });
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.image.raster).toBe(data);
    expect(decoded.image.rasterFormat).toBe('png');
  });
});
