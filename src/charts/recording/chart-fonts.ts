import { BriefkitError } from '../../errors.js';
import { openFont, type ParsedFont } from '../../theme/font-cache.js';
import type { FontFaces, Theme } from '../../theme/types.js';
import type { TextFace } from '../drawing.js';
import { unimplemented } from './unimplemented.js';
import { perObjectCache } from '../../cache/index.js';

/**
 * The theme's fonts as the chart recorder sees them: chart.js lays text out with these
 * widths, and the PDF then draws the same strings with the same files, so a label
 * measured to fit beside a bar fits there in the PDF too.
 */
export interface ChartFonts {
  /** The theme's family that a canvas font list names first, or undefined. */
  familyOf(families: readonly string[]): string | undefined;
  /** Advance width of `text` at `size`, as pdfkit will measure it. */
  width(face: TextFace, size: number, text: string): number;
  /** The font's ascent and descent (hhea, as cairo and pdfkit use), positive, at `size`. */
  extent(face: TextFace, size: number): { ascent: number; descent: number };
  /** Ink bounds of `text` from its alphabetic baseline and start: x right, y up. */
  inkBox(
    face: TextFace,
    size: number,
    text: string,
  ): { minX: number; maxX: number; minY: number; maxY: number };
}

/** Opens the theme's body and heading faces (parsed once per process, shared with the PDF). */
export async function loadChartFonts(theme: Theme): Promise<ChartFonts> {
  const families = [theme.fonts.body, theme.fonts.heading];
  const files = [...new Set(families.flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]))];
  const parsed = new Map<string, ParsedFont>();
  await Promise.all(
    files.map(async (file) => {
      try {
        parsed.set(file, await openFont(file));
      } catch (error) {
        throw new BriefkitError(
          'THEME_ERROR',
          {
            message: `cannot load the chart font ${file}: ${String(error)}`,
            expected: 'the path of a readable TTF or OTF file in the theme',
          },
          { cause: error },
        );
      }
    }),
  );
  const fontOf = (face: TextFace): ParsedFont => {
    // The body wins when both roles share a family name, as in the PDF's replay.
    const faces = families.find((f) => f.family === face.family);
    if (!faces) return unimplemented(`the font family "${face.family}"`, "one of the theme's families");
    return parsed.get(faceFile(faces, face))!;
  };
  return {
    familyOf: (names) => names.find((name) => families.some((f) => f.family === name)),
    width: (face, size, text) => (advance(fontOf(face), text) * size) / fontOf(face).unitsPerEm,
    extent(face, size) {
      const font = fontOf(face);
      const scale = size / font.unitsPerEm;
      return { ascent: font.ascent * scale, descent: -font.descent * scale };
    },
    inkBox(face, size, text) {
      const font = fontOf(face);
      const box = font.layout(text).bbox;
      const scale = size / font.unitsPerEm;
      return {
        minX: box.minX * scale,
        maxX: box.maxX * scale,
        minY: box.minY * scale,
        maxY: box.maxY * scale,
      };
    },
  };
}

export function faceFile(faces: FontFaces, face: TextFace): string {
  const bold = face.weight === 'bold';
  if (face.style === 'italic') return bold ? faces.boldItalic : faces.italic;
  return bold ? faces.bold : faces.regular;
}

/** Advances of words already measured, by font, in font units. Words recur across charts and builds. */
const advances = perObjectCache<number>({ name: 'chart word advances', maxEntries: 4096 });

/**
 * The advance of `text` in font units, measured the way pdfkit measures it: shaped
 * word by word, each word with the space after it, and summed, so kerning never
 * crosses a space. Same shaping, same widths, same line ends.
 */
function advance(font: ParsedFont, text: string): number {
  const cache = advances(font);
  let total = 0;
  for (const word of text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? []) {
    total += cache.get(word, () => font.layout(word).advanceWidth);
  }
  return total;
}
