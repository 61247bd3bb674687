/**
 * Every place briefkit reaches inside pdfkit, and nothing else. Written for pdfkit
 * 0.17–0.20 (PDFKIT_RANGE); test/vendor/contracts.test.ts fails loudly when an upgrade
 * moves what these rely on: `doc._font` (the embedded font pdfkit selected, with its
 * fontkit `font` and its per-document `layoutCache` of shaped words), `doc.font()`
 * selecting it, and `doc._addInfo()`, the step of `end()` that writes the XMP packet;
 * `drawTextLine` (below) relies on how `doc.text()` draws one line: the font's subset,
 * widths, code points and resource name, the page's font resources, and the content
 * operators, and `setFillColor` on the content `fillColor()` writes for a hex colour;
 * both are checked byte for byte by test/vendor/pdfkit-text.test.ts. How the document's
 * bytes go out (`doc._write`, `doc.push`) is relied on by vendor/pdfkit-output.ts.
 */
export const PDFKIT_RANGE = { package: 'pdfkit', from: '0.17.0', below: '0.21.0' } as const;

/** pdfkit's embedded font, as far as briefkit relies on it. */
export interface EmbeddedFontInternals {
  /** The fontkit font it shapes with (absent for the standard 14 fonts). */
  font?: object;
  /** Shaped runs by word, written by pdfkit as it shapes. */
  layoutCache?: Record<string, unknown>;
  widthOfString(text: string, size: number): number;
}

interface DocumentInternals {
  _font?: EmbeddedFontInternals;
  _addInfo?: () => void;
  font: (...args: unknown[]) => unknown;
}

/** The embedded font pdfkit selected last (doc.font(...)). */
export function selectedFont(doc: object): EmbeddedFontInternals | undefined {
  return (doc as DocumentInternals)._font;
}

/** Calls `onSelect` with the embedded font each time the document selects a font. */
export function onFontSelected(doc: object, onSelect: (font: EmbeddedFontInternals) => void): void {
  const internals = doc as DocumentInternals;
  const select = internals.font.bind(doc);
  internals.font = (...args: unknown[]) => {
    select(...args);
    if (internals._font) onSelect(internals._font);
    return doc;
  };
}

/**
 * Replaces, for this document only, the step of `end()` that writes the XMP metadata
 * packet from `doc.info`. Returns false (and changes nothing) when pdfkit has no such step.
 */
export function replaceXmpStep(doc: object, write: () => void): boolean {
  const internals = doc as DocumentInternals;
  if (typeof internals._addInfo !== 'function') return false;
  internals._addInfo = write;
  return true;
}

/** pdfkit's EmbeddedFont as far as unscaledRuns relies on it. */
interface RunFont {
  scale?: unknown;
  font?: { layout?: unknown };
  layoutRun?: unknown;
}

/**
 * pdfkit's EmbeddedFont.layoutRun shapes a word with fontkit, then multiplies every field of
 * every position by the font's scale (1000 / units per em) in a for-in loop and sets the
 * position's advanceWidth to its glyph's times the scale. For a font of 1000 units per em (the
 * bundled Noto faces) the scale is 1 and each multiplication gives back the same number, so
 * this font's layoutRun leaves the loop out and sets advanceWidth as it is: the same runs,
 * about ten thousand interpreted loops fewer in a cold build. Returns false, changing
 * nothing, for another scale or when pdfkit's internals are not where this expects them.
 */
export function unscaledRuns(embedded: object): boolean {
  const e = embedded as RunFont;
  const font = e.font as { layout(text: string, features?: unknown): GlyphRun } | undefined;
  if (e.scale !== 1 || typeof font?.layout !== 'function' || typeof e.layoutRun !== 'function') return false;
  e.layoutRun = (text: string, features?: unknown): GlyphRun => {
    const run = font.layout(text, features);
    for (let i = 0; i < run.positions.length; i++) {
      (run.positions[i] as { advanceWidth: number }).advanceWidth = run.glyphs[i]!.advanceWidth;
    }
    return run;
  };
  return true;
}

/*
 * One line of text drawn the way pdfkit 0.17–0.20 draws
 * `doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', horizontalScaling })`,
 * the only way briefkit draws text, with the same bytes and the same document state after.
 *
 * pdfkit's text() serves every option (wrapping, alignment, links, underlines, word and
 * character spacing, rotation, continued text), and for one unwrapped line it still copies
 * its options, shapes the text three times (the width for the options it was not given,
 * the glyphs, the width again to move doc.x) and writes each operator as its own chunk;
 * about a third of painting a report went there. This does only what that call does:
 * the shaped runs come from the font's word cache (pdfkit's own `layoutCached`, shared
 * across documents by render/pdf/shared-layouts.ts), each glyph is added to the font's
 * subset with its width and code points as pdfkit's `encode` adds it, and the operators
 * (q, the flip to PDF space, BT, Tm, Tf, Tz, TJ with kerning, Tm for offset glyphs, ET,
 * Q) are written in one chunk, numbers rounded as pdfkit rounds them. Text pdfkit would
 * split into lines, a standard-14 font, or pdfkit internals not where this expects them
 * go to pdfkit's own text(). test/vendor/pdfkit-text.test.ts compares whole PDFs made
 * both ways, byte for byte.
 */

/** A glyph of a shaped run, as fontkit makes it. */
interface RunGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A position of a shaped run, scaled by pdfkit to 1000 units per em. */
interface RunPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface GlyphRun {
  glyphs: readonly RunGlyph[];
  positions: readonly RunPosition[];
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont, as far as drawing relies on it. */
interface EmbeddedFont {
  id: string;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  layoutCached(text: string): GlyphRun;
  ref(): unknown;
}

interface TextDocument {
  _font?: Partial<EmbeddedFont>;
  _fontSize: number;
  _textOptions?: unknown;
  page?: { height: number; fonts: Record<string, unknown> };
  x: number;
  y: number;
  addContent(data: string): unknown;
  text(text: string, x: number, y: number, options: object): unknown;
}

/** pdfkit's number formatting for content streams (PDFObject.number). */
function num(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** Glyph ids as pdfkit writes them: four hex digits (ids above 0xffff keep their last four). */
function hex(gid: number): string {
  return ((gid & 0xffff) | 0x10000).toString(16).slice(1);
}

/**
 * Draws `text` with the selected font and size, its alphabetic baseline at `y` and its
 * start at `x`, horizontally scaled by `horizontalScaling` percent.
 */
export function drawTextLine(doc: object, text: string, x: number, y: number, scaling = 100): void {
  const d = doc as TextDocument;
  const horizontalScaling = scaling || 100;
  const font = d._font;
  const page = d.page;
  if (!isEmbeddedFont(font) || !page || d._textOptions || text.includes('\n')) {
    d.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', horizontalScaling });
    return;
  }
  d.x = x;
  d.y = y;
  if (text === '') return;
  const size = d._fontSize;
  const scale = size / 1000;
  // The alphabetic baseline: pdfkit's dy is 0 / 1000 * size.
  const top = page.height - y - (0 / 1000) * size;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const out = ['q', `1 0 0 -1 0 ${num(page.height)} cm`, 'BT', `1 0 0 1 ${num(x)} ${num(top)} Tm`];
  out.push(`/${font.id} ${num(size)} Tf`);
  if (horizontalScaling !== 100) out.push(`${horizontalScaling} Tz`);

  // pdfkit's TJ: glyphs in segments, a segment closed by a glyph whose advance differs
  // from its width (kerning), the difference written after it; a glyph with an offset
  // (a placed mark) is drawn alone at its own Tm, and the line's origin is set again after.
  let commands: string[] = [];
  let segment = '';
  let segmentEnd: RunPosition | undefined;
  let hadOffset = false;
  let penX = x;
  const closeSegment = (): void => {
    if (segment !== '')
      commands.push(`<${segment}> ${num(-(segmentEnd!.xAdvance - segmentEnd!.advanceWidth))}`);
    segment = '';
  };
  const flush = (): void => {
    closeSegment();
    if (commands.length > 0) {
      out.push(`[${commands.join(' ')}] TJ`);
      commands = [];
    }
  };
  const subsetHex = subsetHexOf(font);
  const draw = (glyph: RunGlyph, pos: RunPosition): void => {
    let code = subsetHex[glyph.id];
    if (code === undefined) {
      // pdfkit's encode: the glyph joins the subset, with its width and text the first time
      // (the first time in this document: after that, all three are set and stay so).
      const gid = font.subset.includeGlyph(glyph.id);
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
      code = subsetHex[glyph.id] = hex(gid);
    }
    if (pos.xOffset || pos.yOffset) {
      flush();
      out.push(`1 0 0 1 ${num(penX + pos.xOffset * scale)} ${num(top + pos.yOffset * scale)} Tm`);
      segment = code;
      segmentEnd = pos;
      flush();
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${num(penX)} ${num(top)} Tm`);
        hadOffset = false;
      }
      segment += code;
      segmentEnd = pos;
      if (pos.xAdvance - pos.advanceWidth !== 0) closeSegment();
    }
    penX += pos.xAdvance * scale;
  };

  // pdfkit's layout: the text shaped in pieces that end after each space or tab.
  let advance = 0;
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    const char = text.charAt(index);
    if (char !== ' ' && char !== '\t' && !(index === text.length && start < index)) continue;
    const run = font.layoutCached(text.slice(start, index + 1));
    for (let i = 0; i < run.glyphs.length; i++) draw(run.glyphs[i]!, run.positions[i]!);
    advance += run.advanceWidth;
    start = index + 1;
  }
  flush();
  out.push('ET', 'Q');
  d.addContent(out.join('\n'));
  // pdfkit then moves doc.x past the text by its width (doc.widthOfString).
  d.x = x + ((advance * scale + 0 * (text.length - 1)) * horizontalScaling) / 100;
}

/** Per embedded font (one per document and face): the subset's glyph id, in hex, by font glyph id. */
const subsetHexes = new WeakMap<EmbeddedFont, string[]>();

function subsetHexOf(font: EmbeddedFont): string[] {
  let codes = subsetHexes.get(font);
  if (!codes) subsetHexes.set(font, (codes = []));
  return codes;
}

function isEmbeddedFont(font: Partial<EmbeddedFont> | undefined): font is EmbeddedFont {
  return (
    font !== undefined &&
    typeof font.id === 'string' &&
    typeof font.scale === 'number' &&
    typeof font.layoutCached === 'function' &&
    typeof font.subset?.includeGlyph === 'function' &&
    Array.isArray(font.widths) &&
    Array.isArray(font.unicode) &&
    typeof font.ref === 'function'
  );
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * `doc.fillColor(color)` for a "#rrggbb" colour, with the same bytes and state: pdfkit
 * normalises the colour through its general parser at every call (for text, every piece
 * of every line) and writes the colour space and the colour as two chunks; this writes
 * the content it would as one. Other colours go to pdfkit's fillColor.
 */
export function setFillColor(doc: object, color: string): void {
  const d = doc as { addContent(data: string): unknown; _fillColor?: unknown; fillColor(c: string): unknown };
  if (!HEX_COLOR.test(color) || typeof d.addContent !== 'function') {
    d.fillColor(color);
    return;
  }
  const rgb = parseInt(color.slice(1), 16);
  const parts = [rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff].map((part) => part / 255);
  d.addContent(`/DeviceRGB cs\n${parts.join(' ')} scn`);
  // pdfkit's record of the fill (color, opacity): underlines and other text options read it.
  d._fillColor = [color, undefined];
}
