import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import type { Inline, TableBlock } from '../../src/document/types.js';

const hasMark = (cell: readonly Inline[]): boolean => cell.some((inline) => inline.type === 'citation');

describe("a row's citation marks", () => {
  it('go after its first cell of words, so a mark never reads as the exponent of a number', async () => {
    const { result } = await build('test/fixtures/briefings/row-marks.yaml', {
      date: '2026-03-01',
      config: false,
      formats: ['pdf'],
    });
    const tables = result.report.blocks.filter((b): b is TableBlock => b.type === 'table');
    const [elements, years] = tables;
    // "2" then "Helium²": the mark is on the element's name, not on its atomic number.
    expect(elements!.rows[0]!.map(hasMark)).toEqual([false, true]);
    expect(elements!.rows[1]!.map(hasMark)).toEqual([false, false]);
    // Only numbers and years: the first cell keeps the mark.
    expect(years!.rows[0]!.map(hasMark)).toEqual([true, false]);
  });
});
