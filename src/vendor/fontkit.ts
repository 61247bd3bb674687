/**
 * Every place briefkit reaches inside fontkit. Written for fontkit 2.0 (FONTKIT_RANGE);
 * test/vendor/contracts.test.ts fails loudly when an upgrade moves what these rely on:
 * a parsed font's `layout(text, features)` is a method that pdfkit and the measurers call
 * through the font object (so an own property replaces it for that font only), and the
 * tables read by name (`directory.tables`, `GDEF.glyphClassDef`, `numGlyphs`), and for
 * advance widths the character map's lookup (`_cmapProcessor.lookup`) and `hmtx.metrics`.
 */
export const FONTKIT_RANGE = { package: 'fontkit', from: '2.0.0', below: '3.0.0' } as const;

/**
 * Wraps a parsed font's `layout` in place: `wrap` gets the original (bound) and returns
 * the replacement. Returns false, changing nothing, when the font has no layout method.
 */
export function wrapLayout<F extends (text: string, ...rest: never[]) => unknown>(
  font: { layout: F },
  wrap: (layout: F) => F,
): boolean {
  if (typeof font.layout !== 'function') return false;
  font.layout = wrap(font.layout.bind(font) as F);
  return true;
}

interface MetricsFont {
  unitsPerEm: number;
  directory: { tables: Record<string, unknown> };
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  _cmapProcessor?: { lookup(codePoint: number): number };
  hmtx?: { metrics: { length: number; get(index: number): { advance: number } | undefined } };
}

/**
 * The advance widths of a font's characters in em, read from its character map and
 * horizontal metrics (the numbers fontkit's glyph.advanceWidth returns) without making
 * fontkit's glyph objects: each of those decodes its outline for vertical metrics and asks
 * the Unicode tables whether it is a mark, the first costing a deck-only build ~25 ms.
 * Returns undefined for a character the font lacks. Variable fonts (whose advances
 * depend on the instance) and fonts missing the tables go through the glyph objects.
 */
export function advanceReader(font: MetricsFont): (codePoint: number) => number | undefined {
  const upem = font.unitsPerEm;
  const viaGlyphs = (codePoint: number): number | undefined =>
    font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).advanceWidth / upem : undefined;
  const tables = font.directory.tables;
  if (tables.fvar || !tables.hmtx || !tables.cmap) return viaGlyphs;
  const cmap = font._cmapProcessor;
  const metrics = font.hmtx?.metrics;
  if (typeof cmap?.lookup !== 'function' || typeof metrics?.get !== 'function' || metrics.length < 1) {
    return viaGlyphs;
  }
  return (codePoint) => {
    const id = cmap.lookup(codePoint);
    if (!id) return undefined;
    // Glyphs past the last long metric share its advance (hmtx's trailing left side bearings).
    return (metrics.get(Math.min(id, metrics.length - 1))?.advance ?? 0) / upem;
  };
}
