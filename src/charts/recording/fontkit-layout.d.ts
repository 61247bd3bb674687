// fontkit ships no type declarations; this is the part chart text is measured with.
declare module 'fontkit' {
  export interface BBox {
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
  }
  export interface GlyphRun {
    /** Sum of the shaped advances, in font units. */
    advanceWidth: number;
    bbox: BBox;
  }
  export interface Font {
    /** hhea ascender and descender (negative), in font units. */
    ascent: number;
    descent: number;
    layout(text: string): GlyphRun;
  }
}
