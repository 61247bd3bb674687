import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkImageBytes, formatOfName, sniffFormat } from '../../src/images/check-image-bytes.js';
import { inThemeFont } from '../../src/theme/decode-image.js';

const PICTURES = 'test/fixtures/images/pictures';
const png = readFileSync(`${PICTURES}/process.png`);
const jpeg = readFileSync(`${PICTURES}/landscape.jpg`);
const svg = readFileSync(`${PICTURES}/map.svg`);

describe('an image file is judged by its bytes, before anything decodes it', () => {
  it('knows PNG, JPEG and SVG by their first bytes, whatever the name', () => {
    expect([png, jpeg, svg].map(sniffFormat)).toEqual(['png', 'jpeg', 'svg']);
    const declared = Buffer.from('<?xml version="1.0"?>\n<!-- a comment -->\n<svg width="1" height="1"/>');
    expect(sniffFormat(declared)).toBe('svg');
    expect(sniffFormat(Buffer.from('<html><svg/></html>'))).toBeUndefined();
    expect(sniffFormat(Buffer.alloc(0))).toBeUndefined();
    expect(['a.PNG', 'b.jpg', 'c.JPEG', 'd.svg', 'e.gif', 'png'].map(formatOfName)).toEqual([
      'png',
      'jpeg',
      'jpeg',
      'svg',
      undefined,
      undefined,
    ]);
  });

  it('accepts a file whose bytes match its name, and says what is wrong otherwise', () => {
    expect(checkImageBytes('x.png', png)).toEqual({ format: 'png' });
    expect(checkImageBytes('x.jpeg', jpeg)).toEqual({ format: 'jpeg' });
    expect(checkImageBytes('x.svg', svg)).toEqual({ format: 'svg' });
    expect(checkImageBytes('x.svg', png)).toMatchObject({
      problem: {
        message: 'the file is a PNG but its name ends ".svg"',
        expected: 'a name ending .png for a PNG',
      },
    });
    expect(checkImageBytes('x.png', Buffer.alloc(0))).toMatchObject({
      problem: { message: 'the image file is empty' },
    });
  });
});

describe('SVG text in the theme font', () => {
  it('replaces every font family an SVG names, and sets one for text that names none', () => {
    const source = Buffer.from(
      `<svg width="1" height="1"><style>text { font-family: "Open Sans", sans-serif; }</style>` +
        `<text font-family='Arial'>a</text><text style="font-size: 3px; font-family: 'Times New Roman'; fill: red">b</text></svg>`,
    );
    const out = inThemeFont(source, 'Noto Sans').toString('utf8');
    expect(out).toBe(
      `<svg font-family="Noto Sans" width="1" height="1"><style>text { font-family: Noto Sans; }</style>` +
        `<text font-family="Noto Sans">a</text><text style="font-size: 3px; font-family: Noto Sans; fill: red">b</text></svg>`,
    );
  });
});
