import { boundedCache, fileStamp } from '../cache/index.js';
import { readBounded } from '../read-bounded.js';
import { advanceReader } from '../vendor/fontkit.js';
import { MAX_FONT_BYTES, openFontMetrics, type ParsedFont } from './font-cache.js';
import { isBundledFontFile } from './fonts.js';
import { fontCacheFile, readCacheFile, writeCacheFile } from './shaping-table-cache.js';

/**
 * What the deck's measurer and the text fitter ask of a font: whether it has a character,
 * and the character's advance width in em. For the bundled fonts both come from a table
 * kept in node_modules/.cache/briefkit/metrics/ by the font's SHA-256 (filled by
 * `npm run build`), so a deck-only build never loads fontkit (~30 ms of a cold start).
 * The table holds exactly what fontkit answers: the characters its character map gives
 * a glyph, each with the advance vendor/fontkit.ts advanceReader reads
 * (test/theme/character-metrics.test.ts compares every code point). Other fonts, and any
 * failure to read or write the table, go to fontkit.
 */
export interface CharacterMetrics {
  has(codePoint: number): boolean;
  /** Advance width in em; undefined for a character the font lacks. */
  advance(codePoint: number): number | undefined;
}

/** Bump when the table's format or meaning changes: cached tables of another version are rebuilt. */
const METRICS_VERSION = 1;

interface MetricsTable {
  version: number;
  unitsPerEm: number;
  /** [code point, advance in font units] pairs, flattened, code points ascending. */
  advances: number[];
}

const metrics = boundedCache<Promise<CharacterMetrics>>({ name: 'character metrics', maxEntries: 32 });

export async function openCharacterMetrics(file: string): Promise<CharacterMetrics> {
  const stamp = await fileStamp(file).catch(() => 'unreadable');
  return metrics.get(`${file}\0${stamp}`, async () => {
    const cached = isBundledFontFile(file) ? await cachedTable(file) : undefined;
    return cached ? fromTable(cached) : fromFont(await openFontMetrics(file));
  });
}

/** The table of a bundled font, read from the cache or made from fontkit's parse and kept. */
async function cachedTable(file: string): Promise<MetricsTable | undefined> {
  const read = await readBounded(file, MAX_FONT_BYTES);
  if (!read.ok) return undefined;
  const cacheFile = fontCacheFile(file, read.bytes, 'metrics', METRICS_VERSION);
  if (!cacheFile) return undefined;
  const entry = await readCacheFile<MetricsTable>(cacheFile);
  if (entry && isTable(entry)) return entry;
  const table = metricsTable(await openFontMetrics(file));
  if (table) await writeCacheFile(cacheFile, table);
  return table;
}

function isTable(entry: MetricsTable): boolean {
  return (
    entry.version === METRICS_VERSION &&
    Number.isInteger(entry.unitsPerEm) &&
    entry.unitsPerEm > 0 &&
    Array.isArray(entry.advances) &&
    entry.advances.length % 2 === 0 &&
    entry.advances.every((n) => Number.isInteger(n) && n >= 0)
  );
}

/**
 * The table of a parsed font: every character its character map gives a glyph, with its
 * advance; undefined when an advance is not a whole number of font units (then fontkit answers).
 */
function metricsTable(font: ParsedFont): MetricsTable | undefined {
  const typed = font as unknown as Parameters<typeof advanceReader>[0] & { characterSet: number[] };
  const advance = advanceReader(typed);
  const advances: number[] = [];
  for (const codePoint of [...new Set(typed.characterSet)].sort((a, b) => a - b)) {
    const em = advance(codePoint);
    if (em === undefined) continue;
    const units = Math.round(em * typed.unitsPerEm);
    if (units / typed.unitsPerEm !== em) return undefined;
    advances.push(codePoint, units);
  }
  return { version: METRICS_VERSION, unitsPerEm: typed.unitsPerEm, advances };
}

/** A Basic Multilingual Plane character the font lacks, in fromTable's array. */
const NONE = 0xffff;

/**
 * Lookups into the table: the advances of the Basic Multilingual Plane in an array indexed
 * by code point (filling a map of the ~2,800 characters of each face cost every build a
 * few milliseconds in the text fitter), any other character in a map.
 */
function fromTable(table: MetricsTable): CharacterMetrics {
  const { advances, unitsPerEm } = table;
  const plane0 = new Uint16Array(0x10000).fill(NONE);
  const beyond = new Map<number, number>();
  for (let i = 0; i < advances.length; i += 2) {
    const codePoint = advances[i]!;
    const units = advances[i + 1]!;
    if (codePoint < 0x10000 && units < NONE) plane0[codePoint] = units;
    else beyond.set(codePoint, units);
  }
  const unitsOf = (codePoint: number): number | undefined => {
    const units = codePoint >= 0 && codePoint < 0x10000 ? plane0[codePoint] : undefined;
    return units !== undefined && units !== NONE ? units : beyond.get(codePoint);
  };
  return {
    has: (codePoint) => unitsOf(codePoint) !== undefined,
    advance: (codePoint) => {
      const units = unitsOf(codePoint);
      return units === undefined ? undefined : units / unitsPerEm;
    },
  };
}

function fromFont(font: ParsedFont): CharacterMetrics {
  const advance = advanceReader(font as unknown as Parameters<typeof advanceReader>[0]);
  return { has: (codePoint) => font.hasGlyphForCodePoint(codePoint), advance };
}
