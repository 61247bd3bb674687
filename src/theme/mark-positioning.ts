import { wrapLayout } from '../vendor/fontkit.js';
/**
 * Lays out text without mark positioning when the text has no marks.
 *
 * The OpenType features 'mark' and 'mkmk' place combining marks (an accent typed as a
 * character of its own) on their base letter and on each other. Their lookups only
 * ever move mark glyphs, and text in Latin, Cyrillic and Greek is nearly always typed
 * with precomposed letters (é, й, ї), so it has none: the lookups change nothing, yet
 * fontkit decodes them on first use (about 20 ms per Noto face, the largest tables of
 * the font) and walks them for every word it shapes. This wrapper shapes a word without
 * them unless its text holds a mark (Unicode category M) or the shaped glyphs include
 * one of the font's mark glyphs (GDEF class 3, e.g. from a decomposition); then it shapes
 * the word again with every default feature. Same glyphs and positions either way, so
 * the same bytes: test/theme/mark-positioning.test.ts compares both on real text.
 *
 * The font cache wraps only the bundled Noto faces, whose 'mark' and 'mkmk' features are
 * tested to hold mark-attachment lookups only (a font could file other lookups under those
 * tags). Fonts without a GDEF glyph class table are shaped as fontkit does: fontkit then
 * guesses mark glyphs from Unicode, and this wrapper could not check its guess. A caller that
 * asks for features of its own gets fontkit's own layout. The glyph classes are read on the
 * first word this wrapper shapes, not when the font opens: with the bundled fonts' shaping
 * tables (theme/simple-shaper.ts) most builds shape few words or none through here.
 */

/** The part of a fontkit font this module relies on. */
interface ShapingFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): { glyphs: readonly { id: number }[] };
  GDEF?: { glyphClassDef?: ClassDef };
  /** The file's table directory, read when fontkit opens it (the tables themselves are read on use). */
  directory?: { tables?: Record<string, unknown> };
}

type ClassDef =
  | { version: 1; startGlyph: number; classValueArray: readonly number[] }
  | { version: 2; classRangeRecord: readonly { start: number; end: number; class: number }[] };

const MARK_CLASS = 3;
const HAS_MARK = /\p{M}/u;

/** Wraps `font.layout` in place; returns whether it did (a font without a GDEF table is left alone). */
export function skipIdleMarkPositioning(font: object): boolean {
  const shaping = font as ShapingFont;
  if (typeof shaping.layout !== 'function' || !shaping.directory?.tables?.GDEF) return false;
  let marks: ReadonlySet<number> | undefined | null = null;
  return wrapLayout(shaping, (layout) => (text, features, ...rest) => {
    if (features !== undefined || HAS_MARK.test(text)) return layout(text, features, ...rest);
    if (marks === null) marks = markGlyphs(shaping.GDEF?.glyphClassDef);
    if (!marks) return layout(text, features, ...rest);
    const idle = marks;
    // A fresh object each time: fontkit adds the features it plans to the one it is given.
    const run = layout(text, { mark: false, mkmk: false }, ...rest);
    if (run.glyphs.some((glyph) => idle.has(glyph.id))) return layout(text, undefined, ...rest);
    return run;
  });
}

/** Glyph ids of class 3 (mark) in a GDEF glyph class definition; undefined without one. */
export function markGlyphs(classDef: ClassDef | undefined): ReadonlySet<number> | undefined {
  if (!classDef) return undefined;
  const marks = new Set<number>();
  if (classDef.version === 1) {
    classDef.classValueArray.forEach((value, index) => {
      if (value === MARK_CLASS) marks.add(classDef.startGlyph + index);
    });
  } else if (classDef.version === 2) {
    for (const range of classDef.classRangeRecord) {
      if (range.class !== MARK_CLASS) continue;
      for (let id = range.start; id <= range.end; id++) marks.add(id);
    }
  } else {
    return undefined;
  }
  return marks;
}
