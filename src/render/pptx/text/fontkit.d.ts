// fontkit ships no type declarations; this is the small part the deck measures with
// (and the x-height the PDF sizes citation links by).
declare module 'fontkit' {
  export interface Glyph {
    advanceWidth: number;
  }
  export interface Font {
    unitsPerEm: number;
    /** Height of lower-case x, in font units. */
    xHeight: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
