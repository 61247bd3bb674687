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

/** A table's entry in the font file's directory, as fontkit reads it when the font opens. */
interface TableEntry {
  offset: number;
  length: number;
}

/** The parts of a parsed fontkit font that `deferGlyphNames` relies on. */
interface TableInternals {
  directory?: { tables?: Record<string, TableEntry | undefined> };
  /** Decoded tables by tag, filled on first use (`font.post` decodes and stores 'post'). */
  _tables?: Record<string, unknown>;
  _decodeTable?: (entry: TableEntry) => Record<string, unknown> | undefined;
  stream?: { buffer?: Uint8Array };
}

/** The fixed header of the 'post' table (32 bytes), in fontkit's field names and number types. */
const POST_HEADER_BYTES = 32;

/**
 * Gives the font a 'post' table whose header is read now, from 32 bytes, and whose
 * glyph names are decoded by fontkit on first use. pdfkit reads the header of every
 * font it embeds (isFixedPitch, italicAngle); fontkit decodes the whole table for that,
 * with a name string for each of Noto's 3,000–4,000 glyphs: about 10 ms per face, for
 * names nothing in a build reads. The header values are computed as fontkit's decoder
 * computes them (fixed 16.16 numbers divided by 65536, signed 16-bit, unsigned 32-bit),
 * and the version's own fields (glyphNameIndex, names, offsets, map, numberOfGlyphs)
 * come from fontkit's decoder the first time one is read. Returns false, changing
 * nothing, when the font has no 'post' table, has decoded it already, or its internals
 * are not where this expects them.
 */
export function deferGlyphNames(font: object): boolean {
  const internals = font as TableInternals;
  const entry = internals.directory?.tables?.post;
  const tables = internals._tables;
  const bytes = internals.stream?.buffer;
  const decode = internals._decodeTable;
  if (!entry || !tables || !bytes || typeof decode !== 'function' || 'post' in tables) return false;
  if (entry.length < POST_HEADER_BYTES || entry.offset + POST_HEADER_BYTES > bytes.length) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, POST_HEADER_BYTES);
  const post: Record<string, unknown> = {
    version: view.getInt32(0) / 65536,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  let full: Record<string, unknown> | undefined;
  for (const key of ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) {
    Object.defineProperty(post, key, {
      enumerable: true,
      configurable: true,
      get: () => (full ??= decodeOrNothing(font, decode, entry))[key],
    });
  }
  tables.post = post;
  return true;
}

/** fontkit's decoder, which (like fontkit's own table getter) leaves a table it cannot read empty. */
function decodeOrNothing(
  font: object,
  decode: NonNullable<TableInternals['_decodeTable']>,
  entry: TableEntry,
): Record<string, unknown> {
  try {
    return decode.call(font, entry) ?? {};
  } catch {
    return {};
  }
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

/** The parts of fontkit's TrueType subset (TTFSubset) that `subsetFromBytes` relies on. */
interface TrueTypeSubset {
  font: SubsetFont;
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
}

interface SubsetFont {
  directory: { tables: Record<string, TableEntry | undefined> };
  stream: { buffer: Uint8Array };
  loca: { offsets: ArrayLike<number> };
  hmtx: {
    metrics: { length: number; get(index: number): { advance: number; bearing: number } | undefined };
    bearings: { get(index: number): number | undefined };
  };
  _variationProcessor?: unknown;
  getGlyph(id: number): unknown;
  createSubset(): object;
}

// Composite glyph flags (OpenType 'glyf'): what follows each component's glyph index.
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * Makes the font's TrueType subsets (pdfkit embeds one per font and document) copy each
 * glyph's bytes from the 'glyf' table as they are, reading only what fontkit's subsetter
 * uses: whether the glyph is a composite, and then its components' glyph indexes (which
 * it renumbers in the copy), and the advance and left side bearing from 'hmtx'. fontkit
 * decoded every glyph's whole outline, point by point, to learn the same: about 5 ms
 * per embedded face. The glyph object is still asked for, so fontkit's glyph cache (whose
 * first code points end up in the PDF's text map) fills as before. CFF fonts, variable
 * fonts and a glyph these bytes do not describe go to fontkit's own code. Returns false,
 * changing nothing, when the font's internals are not where this expects them.
 */
export function subsetFromBytes(font: object): boolean {
  const f = font as SubsetFont;
  const tables = f.directory?.tables;
  if (!tables?.glyf || !tables.loca || !tables.hmtx || tables['CFF '] || tables.fvar) return false;
  if (typeof f.createSubset !== 'function' || !(f.stream?.buffer instanceof Uint8Array)) return false;
  const create = f.createSubset.bind(font);
  f.createSubset = () => {
    const subset = create() as Partial<TrueTypeSubset>;
    const original = subset._addGlyph;
    if (typeof original !== 'function') return subset;
    subset._addGlyph = function (this: TrueTypeSubset, id: number): number {
      return addGlyphBytes(this, id) ?? original.call(this, id);
    };
    return subset;
  };
  return true;
}

/** TTFSubset._addGlyph from the file's bytes; undefined where fontkit's own code must do it. */
function addGlyphBytes(subset: TrueTypeSubset, id: number): number | undefined {
  const font = subset.font;
  // encode() sets up the lists before it adds the first glyph.
  if (font._variationProcessor || !Array.isArray(subset.glyf) || !subset.loca || !subset.hmtx)
    return undefined;
  const glyf = font.directory.tables.glyf!;
  const start = font.loca.offsets[id];
  const end = font.loca.offsets[id + 1];
  if (
    start === undefined ||
    end === undefined ||
    end < start ||
    glyf.offset + end > font.stream.buffer.length
  ) {
    return undefined;
  }
  const bytes = font.stream.buffer.subarray(glyf.offset + start, glyf.offset + end);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let components: [position: number, glyph: number][] = [];
  if (bytes.length >= 2 && view.getInt16(0) < 0) {
    const found = compositeComponents(view);
    if (!found) return undefined;
    components = found;
  }
  const metrics = horizontalMetrics(font, id);
  font.getGlyph(id);
  let buffer = bytes;
  if (components.length > 0) {
    buffer = new Uint8Array(bytes);
    const copy = new DataView(buffer.buffer);
    for (const [position, glyph] of components) copy.setUint16(position, subset.includeGlyph(glyph));
  }
  subset.glyf.push(buffer);
  subset.loca.offsets.push(subset.offset);
  subset.hmtx.metrics.push(metrics);
  subset.offset += buffer.length;
  return subset.glyf.length - 1;
}

/** Each component's glyph index and where it sits in a composite glyph; undefined if cut short. */
function compositeComponents(view: DataView): [number, number][] | undefined {
  const components: [number, number][] = [];
  let position = 10; // after numberOfContours and the bounding box
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    if (position + 4 > view.byteLength) return undefined;
    flags = view.getUint16(position);
    components.push([position + 2, view.getUint16(position + 2)]);
    position += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) position += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) position += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) position += 8;
  }
  return position <= view.byteLength ? components : undefined;
}

/** The glyph's advance and left side bearing, as fontkit's glyph._getTableMetrics(hmtx) reads them. */
function horizontalMetrics(font: SubsetFont, id: number): { advance: number; bearing: number } {
  const { metrics, bearings } = font.hmtx;
  if (id < metrics.length) {
    const metric = metrics.get(id)!;
    return { advance: metric.advance, bearing: metric.bearing };
  }
  const last = metrics.get(metrics.length - 1);
  return { advance: last ? last.advance : 0, bearing: bearings.get(id - metrics.length) || 0 };
}

/** A glyph as fontkit's getGlyph returns it, as far as this relies on it. */
interface CodePointGlyph {
  codePoints: number[];
}

/**
 * fontkit keeps one glyph object per glyph id and font, made with the code points of the
 * first request (`getGlyph(id, codePoints)`), and pdfkit writes a glyph's `codePoints` into
 * the PDF's text map (what copying, search and screen readers get). briefkit parses each
 * font once per process (theme/font-cache.ts), so the first request could come from an
 * earlier document: a subset that copied the composite "ǹ" asked for its "n" and "`"
 * components without code points, and in the next document built by the same process
 * "n" read as "ǹ" and "`" not at all (watch, the API, batch workers). A request whose code
 * points differ from the cached glyph's gets a view of that glyph carrying the requested
 * ones, so a document's text map depends on that document alone.
 */
export function glyphsKeepTheirCodePoints(font: object): boolean {
  const f = font as { getGlyph?: (id: number, codePoints?: number[]) => CodePointGlyph | null };
  if (typeof f.getGlyph !== 'function') return false;
  const getGlyph = f.getGlyph.bind(font);
  f.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph(id, codePoints);
    if (!glyph || codePoints.length === 0 || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    return Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } }) as CodePointGlyph;
  };
  return true;
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((point, i) => point === b[i]);
}
