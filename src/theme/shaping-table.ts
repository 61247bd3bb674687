/**
 * The compact shaping table of a font: what fontkit's shaper does to text in the
 * simple scripts (Latin, Greek, Cyrillic, and the common punctuation and digits), read
 * once from the font's OpenType tables so that a word made only of such characters can
 * be shaped without fontkit's layout engine (theme/simple-shaper.ts).
 *
 * Shaping such a word is a cmap lookup per character, the ligature lookups (GSUB type 4)
 * in the order fontkit applies them, and the pair kerning lookups (GPOS type 2), summed.
 * The table records exactly those, and which characters they are exact for: a character
 * is left out (and a word holding it shaped by fontkit) when any other lookup of the
 * default features could touch its glyph, when it is a mark or a default-ignorable, or
 * when fontkit treats it specially (the fraction slash). A lookup whose context can
 * never be met by the kept glyphs (i/j before a combining accent) is left out with them.
 * When the font's lookups do something the table cannot say (kerning that moves the
 * second glyph, lookup flags that skip base glyphs or ligatures, scripts that differ),
 * there is no table and fontkit shapes everything.
 *
 * Kerning is stored by class: every glyph gets a left key and a right key that capture
 * everything the pair lookups look at (coverage, class, own pair set), and a matrix gives
 * the summed adjustment per pair of keys, computed with fontkit's own pair semantics.
 * test/theme/simple-shaper.test.ts checks every kept character and every pair of keys
 * against fontkit's layout.
 */

/** Bump when the format or the rules change: cached tables of another version are rebuilt. */
export const SHAPING_TABLE_VERSION = 2;

export interface ShapingTable {
  version: number;
  /** Code points shaped from the table, as [first, last] ranges. */
  ranges: [number, number][];
  /** The glyph of each code point of `ranges`, in order (the font's character map, read once). */
  glyphs: number[];
  /** Ligature lookups in fontkit's order; each rule is [ligature, first, ...rest] glyph ids. */
  ligatures: number[][][];
  /** Left key per glyph as [glyph, key] pairs (keys start at 1; 0 is "no kerning"). */
  left: number[];
  /** Right key per glyph as [glyph, key] pairs. */
  right: number[];
  /** Number of right keys + 1: the matrix's row length. */
  columns: number;
  /** Sparse matrix: [leftKey, rightKey, adjustment] triples, font units. */
  kerning: number[];
}

/* ---- the parts of fontkit's parsed tables read here (fontkit ships no types) ---- */

type Listish<T> = readonly T[] | { toArray(): T[] };
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}
type ClassDef = Parameters<typeof classOf>[1];
interface ValueRecord {
  xPlacement?: number;
  yPlacement?: number;
  xAdvance?: number;
  yAdvance?: number;
  [device: string]: unknown;
}
interface Subtable {
  version?: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  markCoverage?: Coverage;
  ligatureSets?: Listish<Listish<{ glyph: number; components: number[] }>>;
  pairSets?: Listish<Listish<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }>>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: Listish<Listish<{ value1?: ValueRecord; value2?: ValueRecord }>>;
  coverages?: Coverage[];
  backtrackCoverage?: Coverage[];
  inputCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
}
interface Lookup {
  lookupType: number;
  flags: { flags: Record<string, boolean> };
  subTables: Listish<Subtable>;
}
interface LayoutTable {
  scriptList: {
    tag: string;
    script: { defaultLangSys: { reqFeatureIndex: number; featureIndexes: number[] } };
  }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(index: number): Lookup };
}
export interface TableFont {
  characterSet: number[];
  glyphForCodePoint(codePoint: number): { id: number };
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  morx?: unknown;
  kern?: unknown;
}

const list = <T>(items: Listish<T> | undefined): readonly T[] =>
  items === undefined ? [] : 'toArray' in items ? items.toArray() : items;

/* ---- which characters, which lookups ---- */

/** Scripts whose text fontkit shapes with its default shaper; Common covers digits and punctuation. */
const SIMPLE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u;
/** Marks, controls, format characters and default-ignorables: fontkit treats them specially. */
const SPECIAL = /^[\p{M}\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2044]$/u;
/** The OpenType script tags fontkit can choose for such text (DFLT when the font has no other). */
const SCRIPT_TAGS = ['DFLT', 'latn', 'grek', 'cyrl'];
/** fontkit's default shaper: features of the first stage, then of the second (mark and mkmk can only move marks). */
const GSUB_STAGES = [
  ['rvrn', 'ltra', 'ltrm'],
  ['ccmp', 'locl', 'rlig', 'calt', 'clig', 'liga', 'rclt'],
];
const GPOS_STAGES = [
  ['rvrn', 'ltra', 'ltrm'],
  ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'],
];

/** Lookups fontkit applies for a script, in its order (sorted by index within a stage, repeats kept). */
function lookupsFor(table: LayoutTable | undefined, tag: string, stages: string[][]): number[] {
  if (!table) return [];
  const record =
    table.scriptList.find((s) => s.tag === tag) ??
    table.scriptList.find((s) => s.tag === 'DFLT' || s.tag === 'dflt') ??
    table.scriptList.find((s) => s.tag === 'latn');
  if (!record) return [];
  const langSys = record.script.defaultLangSys;
  const indexes = [...langSys.featureIndexes];
  if (langSys.reqFeatureIndex !== 0xffff) indexes.push(langSys.reqFeatureIndex);
  const features = new Map(indexes.map((i) => [table.featureList[i]!.tag, table.featureList[i]!.feature]));
  return stages.flatMap((stage) =>
    stage.flatMap((tag) => features.get(tag)?.lookupListIndexes ?? []).sort((a, b) => a - b),
  );
}

function covered(coverage: Coverage | undefined): number[] {
  if (!coverage) return [];
  if (coverage.version === 1) return coverage.glyphs ?? [];
  return (coverage.rangeRecords ?? []).flatMap((r) =>
    Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i),
  );
}

/** fontkit's class of a glyph (0 when the class definition does not list it). */
export function classOf(
  glyph: number,
  classDef:
    | { version: number; startGlyph?: number; classValueArray?: readonly number[] }
    | { version: number; classRangeRecord?: readonly { start: number; end: number; class: number }[] },
): number {
  if ('classValueArray' in classDef && classDef.classValueArray) {
    const i = glyph - (classDef.startGlyph ?? 0);
    if (i >= 0 && i < classDef.classValueArray.length) return classDef.classValueArray[i]!;
  } else if ('classRangeRecord' in classDef && classDef.classRangeRecord) {
    for (const range of classDef.classRangeRecord)
      if (range.start <= glyph && glyph <= range.end) return range.class;
  }
  return 0;
}

const unwrap = (subtable: Subtable): Subtable => subtable.extension ?? subtable;
const typeOf = (lookup: Lookup, subtable: Subtable): number =>
  lookup.lookupType === 7 || lookup.lookupType === 9 ? (subtable.lookupType ?? 0) : lookup.lookupType;

class Unsupported extends Error {}

/** The table for `font`, or undefined when its lookups do something the table cannot express. */
export function buildShapingTable(font: TableFont): ShapingTable | undefined {
  try {
    return build(font);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function build(font: TableFont): ShapingTable {
  if (font.morx || font.kern || !font.GDEF?.glyphClassDef)
    throw new Unsupported('no GDEF classes, or AAT or kern-table layout');
  const gdef = font.GDEF.glyphClassDef;
  const isMark = (glyph: number): boolean => classOf(glyph, gdef) === 3;
  // Candidate characters and their glyphs.
  const glyphOf = new Map<number, number>();
  for (const codePoint of font.characterSet) {
    const char = String.fromCodePoint(codePoint);
    if (!SIMPLE.test(char) || SPECIAL.test(char)) continue;
    const glyph = font.glyphForCodePoint(codePoint).id;
    if (glyph !== 0 && !isMark(glyph)) glyphOf.set(codePoint, glyph);
  }
  const excluded = new Set<number>();
  const kept = (): Set<number> => new Set([...glyphOf.values()].filter((g) => !excluded.has(g)));

  // GSUB: every script tag must give the same effective ligature lookups. Excluding a glyph
  // can only drop rules and contexts, so the passes repeat until nothing more is excluded.
  let ligatures: number[][][] = [];
  let ligatureGlyphs = new Set<number>();
  for (let size = -1; size !== excluded.size;) {
    size = excluded.size;
    const perTag = SCRIPT_TAGS.map((tag) => ligatureLookups(font.GSUB, tag, kept(), excluded, isMark));
    const signatures = perTag.map((lookups) => JSON.stringify(lookups));
    if (signatures.every((signature) => signature === signatures[0])) {
      ligatures = perTag[0]!.map((lookup) => lookup.rules);
      ligatureGlyphs = new Set(ligatures.flat().map((rule) => rule[0]!));
      continue;
    }
    // Scripts that apply a lookup a different number of times (Noto Serif Italic repeats the
    // one for tone letters under latn): the glyphs of its rules are left to fontkit.
    const differing = perTag.flat().filter((lookup) => !sameCount(perTag, lookup.index));
    for (const lookup of differing)
      for (const rule of lookup.rules) rule.slice(1).forEach((g) => excluded.add(g));
    if (excluded.size === size) throw new Unsupported('scripts apply different ligatures');
  }
  const all = new Set([...kept(), ...ligatureGlyphs]);

  // GPOS: the same effective pair lookups for every script tag.
  let pairLookups: number[] | undefined;
  for (const tag of SCRIPT_TAGS) {
    const effective: number[] = [];
    for (const index of lookupsFor(font.GPOS, tag, GPOS_STAGES)) {
      if (analyse(font.GPOS!.lookupList.get(index), all, excluded, 'GPOS')) effective.push(index);
    }
    // Noto Serif Italic kerns Latin, Greek and Cyrillic with lookups of their own: not modelled.
    if (pairLookups && pairLookups.join() !== effective.join())
      throw new Unsupported('kerning differs by script');
    pairLookups = effective;
  }
  // A glyph excluded by GPOS after the ligatures were read: ligatures producing it go too.
  for (const glyph of ligatureGlyphs)
    if (excluded.has(glyph)) throw new Unsupported('kerning moves a ligature');
  const finalGlyphs = new Set([...all].filter((g) => !excluded.has(g)));
  const kerning = kerningTable(
    pairLookups!.map((index) => font.GPOS!.lookupList.get(index)),
    finalGlyphs,
  );
  const codePoints = [...glyphOf].filter(([, glyph]) => !excluded.has(glyph)).map(([cp]) => cp);
  const ranges = toRanges(codePoints);
  const glyphs = ranges.flatMap(([first, last]) =>
    Array.from({ length: last - first + 1 }, (_, i) => glyphOf.get(first + i)!),
  );
  return { version: SHAPING_TABLE_VERSION, ranges, glyphs, ligatures, ...kerning };
}

/** The ligature lookups fontkit applies for a script tag, with their rules on `kept` glyphs. */
function ligatureLookups(
  gsub: LayoutTable | undefined,
  tag: string,
  kept: Set<number>,
  excluded: Set<number>,
  isMark: (glyph: number) => boolean,
): { index: number; rules: number[][] }[] {
  const available = new Set(kept);
  const lookups: { index: number; rules: number[][] }[] = [];
  for (const index of lookupsFor(gsub, tag, GSUB_STAGES)) {
    const lookup = gsub!.lookupList.get(index);
    if (!analyse(lookup, available, excluded, 'GSUB')) continue;
    const rules = ligatureRules(lookup, available);
    for (const rule of rules) {
      if (excluded.has(rule[0]!) || isMark(rule[0]!)) throw new Unsupported('a ligature makes a mark');
      available.add(rule[0]!);
    }
    // A lookup with no rule on these glyphs does nothing (Greek's ccmp has one more such).
    if (rules.length > 0) lookups.push({ index, rules });
  }
  return lookups;
}

function sameCount(perTag: { index: number }[][], index: number): boolean {
  const counts = perTag.map((lookups) => lookups.filter((lookup) => lookup.index === index).length);
  return counts.every((count) => count === counts[0]);
}

/**
 * Whether `lookup` can act on words of `glyphs` and is one the table models (ligatures,
 * pair kerning). Glyphs another kind of lookup could touch are added to `excluded`.
 */
function analyse(
  lookup: Lookup,
  glyphs: Set<number>,
  excluded: Set<number>,
  table: 'GSUB' | 'GPOS',
): boolean {
  const flags = lookup.flags.flags;
  let modelled = false;
  for (const raw of list(lookup.subTables)) {
    const subtable = unwrap(raw);
    const type = typeOf(lookup, raw);
    const touches = (coverage: Coverage | undefined): number[] =>
      covered(coverage).filter((g) => glyphs.has(g));
    const exclude = (coverage: Coverage | undefined): void =>
      touches(coverage).forEach((g) => excluded.add(g));
    const contextCannotMatch = (): boolean =>
      [subtable.backtrackCoverage, subtable.inputCoverage, subtable.lookaheadCoverage, subtable.coverages]
        .flatMap((coverages) => coverages ?? [])
        .some((coverage) => touches(coverage).length === 0);
    if (table === 'GSUB' && type === 4) {
      if (touches(subtable.coverage).length === 0) continue;
      if (flags.ignoreBaseGlyphs || flags.ignoreLigatures)
        throw new Unsupported('ligature lookup skips base glyphs or ligatures');
      modelled = true;
    } else if (table === 'GPOS' && type === 2) {
      if (touches(subtable.coverage).length === 0) continue;
      if (flags.ignoreBaseGlyphs || flags.ignoreLigatures)
        throw new Unsupported('pair lookup skips base glyphs or ligatures');
      modelled = true;
    } else if (table === 'GPOS' && (type === 4 || type === 5 || type === 6)) {
      // Mark attachment: the current glyph must be a mark, and the kept glyphs hold none.
      if (touches(subtable.markCoverage).length > 0) throw new Unsupported('mark attachment on a kept glyph');
    } else if (table === 'GSUB' ? type === 5 || type === 6 : type === 7 || type === 8) {
      if (subtable.version === 3 && contextCannotMatch()) continue;
      exclude(
        subtable.version === 3 ? (subtable.inputCoverage ?? subtable.coverages)?.[0] : subtable.coverage,
      );
    } else {
      exclude(subtable.coverage);
    }
  }
  return modelled;
}

/** A ligature lookup's rules whose glyphs are all kept, in fontkit's order of trial. */
function ligatureRules(lookup: Lookup, glyphs: Set<number>): number[][] {
  const rules: number[][] = [];
  for (const raw of list(lookup.subTables)) {
    const subtable = unwrap(raw);
    const sets = list(subtable.ligatureSets);
    covered(subtable.coverage).forEach((first, index) => {
      for (const rule of list(sets[index])) {
        if (!glyphs.has(first) || !rule.components.every((g) => glyphs.has(g))) continue;
        rules.push([rule.glyph, first, ...rule.components]);
      }
    });
  }
  return rules;
}

function toRanges(codePoints: number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const cp of codePoints.sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}

/* ---- kerning ---- */

const ADVANCE_ONLY = (value: ValueRecord | undefined): number => {
  if (!value) return 0;
  for (const [field, v] of Object.entries(value)) {
    if (field === 'xAdvance' || v === undefined || v === null || v === 0) continue;
    throw new Unsupported('kerning beyond the advance');
  }
  return value.xAdvance ?? 0;
};

/** A pair subtable read into plain maps: adjustments of the first glyph (xAdvance only). */
interface PairSubtable {
  cover: Map<number, number>;
  /** Format 1: the pairs of each covered first glyph, by second glyph. */
  pairs?: Map<number, number>[];
  /** Format 2: classes of the first and second glyph, and the adjustment per class pair. */
  class1?: (g: number) => number;
  class2?: (g: number) => number;
  values?: number[][];
}

function readPairSubtable(t: Subtable): PairSubtable {
  const cover = new Map(covered(t.coverage).map((g, i) => [g, i]));
  if (t.version === 1) {
    const pairs = list(t.pairSets).map(
      (set) =>
        new Map(
          list(set).map((p) => {
            if (ADVANCE_ONLY(p.value2) !== 0) throw new Unsupported('kerning moves the second glyph');
            return [p.secondGlyph, ADVANCE_ONLY(p.value1)] as const;
          }),
        ),
    );
    return { cover, pairs };
  }
  if (t.version !== 2) throw new Unsupported('pair subtable format');
  const values = list(t.classRecords).map((row) =>
    list(row).map((record) => {
      if (ADVANCE_ONLY(record.value2) !== 0) throw new Unsupported('kerning moves the second glyph');
      return ADVANCE_ONLY(record.value1);
    }),
  );
  return {
    cover,
    class1: (g) => classOf(g, t.classDef1!),
    class2: (g) => classOf(g, t.classDef2!),
    values,
  };
}

function kerningTable(
  lookups: Lookup[],
  glyphs: Set<number>,
): Omit<ShapingTable, 'version' | 'ranges' | 'glyphs' | 'ligatures'> {
  const subtables = lookups.map((lookup) =>
    list(lookup.subTables).map((raw) => {
      if (typeOf(lookup, raw) !== 2) throw new Unsupported('a kerning lookup of another type');
      return readPairSubtable(unwrap(raw));
    }),
  );
  // What the pair lookups see of a glyph on the left and on the right.
  const seconds = new Set(subtables.flat().flatMap((t) => (t.pairs ?? []).flatMap((m) => [...m.keys()])));
  const leftSignature = (g: number): string =>
    subtables
      .flat()
      .map((t) => (!t.cover.has(g) ? '-' : t.pairs ? `g${g}` : `c${t.class1!(g)}`))
      .join(',');
  const rightSignature = (g: number): string =>
    [
      seconds.has(g) ? `g${g}` : '-',
      ...subtables.flat().map((t) => (t.class2 ? `c${t.class2(g)}` : '')),
    ].join(',');
  const keys = (signature: (g: number) => string): { byGlyph: Map<number, number>; reps: number[] } => {
    const byKey = new Map<string, number>();
    const byGlyph = new Map<number, number>();
    const reps = [0];
    for (const g of [...glyphs].sort((a, b) => a - b)) {
      const sig = signature(g);
      let key = byKey.get(sig);
      if (key === undefined) {
        byKey.set(sig, (key = reps.length));
        reps.push(g);
      }
      byGlyph.set(g, key);
    }
    return { byGlyph, reps };
  };
  const left = keys(leftSignature);
  const right = keys(rightSignature);
  const kerning: number[] = [];
  for (let l = 1; l < left.reps.length; l++) {
    for (let r = 1; r < right.reps.length; r++) {
      const value = pairAdjustment(subtables, left.reps[l]!, right.reps[r]!);
      if (value !== 0) kerning.push(l, r, value);
    }
  }
  return {
    left: [...left.byGlyph].flat(),
    right: [...right.byGlyph].flat(),
    columns: right.reps.length,
    kerning,
  };
}

/**
 * The summed xAdvance adjustment of `first` before `second`, as fontkit applies pair
 * lookups: in each lookup, the first subtable that covers `first` and has a pair for it
 * (format 1) or classes for both (format 2, where an unlisted glyph is class 0) applies.
 */
export function pairAdjustment(subtables: PairSubtable[][], first: number, second: number): number {
  let total = 0;
  for (const tables of subtables) {
    for (const t of tables) {
      const index = t.cover.get(first);
      if (index === undefined) continue;
      if (t.pairs) {
        const value = t.pairs[index]?.get(second);
        if (value === undefined) continue;
        total += value;
        break;
      }
      total += t.values![t.class1!(first)]?.[t.class2!(second)] ?? 0;
      break;
    }
  }
  return total;
}
