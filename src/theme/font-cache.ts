import type * as Fontkit from 'fontkit';
import { readBounded } from '../read-bounded.js';
import { isBundledFontFile } from './fonts.js';
import { skipIdleMarkPositioning } from './mark-positioning.js';
import { loadShapingTable } from './shaping-table-cache.js';
import { shapeFromTable } from './simple-shaper.js';

export type ParsedFont = ReturnType<typeof Fontkit.create>;

/** The largest font file read: a full CJK font is about 20 MB. */
export const MAX_FONT_BYTES = 32 * 1024 * 1024;

const fonts = new Map<string, Promise<ParsedFont>>();

/**
 * The font file at `file`, read and parsed by fontkit once per process and shared by
 * the theme check, the text fitter, both measurers and the PDF renderer (pdfkit makes
 * a subset per document, so one parsed font serves every build). A fontkit font is
 * read-only data with its own glyph and layout caches. Fonts are assumed not to change
 * while the process runs; a file that fails to open is not cached, so a fixed file is
 * read again on the next build.
 */
export function openFont(file: string): Promise<ParsedFont> {
  let font = fonts.get(file);
  if (!font) {
    font = (async () => {
      const fontkit = await import('fontkit');
      // Checked by the theme loader already; read with a bound all the same (a file can change).
      const read = await readBounded(file, MAX_FONT_BYTES);
      if (!read.ok) throw new Error(`the font file cannot be read (${read.reason})`);
      const bytes = read.bytes;
      const parsed = fontkit.create(bytes);
      // Only the bundled fonts: their mark features are known to hold mark lookups only, and
      // their shaping tables are tested against fontkit for every character they cover.
      if (isBundledFontFile(file)) {
        skipIdleMarkPositioning(parsed);
        const table = await loadShapingTable(file, bytes);
        if (table) shapeFromTable(parsed, table);
      }
      return parsed;
    })();
    fonts.set(file, font);
    font.catch(() => {
      if (fonts.get(file) === font) fonts.delete(file);
    });
  }
  return font;
}
