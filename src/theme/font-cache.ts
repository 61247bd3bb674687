import type * as Fontkit from 'fontkit';
import { boundedCache, fileStamp } from '../cache/index.js';
import { readBounded } from '../read-bounded.js';
import { isBundledFontFile } from './fonts.js';
import { skipIdleMarkPositioning } from './mark-positioning.js';
import { loadShapingTable } from './shaping-table-cache.js';
import { shapeFromTable } from './simple-shaper.js';
import { deferGlyphNames, glyphsKeepTheirCodePoints, subsetFromBytes } from '../vendor/fontkit.js';

export type ParsedFont = ReturnType<typeof Fontkit.create>;

/** The largest font file read: a full CJK font is about 20 MB. */
export const MAX_FONT_BYTES = 32 * 1024 * 1024;

/** A parsed font, and the shaping table attached to it once something shapes with it. */
interface OpenedFont {
  font: ParsedFont;
  bytes: Uint8Array;
  shaping?: Promise<void>;
}

/**
 * Parsed fonts by file and stamp (size, modification time, inode): a theme has up to
 * eight faces, and a few themes a process. An edited or replaced font file is a new key,
 * so `watch` and the API embed and measure the font on disk now, as the manifest's hash
 * of it says (once, the PDF kept the font first read while the manifest named the new one).
 */
const fonts = boundedCache<Promise<OpenedFont>>({ name: 'parsed fonts', maxEntries: 32 });

/**
 * The font file at `file`, read and parsed by fontkit once per process and state of the
 * file, and shared by the theme check, the text fitter, both measurers and the PDF
 * renderer (pdfkit makes a subset per document, so one parsed font serves every build).
 * A fontkit font is read-only data with its own glyph and layout caches. A file that
 * fails to open is not kept, so a fixed file is read again on the next build.
 * A bundled font shapes simple-script words from its shaping table, attached here.
 */
export async function openFont(file: string): Promise<ParsedFont> {
  const opened = await openParsed(file);
  // Only the bundled fonts: their mark features are known to hold mark lookups only, and
  // their shaping tables are tested against fontkit for every character they cover.
  if (isBundledFontFile(file)) {
    opened.shaping ??= attachShapingTable(file, opened).catch((error: unknown) => {
      opened.shaping = undefined;
      throw error;
    });
    await opened.shaping;
  }
  return opened.font;
}

/**
 * The same parsed font, for its character map and metrics only (the deck's measurer, the
 * text fitter): no shaping table is read, so a deck-only build never loads one. Anything
 * that lays text out asks openFont(), which attaches the table before the first layout.
 */
export async function openFontMetrics(file: string): Promise<ParsedFont> {
  return (await openParsed(file)).font;
}

function openParsed(file: string): Promise<OpenedFont> {
  return fileStamp(file)
    .catch(() => 'unreadable')
    .then((stamp) =>
      fonts.get(`${file}\0${stamp}`, async () => {
        const fontkit = await import('fontkit');
        // Checked by the theme loader already; read with a bound all the same (a file can change).
        const read = await readBounded(file, MAX_FONT_BYTES);
        if (!read.ok) throw new Error(`the font file cannot be read (${read.reason})`);
        const bytes = read.bytes;
        const parsed = fontkit.create(bytes);
        // pdfkit reads the 'post' header of each font it embeds; the glyph names are read on use.
        deferGlyphNames(parsed);
        // pdfkit's subsets of it copy glyphs from the file's bytes rather than decoding each outline.
        subsetFromBytes(parsed);
        // The font is shared by every document of the process: each keeps its own text map.
        glyphsKeepTheirCodePoints(parsed);
        if (isBundledFontFile(file)) skipIdleMarkPositioning(parsed);
        return { font: parsed, bytes };
      }),
    );
}

async function attachShapingTable(file: string, opened: OpenedFont): Promise<void> {
  const numGlyphs = (opened.font as unknown as { numGlyphs: number }).numGlyphs;
  const table = await loadShapingTable(file, opened.bytes, numGlyphs);
  if (table) shapeFromTable(opened.font, table);
}
