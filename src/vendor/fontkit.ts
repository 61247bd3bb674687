/**
 * Every place briefkit reaches inside fontkit. Written for fontkit 2.0 (FONTKIT_RANGE);
 * test/vendor/contracts.test.ts fails loudly when an upgrade moves what these rely on:
 * a parsed font's `layout(text, features)` is a method that pdfkit and the measurers call
 * through the font object (so an own property replaces it for that font only), and the
 * tables read by name (`directory.tables`, `GDEF.glyphClassDef`, `numGlyphs`).
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
