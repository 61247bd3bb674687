import type { TableBlock } from '../../../document/types.js';
import type { TextMeasurer } from '../text/measure.js';
import { LINE_PITCH } from '../text/paragraph.js';
import { inlinesToRuns, type Run } from '../text/runs.js';
import { joinLines, wrapRuns } from '../text/wrap.js';
import { fitColumnWidths } from '../../../document/table-columns.js';

/** A table ready to lay out; a slice of its rows when it continues on another slide. */
export interface TableModel {
  header: Run[][];
  rows: Run[][][];
  align: ('left' | 'right' | 'center')[];
  size: number;
  lineHeight: number;
  /**
   * The citation numbers of the table's source line (the IR's): every slide that shows a
   * part of the table names them at its foot, a "(cont.)" slide as much as the first.
   */
  sources: number[];
  /** The whole table, when this is a slice: column widths stay the same on every slide. */
  whole?: TableModel;
}

export interface TableLayout {
  /** Column widths in points. */
  columns: number[];
  headerHeight: number;
  rowHeights: number[];
}

/** Cell padding in points: top, right, bottom, left (pptxgenjs reads values ≥ 1 as points). */
export const CELL_PADDING: [number, number, number, number] = [4, 7, 4, 7];
/** Height a row adds to its lines: top and bottom padding and the rule below it. */
const ROW_PADDING = CELL_PADDING[0] + CELL_PADDING[2] + 2;

/** Width a cell's text wraps to. */
function cellRoom(layout: Pick<TableLayout, 'columns'>, column: number): number {
  return (layout.columns[column] ?? 0) - CELL_PADDING[1] - CELL_PADDING[3];
}

export function buildTable(block: TableBlock, bodySize: number): TableModel {
  const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
  const size = Math.min(bodySize, columns <= 3 ? 15 : columns <= 5 ? 13 : 12);
  const pad = <T>(cells: T[], empty: T): T[] => [...cells, ...Array<T>(columns - cells.length).fill(empty)];
  return {
    header: pad(
      block.header.map((cell) => inlinesToRuns(cell, { bold: true, italic: false })),
      [],
    ),
    rows: block.rows.map((row) =>
      pad(
        row.map((cell) => inlinesToRuns(cell)),
        [],
      ),
    ),
    align: pad([...block.align], 'left'),
    sources: block.data?.sourceLine.entries.map((entry) => entry.number) ?? [],
    size,
    lineHeight: Math.round(size * LINE_PITCH * 10) / 10,
  };
}

const layouts = new WeakMap<TableModel, Map<number, TableLayout>>();

export function layoutTable(table: TableModel, width: number, measure: TextMeasurer): TableLayout {
  const byWidth = layouts.get(table) ?? new Map<number, TableLayout>();
  layouts.set(table, byWidth);
  const cached = byWidth.get(width);
  if (cached) return cached;
  const columns = table.whole
    ? layoutTable(table.whole, width, measure).columns
    : columnWidths(table, width, measure);
  const rowHeight = (row: Run[][], bold: boolean): number =>
    Math.max(
      ...row.map(
        (cell, index) => wrapRuns(cell, cellRoom({ columns }, index), table.size, measure, { bold }).length,
      ),
      1,
    ) *
      table.lineHeight +
    ROW_PADDING;
  const layout: TableLayout = {
    columns,
    headerHeight: rowHeight(table.header, true),
    rowHeights: table.rows.map((row) => rowHeight(row, false)),
  };
  byWidth.set(width, layout);
  return layout;
}

export function tableHeight(table: TableModel, width: number, measure: TextMeasurer): number {
  const layout = layoutTable(table, width, measure);
  return layout.headerHeight + layout.rowHeights.reduce((sum, h) => sum + h, 0);
}

/**
 * The rows that fit in `room` points (header repeated on both parts), or undefined
 * if none fit. With `balance`, a table that starts a page spreads its rows evenly
 * over the pages it needs (10/10/10/10 rather than 12/12/12/4).
 */
export function splitTable(
  table: TableModel,
  width: number,
  room: number,
  measure: TextMeasurer,
  balance = false,
): [TableModel, TableModel] | undefined {
  const layout = layoutTable(table, width, measure);
  let used = layout.headerHeight;
  let fit = 0;
  for (const height of layout.rowHeights) {
    if (used + height > room) break;
    used += height;
    fit += 1;
  }
  const whole = table.whole ?? table;
  // A first row taller than an empty slide is split between lines, never clipped.
  if (fit === 0 && balance) return splitFirstRow(table, whole, layout, room - used, measure);
  if (fit === 0 || fit >= table.rows.length) return undefined;
  if (balance) fit = Math.ceil(table.rows.length / Math.ceil(table.rows.length / fit));
  return [
    { ...table, rows: table.rows.slice(0, fit), whole },
    { ...table, rows: table.rows.slice(fit), whole },
  ];
}

/**
 * The first row's lines that fit in `room` (below the header) on this slide, the rest of
 * its lines (and the other rows) on the next: each cell is cut at the same line, so the
 * row reads on across the break. Undefined when not even one line fits.
 */
function splitFirstRow(
  table: TableModel,
  whole: TableModel,
  layout: TableLayout,
  room: number,
  measure: TextMeasurer,
): [TableModel, TableModel] | undefined {
  const [row, ...rest] = table.rows;
  if (row === undefined) return undefined;
  const fit = Math.floor((room - ROW_PADDING) / table.lineHeight);
  const cells = row.map((cell, index) =>
    wrapRuns(cell, cellRoom(layout, index), table.size, measure, { bold: false }),
  );
  if (fit < 1 || cells.every((lines) => lines.length <= fit)) return undefined;
  const head = cells.map((lines) => joinLines(lines.slice(0, fit)));
  const tail = cells.map((lines) =>
    lines.length <= fit ? [] : joinLines([{ ...lines[fit]!, joiner: 'none' }, ...lines.slice(fit + 1)]),
  );
  return [
    { ...table, rows: [head], whole },
    { ...table, rows: [tail, ...rest], whole },
  ];
}

/** Auto table layout, as in the report: natural width is a column's widest cell on one line, minimum its longest word. */
function columnWidths(table: TableModel, width: number, measure: TextMeasurer): number[] {
  const padding = CELL_PADDING[1] + CELL_PADDING[3];
  const count = table.header.length;
  const natural = Array<number>(count).fill(padding);
  const minimum = Array<number>(count).fill(padding);
  const visit = (row: Run[][], bold: boolean): void => {
    row.forEach((cell, index) => {
      let line = 0;
      for (const run of cell) {
        const style = { bold: bold || run.bold, italic: run.italic, code: run.code };
        line += measure.width(run.text, table.size, style);
        for (const word of run.text.split(/\s+/)) {
          minimum[index] = Math.max(minimum[index]!, measure.width(word, table.size, style) + padding);
        }
      }
      natural[index] = Math.max(natural[index]!, line + padding);
    });
  };
  visit(table.header, true);
  table.rows.forEach((row) => visit(row, false));

  // The report's algorithm (document/table-columns.ts): a short column keeps its natural
  // width next to long unbreakable words, which wrap between characters instead.
  return fitColumnWidths(natural, minimum, width);
}
