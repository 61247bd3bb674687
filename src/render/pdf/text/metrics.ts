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
  // A width function per font file and size, each with its cache of widths by text; and
  // per style object (a paragraph's words share one), its width function, so a word
  // measured again costs one lookup, not the file's path and the size looked up again.
  const byFile = new Map<string, Map<number, (text: string) => number>>();
  const byStyle = new WeakMap<TextStyle, (text: string) => number>();
  const widthFunction = (path: string, size: number): ((text: string) => number) => {
    let sizes = byFile.get(path);
    if (!sizes) byFile.set(path, (sizes = new Map()));
    let widthOf = sizes.get(size);
    if (widthOf) return widthOf;
    const widths = new Map<string, number>();
    const bundled = isBundledFontFile(path);
    let font: EmbeddedFont | undefined;
    widthOf = (text: string): number => {
      let width = widths.get(text);
      if (width === undefined) {
        if (bundled && text !== '' && !/\s/.test(text)) {
          width = widthOf!(`${text} `) - widthOf!(' ');
        } else {
          if (!font) {
            pdf.font(path);
            font = selectedFont(pdf) as EmbeddedFont;
          }
          width = widthOfString(font, size, text);
        }
        widths.set(text, width);
      }
      return width;
    };
    sizes.set(size, widthOf);
    return widthOf;
  };
  return {
    width: (style, text) => {
      let widthOf = byStyle.get(style);
      if (!widthOf) {
        widthOf = widthFunction(fonts.path(style.role, style.face), drawnSize(style));
        byStyle.set(style, widthOf);
      }
      return widthOf(text);
    },
  };
}

/**
 * doc.widthOfString(text) of pdfkit with the font at `size` and no options: the font's
 * width, plus no character spacing, times 100% horizontal scaling (kept: x * 100 / 100
 * is not always x in floating point). The font's width is pdfkit's layout summed as
 * pdfkit sums it: the cached runs of the pieces that end after each space or tab, in
 * order, times size / 1000 (pdfkit's loop makes an array for every character it looks at).
 */
function widthOfString(font: EmbeddedFont, size: number, text: string): number {
  let width: number;
  if (font.layoutCached === undefined) {
    width = font.widthOfString(text, size);
  } else {
    let advance = 0;
    let start = 0;
    for (let index = 0; index <= text.length; index++) {
      const char = text.charAt(index);
      if (char !== ' ' && char !== '\t' && !(index === text.length && start < index)) continue;
      advance += font.layoutCached(text.slice(start, index + 1)).advanceWidth;
      start = index + 1;
    }
    width = advance * (size / 1000);
  }
  return ((width + 0 * (text.length - 1)) * 100) / 100;
}
