import { describe, expect, it } from 'vitest';
import type { Inline, TableBlock } from '../../../src/document/types.js';
import { buildTable, layoutTable } from '../../../src/render/pptx/blocks/table-model.js';
import { wrapRuns } from '../../../src/render/pptx/text/wrap.js';
import type { TextMeasurer } from '../../../src/render/pptx/text/measure.js';

const halfEm: TextMeasurer = { width: (text, size) => Array.from(text).length * size * 0.5 };
const cell = (text: string): Inline[] => [{ type: 'text', text }];
const word = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';

/**
 * The deck's table columns are fitted like the report's (document/table-columns.ts): QA's
 * "wide" table (issue 15) had its short Key column starved to one letter next to long
 * unbreakable words, because the deck scaled every column's longest word down alike.
 */
describe('deck table columns', () => {
  const block: TableBlock = {
    type: 'table',
    header: [cell('Key'), cell('Text'), cell('URL')],
    align: ['left', 'left', 'left'],
    rows: [0, 1, 2].map((i) => [
      cell(`row ${i}`),
      cell(word.repeat(i + 1)),
      cell(`https://example.org/${'very-long-path-segment/'.repeat(i + 2)}`),
    ]),
  };

  it('keeps a short column at its natural width beside long unbreakable words, which wrap', () => {
    const table = buildTable(block, 16);
    const width = 600;
    const { columns, rowHeights } = layoutTable(table, width, halfEm);
    expect(columns.reduce((a, b) => a + b, 0)).toBeCloseTo(width, 3);
    // "row 0" on one line with the cell's padding: the Key column is never narrower.
    const key = halfEm.width('row 0', table.size) + 14;
    expect(columns[0]).toBeGreaterThanOrEqual(key - 0.01);
    expect(columns[0]).toBeLessThan(width / 4);
    // The long words wrap between characters within their column, and rows grow to hold them.
    const lines = wrapRuns(table.rows[2]![1]!, columns[1]! - 14, table.size, halfEm);
    expect(lines.length).toBeGreaterThan(3);
    expect(rowHeights[2]).toBeGreaterThanOrEqual(lines.length * table.lineHeight);
  });
});
