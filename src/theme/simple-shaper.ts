import type { CompiledTable } from './compiled-shaping-table.js';
import { wrapLayout } from '../vendor/fontkit.js';

/**
 * Shapes words of the simple scripts from a font's shaping table (theme/shaping-table.ts)
 * instead of fontkit's layout engine: one cmap lookup per character, the font's ligatures
 * and its pair kerning. A cold build shapes a few thousand distinct words, and fontkit's
 * engine costs about 100 µs for each the first time (planning features, walking lookups,
 * decoding the GSUB and GPOS tables as it goes); this costs a few µs and decodes nothing.
 *
 * The run it returns has what fontkit's GlyphRun has and pdfkit and the chart recorder
 * read: glyphs (fontkit's own glyph objects, asked for in the order fontkit asks, so its
 * glyph cache ends up the same), positions, advanceWidth and bbox. Text with any character
 * the table does not cover, and calls with features, a script or a language, go to the
 * layout it wraps. test/theme/simple-shaper.test.ts compares both for every character and
 * every kerning class pair of the bundled faces.
 */

interface Glyph {
  id: number;
  advanceWidth: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
}

interface ShapingFont {
  layout(text: string, ...rest: unknown[]): unknown;
  glyphForCodePoint(codePoint: number): Glyph;
  getGlyph(id: number, codePoints?: number[]): Glyph;
  numGlyphs: number;
}

interface CharGlyph {
  glyph: Glyph;
  id: number;
  advance: number;
}

/** fontkit's GlyphPosition: the same fields in the same order (pdfkit scales each). */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * A position as an object literal: a class with field initializers costs a call per glyph
 * to run them, which in a cold build (interpreted code, ~10,000 glyphs) was measurable.
 */
function position(xAdvance: number): Position {
  return { xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0 };
}

/** fontkit's BBox, as GlyphRun builds it. */
class Box {
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  addPoint(x: number, y: number): void {
    if (Math.abs(x) !== Infinity) {
      if (x < this.minX) this.minX = x;
      if (x > this.maxX) this.maxX = x;
    }
    if (Math.abs(y) !== Infinity) {
      if (y < this.minY) this.minY = y;
      if (y > this.maxY) this.maxY = y;
    }
  }
  get width(): number {
    return this.maxX - this.minX;
  }
  get height(): number {
    return this.maxY - this.minY;
  }
}

/** The run of a shaped word, with fontkit's GlyphRun getters. */
class SimpleRun {
  readonly features = {};
  readonly language = null;
  readonly direction = 'ltr';
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
    readonly script: string,
  ) {}
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
  get advanceHeight(): number {
    return 0;
  }
  get bbox(): Box {
    const box = new Box();
    let x = 0;
    let y = 0;
    for (let i = 0; i < this.glyphs.length; i++) {
      const b = this.glyphs[i]!.bbox;
      const p = this.positions[i]!;
      box.addPoint(b.minX + x + p.xOffset, b.minY + y + p.yOffset);
      box.addPoint(b.maxX + x + p.xOffset, b.maxY + y + p.yOffset);
      x += p.xAdvance;
      y += p.yAdvance;
    }
    return box;
  }
}

/** What the shaper learns of a font as it shapes: see shapeSimple. */
interface ShaperState {
  /**
   * The glyph of each character shaped so far, with its advance: what the font's
   * getGlyph() returned for it the first time (fontkit keeps that object for good, so
   * asking again gives the same glyph).
   */
  known: Map<number, CharGlyph>;
  /** Whether the space glyph has been asked for (fontkit's layout asks for it once per word). */
  spaceAsked: boolean;
}

/** Wraps `font.layout` in place so that words the table covers are shaped from it. */
export function shapeFromTable(font: object, table: CompiledTable): void {
  const shaping = font as ShapingFont;
  const state: ShaperState = { known: new Map(), spaceAsked: false };
  wrapLayout(shaping, (layout) => (text: string, ...rest: unknown[]) => {
    if (rest.some((arg) => arg !== undefined) || typeof text !== 'string') return layout(text, ...rest);
    return shapeSimple(shaping, table, state, text) ?? layout(text, ...rest);
  });
}

/**
 * The run of `text`, or undefined when a character is not in the table.
 *
 * The font is asked for glyphs as fontkit's layout asks: every character's glyph in order
 * (glyphForCodePoint, which is getGlyph(the character map's glyph, [character]); the map
 * is the table's, so fontkit never decodes its own), then, after the ligatures, each
 * glyph with its characters (getGlyph), then the space. fontkit keeps a glyph object per
 * glyph id, made with the code points of the first request, so only a character's first
 * request can make one; its answer is kept (`state.known`), and a word without ligatures
 * asks nothing more. No glyph is made before every character of the word is known to be
 * covered.
 */
function shapeSimple(
  font: ShapingFont,
  table: CompiledTable,
  state: ShaperState,
  text: string,
): SimpleRun | undefined {
  if (text === '') return undefined;
  const { known } = state;
  const codePoints: number[] = [];
  let allKnown = true;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!known.has(cp)) {
      if (!table.glyphOf.has(cp)) return undefined;
      allKnown = false;
    }
    codePoints.push(cp);
  }
  if (!allKnown) {
    for (const cp of codePoints) {
      if (known.has(cp)) continue;
      const glyph = font.getGlyph(table.glyphOf.get(cp)!, [cp]);
      known.set(cp, { glyph, id: glyph.id, advance: glyph.advanceWidth });
    }
  }
  const count = codePoints.length;
  const ids: number[] = new Array<number>(count);
  const entries: CharGlyph[] = new Array<CharGlyph>(count);
  let ligatureStart = false;
  for (let i = 0; i < count; i++) {
    const entry = known.get(codePoints[i]!)!;
    entries[i] = entry;
    ids[i] = entry.id;
    if (table.ligatureStarts.has(entry.id)) ligatureStart = true;
  }
  let glyphs: Glyph[];
  let positions: Position[];
  if (ligatureStart) {
    // fontkit maps each character first (glyphsForString), then substitutes.
    const chars = codePoints.map((cp) => [cp]);
    for (const lookup of table.ligatures) applyLigatures(lookup, ids, chars);
    glyphs = ids.map((id, i) => font.getGlyph(id, chars[i]));
    positions = glyphs.map((glyph) => position(glyph.advanceWidth));
  } else {
    glyphs = new Array<Glyph>(count);
    positions = new Array<Position>(count);
    for (let i = 0; i < count; i++) {
      glyphs[i] = entries[i]!.glyph;
      positions[i] = position(entries[i]!.advance);
    }
  }
  for (let i = 0; i + 1 < ids.length; i++) {
    const left = table.left[ids[i]!]!;
    const right = table.right[ids[i + 1]!]!;
    if (left !== 0 && right !== 0) positions[i]!.xAdvance += table.kerning[left * table.columns + right]!;
  }
  // fontkit then hides default-ignorables behind the space glyph; asking for it keeps its glyph cache the same.
  if (!state.spaceAsked) {
    const space = table.glyphOf.get(0x20);
    if (space === undefined) font.glyphForCodePoint(0x20);
    else font.getGlyph(space, [0x20]);
    state.spaceAsked = true;
  }
  return new SimpleRun(glyphs, positions, 'Zyyy');
}

/** One ligature lookup over the word, left to right, as fontkit applies GSUB type 4. */
function applyLigatures(rulesByFirst: Map<number, number[][]>, ids: number[], chars: number[][]): void {
  for (let i = 0; i < ids.length; i++) {
    const rules = rulesByFirst.get(ids[i]!);
    if (!rules) continue;
    for (const rule of rules) {
      const length = rule.length - 1;
      if (i + length > ids.length) continue;
      let match = true;
      for (let k = 1; k < length && match; k++) match = ids[i + k] === rule[k + 1];
      if (!match) continue;
      ids.splice(i, length, rule[0]!);
      chars.splice(i, length, chars.slice(i, i + length).flat());
      break;
    }
  }
}
