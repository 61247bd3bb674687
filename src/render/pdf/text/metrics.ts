import { isBundledFontFile } from '../../../theme/fonts.js';
import type { FontSet } from '../fonts.js';
import type { Pdf } from '../types.js';
import type { TextStyle } from './runs.js';
import { selectedFont } from '../../../vendor/pdfkit.js';

/*
 * Line metrics as fractions of the font size. Noto's own hhea metrics (1.069 + 0.293 em)
 * make lines 1.36 em tall before any gap, which sets body text too loosely; a 1.2 em box
 * plus the theme's lineGap gives an even, book-like leading and still clears Cyrillic
 * capitals with diacritics (Й, Ї reach about 0.93 em).
 */
export const ASCENT = 0.95;
export const DESCENT = 0.25;
const SUPERSCRIPT_SCALE = 0.62;
const SUPERSCRIPT_RISE = 0.36;

export interface LineMetrics {
  /** Distance between baselines. */
  lineHeight: number;
  /** Top of the line box to the baseline. */
  baseline: number;
}

export function lineMetrics(size: number, lineGap: number): LineMetrics {
  return { lineHeight: size * (ASCENT + DESCENT) + lineGap, baseline: lineGap / 2 + size * ASCENT };
}

/** Font size a run is drawn at (superscripts are smaller). */
export function drawnSize(style: TextStyle): number {
  if (!style.superscript) return style.size;
  return style.superscriptSize ?? style.size * SUPERSCRIPT_SCALE;
}

/** How far above the baseline a run is drawn. */
export function rise(style: TextStyle): number {
  if (!style.superscript) return 0;
  return style.superscriptRise ?? style.size * SUPERSCRIPT_RISE;
}

export interface Measurer {
  width(style: TextStyle, text: string): number;
}

/** pdfkit's embedded font, as far as measuring relies on it (pdfkit 0.17–0.20). */
interface EmbeddedFont {
  widthOfString(text: string, size: number): number;
  /** The shaped run of one word ("word "), from the document's (shared) word cache. */
  layoutCached?(text: string): { advanceWidth: number };
}

/**
 * Widths come from pdfkit's own font objects (same shaping and kerning as drawing),
 * cached because tables measure the same strings many times.
 *
 * pdfkit shapes text word by word, each word with the space after it ("word "), and
 * the line breaker measures words without it, so every word was shaped twice. In the
 * bundled fonts no kerning or substitution reaches across a space (checked on real
 * text by test/render/pdf/metrics.test.ts), so a word's width is that of "word " less
 * a space: one shaping, the one the drawing needs anyway. Other fonts measure as is.
 *
 * Each font is selected in the document once, when it is first measured (that fixes its
 * resource name, as before); after that the font object is asked directly, with the
 * arithmetic of pdfkit's doc.widthOfString, so a width is the same number either way:
 * selecting a font and splitting a word into runs for every width cost more than shaping.
 */
export function createMeasurer(pdf: Pdf, fonts: FontSet): Measurer {
  // Widths by font file, then size, then text: a key joining the three would hash the
  // file's whole path again for every word measured.
  const cache = new Map<string, Map<number, Map<string, number>>>();
  const embedded = new Map<string, EmbeddedFont>();
  const fontOf = (path: string): EmbeddedFont => {
    let font = embedded.get(path);
    if (!font) {
      pdf.font(path);
      font = selectedFont(pdf) as EmbeddedFont;
      embedded.set(path, font);
    }
    return font;
  };
  const widthsOf = (path: string, size: number): Map<string, number> => {
    let sizes = cache.get(path);
    if (!sizes) cache.set(path, (sizes = new Map()));
    let widths = sizes.get(size);
    if (!widths) sizes.set(size, (widths = new Map()));
    return widths;
  };
  const measure = (path: string, size: number, text: string): number => {
    const widths = widthsOf(path, size);
    let width = widths.get(text);
    if (width === undefined) {
      width =
        isBundledFontFile(path) && text !== '' && !/\s/.test(text)
          ? measure(path, size, `${text} `) - measure(path, size, ' ')
          : widthOfString(fontOf(path), size, text);
      widths.set(text, width);
    }
    return width;
  };
  return {
    width: (style, text) => measure(fonts.path(style.role, style.face), drawnSize(style), text),
  };
}

/**
 * doc.widthOfString(text) of pdfkit with the font at `size` and no options: the font's
 * width, plus no character spacing, times 100% horizontal scaling (kept: x * 100 / 100
 * is not always x in floating point). A single run ending in its only space or tab is
 * the font's cached run itself, as pdfkit's layout would find it.
 */
function widthOfString(font: EmbeddedFont, size: number, text: string): number {
  const last = text.length - 1;
  const oneRun =
    font.layoutCached !== undefined &&
    last >= 0 &&
    !/[ \t]/.test(text.slice(0, last)) &&
    (text[last] === ' ' || text[last] === '\t');
  const width = oneRun
    ? font.layoutCached!(text).advanceWidth * (size / 1000)
    : font.widthOfString(text, size);
  return ((width + 0 * (text.length - 1)) * 100) / 100;
}
