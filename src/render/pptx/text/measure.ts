import { openCharacterMetrics, type CharacterMetrics } from '../../../theme/character-metrics.js';
import type { Theme } from '../../../theme/types.js';

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  /** Inline code, set in a monospaced face. */
  code?: boolean;
}

export interface TextMeasurer {
  /** Advance width of `text` in points at `size` points, with the safety margin applied. */
  width(text: string, size: number, style?: FontStyle): number;
}

/**
 * Widths are measured with the theme's own TTF files (the same glyphs PowerPoint
 * and LibreOffice lay out when the font is installed), without kerning, then widened
 * by 8% so text still fits when a viewer substitutes a wider face: DejaVu Sans, the
 * usual fallback on Linux, is about 7.5% wider than Noto Sans.
 */
export const WIDTH_SAFETY = 1.08;

/** Average advance of a character when no font file can be read: wide enough for bold Latin. */
const FALLBACK_EM = 0.62;
const MONO_EM = 0.6;

type AdvanceTable = (codePoint: number) => number;

/** Loads the theme's body faces (parsed once per process and shared: fonts do not change). */
export async function loadTextMeasurer(theme: Theme): Promise<TextMeasurer> {
  const faces = theme.fonts.body;
  const [regular, bold, italic, boldItalic] = await Promise.all(
    [faces.regular, faces.bold, faces.italic, faces.boldItalic].map(loadAdvances),
  );
  const styled = {
    regular: wordWidths(regular),
    bold: wordWidths(bold ?? regular),
    italic: wordWidths(italic ?? regular),
    boldItalic: wordWidths(boldItalic ?? bold ?? regular),
  };
  return {
    width(text, size, style = {}) {
      if (style.code) return [...text].length * MONO_EM * size * WIDTH_SAFETY;
      return pickFace(styled, style)(text) * size * WIDTH_SAFETY;
    },
  };
}

type WordWidth = (text: string) => number;

/**
 * A face's width in em of a piece of text, kept per text for the measurer's life (one
 * deck): the fitter wraps each text box at several sizes and a deck repeats its words, so
 * most pieces are measured many times. The sum runs in the same order either way.
 */
function wordWidths(table: AdvanceTable | undefined): WordWidth {
  const words = new Map<string, number>();
  return (text) => {
    let em = words.get(text);
    if (em === undefined) {
      em = 0;
      for (const char of text) em += table ? table(char.codePointAt(0) ?? 32) : FALLBACK_EM;
      words.set(text, em);
    }
    return em;
  };
}

function pickFace(
  faces: Record<'regular' | 'bold' | 'italic' | 'boldItalic', WordWidth>,
  style: FontStyle,
): WordWidth {
  if (style.bold && style.italic) return faces.boldItalic;
  if (style.bold) return faces.bold;
  if (style.italic) return faces.italic;
  return faces.regular;
}

/** The advance table of a font file; undefined when it cannot be read (the fallback width applies). */
async function loadAdvances(file: string): Promise<AdvanceTable | undefined> {
  let metrics: CharacterMetrics;
  try {
    metrics = await openCharacterMetrics(file);
  } catch {
    return undefined;
  }
  return (codePoint) => metrics.advance(codePoint) ?? FALLBACK_EM;
}
