import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it, vi } from 'vitest';
import { notoSans, notoSerif } from '../../src/theme/fonts.js';
import { markGlyphs, skipIdleMarkPositioning } from '../../src/theme/mark-positioning.js';

/** The parts of a fontkit font and its GPOS table these tests read. */
interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}
interface Coverage {
  version: 1 | 2;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}
interface MarkSubtable {
  lookupType?: number;
  extension?: MarkSubtable;
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}
interface Lookup {
  lookupType: number;
  subTables: MarkSubtable[];
}
interface TestFont {
  layout(text: string, features?: unknown): Run;
  GPOS: {
    featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
    lookupList: { get(index: number): Lookup };
  };
  GDEF?: { glyphClassDef?: Parameters<typeof markGlyphs>[0] };
}

const faces = [notoSans(), notoSerif()].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]);
const open = (file: string): TestFont => fontkit.create(readFileSync(file)) as unknown as TestFont;

/** Words from the example briefing and its Ukrainian translation, and words with combining marks. */
const corpus = [
  ...new Set(
    ['data/geneva-2026-02-26.yaml', 'test/fixtures/locale/geneva-uk.yaml']
      .flatMap((file) => readFileSync(file, 'utf8').split(/\s+/))
      .filter(Boolean),
  ),
  'cafe\u0301',
  'i\u0307\u0301',
  'Zoe\u0308',
  'А\u0306',
  'fi fl ffi',
  'AVAWAY Te.',
];

const shape = (run: Run) => ({ ids: run.glyphs.map((g) => g.id), positions: run.positions });

describe('skipping mark positioning for text without marks', () => {
  it.each(faces)('holds only mark-attachment lookups under mark and mkmk in %s', (file) => {
    const font = open(file);
    const types = font.GPOS.featureList
      .filter((record) => record.tag === 'mark' || record.tag === 'mkmk')
      .flatMap((record) => record.feature.lookupListIndexes)
      .map((index) => font.GPOS.lookupList.get(index))
      .flatMap((lookup) =>
        lookup.lookupType === 9 ? lookup.subTables.map((t) => t.lookupType) : [lookup.lookupType],
      );
    expect(types.length).toBeGreaterThan(0);
    // 4 mark-to-base, 5 mark-to-ligature, 6 mark-to-mark: each moves mark glyphs only.
    expect(new Set(types)).toEqual(new Set(types.filter((t) => t === 4 || t === 5 || t === 6)));
  });

  it.each(faces)('moves only GDEF mark glyphs under mark and mkmk in %s', (file) => {
    // What the lookups may move is their mark coverage; the wrapper checks for GDEF class 3.
    const font = open(file);
    const marks = markGlyphs(font.GDEF?.glyphClassDef)!;
    const covered = (coverage: Coverage | undefined): number[] =>
      coverage?.version === 1
        ? (coverage.glyphs ?? [])
        : (coverage?.rangeRecords ?? []).flatMap((r) =>
            Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i),
          );
    const moved = font.GPOS.featureList
      .filter((record) => record.tag === 'mark' || record.tag === 'mkmk')
      .flatMap((record) => record.feature.lookupListIndexes)
      .flatMap((index) => font.GPOS.lookupList.get(index).subTables)
      .map((table) => table.extension ?? table)
      .flatMap((table) => [...covered(table.markCoverage), ...covered(table.mark1Coverage)]);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.filter((glyph) => !marks.has(glyph))).toEqual([]);
  });

  it.each(faces)('shapes every word exactly as fontkit does in %s', (file) => {
    const plain = open(file);
    const wrapped = open(file);
    expect(skipIdleMarkPositioning(wrapped)).toBe(true);
    for (const word of corpus) expect(shape(wrapped.layout(word)), word).toEqual(shape(plain.layout(word)));
  });

  it('shapes text with a combining mark with every default feature', () => {
    const font = open(faces[0]!);
    const layout = vi.spyOn(font, 'layout');
    skipIdleMarkPositioning(font);
    font.layout('cafe\u0301');
    expect(layout).toHaveBeenCalledTimes(1);
    expect(layout.mock.calls[0]![1]).toBeUndefined();
    font.layout('cafe');
    expect(layout.mock.calls[1]![1]).toEqual(expect.objectContaining({ mark: false, mkmk: false }));
  });

  it('reads mark glyphs from both kinds of class definition', () => {
    expect(markGlyphs({ version: 1, startGlyph: 10, classValueArray: [1, 3, 3, 2] })).toEqual(
      new Set([11, 12]),
    );
    expect(
      markGlyphs({
        version: 2,
        classRangeRecord: [
          { start: 5, end: 6, class: 3 },
          { start: 7, end: 9, class: 1 },
        ],
      }),
    ).toEqual(new Set([5, 6]));
    expect(markGlyphs(undefined)).toBeUndefined();
  });
});
