import type { Facts } from '../compose/facts.js';
import { BriefkitError } from '../errors.js';
import { cellAlign } from '../locale/cells.js';
import type { CitationRegistry } from './citations.js';
import type { Inline, TableBlock } from './types.js';

export interface DataTableContext {
  facts: Facts;
  citations: CitationRegistry;
  origin: string;
}

/**
 * A table of the briefing as an IR block: a caption "Table N — title", the header, every
 * cell formatted from its column (an empty cell prints empty), the citation marks of a
 * row's own sources after its first cell, and a source line citing the table's default
 * source. The renderers lay it out; nothing here is decided twice.
 */
export function dataTableBlock(
  tableId: string,
  caption: string,
  number: number,
  ctx: DataTableContext,
): TableBlock {
  const entry = ctx.facts.tables.get(tableId);
  if (!entry) {
    throw new BriefkitError('TEMPLATE_ERROR', {
      file: `${ctx.origin} Markdown`,
      message: `unknown table id "${tableId}"`,
      expected: "the id of an entry in the briefing's tables",
    });
  }
  const { table, cells } = entry;
  const labels = ctx.facts.locale.labels;
  // The table's own source is cited first: its line names where the data comes from.
  const source: Inline[] =
    table.source !== undefined
      ? [
          { type: 'text', text: `${labels.source}: ${ctx.citations.label(table.source)}` },
          { type: 'citation', number: ctx.citations.cite(table.source) },
        ]
      : [];
  if (table.note !== undefined)
    source.push({ type: 'text', text: `${source.length > 0 ? '. ' : ''}${table.note}` });
  const rows = table.rows.map((row, r) =>
    (cells[r] ?? []).map((text, c): Inline[] => {
      const inlines: Inline[] = text === '' ? [] : [{ type: 'text', text }];
      if (c === 0)
        for (const id of row.sources ?? [])
          inlines.push({ type: 'citation', number: ctx.citations.cite(id) });
      return inlines;
    }),
  );
  return {
    type: 'table',
    tableId,
    caption: [
      { type: 'strong', children: [{ type: 'text', text: `${labels.table} ${number}` }] },
      { type: 'text', text: ` — ${caption}` },
    ],
    header: table.columns.map((c) => [{ type: 'text', text: c.label }]),
    align: table.columns.map(cellAlign),
    rows,
    ...(source.length > 0 && { source }),
  };
}
