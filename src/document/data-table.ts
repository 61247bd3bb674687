import { columnType } from '../briefing/check-tables.js';
import type { Column } from '../briefing/types.js';
import { cellAlign } from '../locale/cells.js';
import type { CitationRegistry } from './citations.js';
import type { FactLookup } from './fact-lookup.js';
import type { Inline, TableBlock } from './types.js';
import { unknownIdError } from './unknown-id.js';

export interface DataTableContext {
  facts: FactLookup;
  citations: CitationRegistry;
  origin: string;
}

/**
 * A table of the briefing as an IR block, decided once for both outputs: the caption
 * "Table N — title", the header, every cell formatted from its column (an empty cell
 * prints empty), the citation marks of a row's own sources after its first cell of words
 * (see markColumn), and
 * the source line naming the table's default source and every source its rows cite (in
 * number order), so nothing marked in a row is missing from the line. The renderers lay
 * it out (the deck repeats the line's numbers at the foot of every slide of the table);
 * nothing here is decided twice.
 */
export function dataTableBlock(
  tableId: string,
  caption: string,
  number: number,
  ctx: DataTableContext,
): TableBlock {
  const entry = ctx.facts.tables.get(tableId);
  if (!entry) throw unknownIdError('table', tableId, `${ctx.origin} Markdown`);
  const { table, cells } = entry;
  const label = `${ctx.facts.locale.labels.table} ${number}`;
  // The table's own source is cited first (it gets the lower number when new), then the
  // rows' sources in row order, as their marks are met.
  const lineIds = [
    ...new Set([
      ...(table.source !== undefined ? [table.source] : []),
      ...table.rows.flatMap((row) => row.sources ?? []),
    ]),
  ];
  const sourceLine = ctx.citations.line(lineIds, ctx.origin);
  const marked = markColumn(table.columns);
  const rows = table.rows.map((row, r) =>
    (cells[r] ?? []).map((text, c): Inline[] => {
      const inlines: Inline[] = text === '' ? [] : [{ type: 'text', text }];
      if (c === marked) {
        for (const id of row.sources ?? []) {
          inlines.push({ type: 'citation', number: ctx.citations.cite(id, ctx.origin) });
        }
      }
      return inlines;
    }),
  );
  const note = table.note !== undefined ? { note: table.note } : {};
  return {
    type: 'table',
    header: table.columns.map((c) => [{ type: 'text', text: c.label }]),
    align: table.columns.map(cellAlign),
    rows,
    data: {
      tableId,
      number,
      label,
      captionText: caption === '' ? label : `${label} — ${caption}`,
      sourceLine,
      ...note,
    },
  };
}

/**
 * The column whose cells carry a row's citation marks: the first text column, else the
 * first of dates or periods, else the first. A mark after a number reads as its exponent
 * ("2¹⁷" for 2 cited to source 17); after a word or a date it does not.
 */
function markColumn(columns: readonly Column[]): number {
  const rank = (column: Column): number => {
    const type = columnType(column);
    return type === 'text' ? 0 : type === 'date' || type === 'month' || type === 'quarter' ? 1 : 2;
  };
  let best = 0;
  columns.forEach((column, index) => {
    if (rank(column) < rank(columns[best]!)) best = index;
  });
  return best;
}
