import { toInches, toPoints } from '../geometry.js';
import type { Run } from '../text/runs.js';
import type { SlideModel, TableCellModel } from '../slide-model.js';
import type { Box, DeckContext } from '../types.js';
import { CELL_PADDING, layoutTable, type TableModel } from './table-model.js';

/** A table (or a slice of one) with its header row: header in the brand colour, zebra rows. */
export function addTable(slide: SlideModel, table: TableModel, box: Box, ctx: DeckContext): void {
  const layout = layoutTable(table, toPoints(box.w), ctx.measure);
  const cell = (runs: Run[], column: number, header: boolean, zebra: boolean): TableCellModel => ({
    paragraph: {
      runs,
      size: table.size,
      lineHeight: table.lineHeight,
      spaceAfter: 0,
      color: header ? ctx.colors.onPrimary : ctx.colors.text,
      bold: header,
      level: 0,
      align: table.align[column] ?? 'left',
    },
    look: {
      font: ctx.fonts.body,
      lang: ctx.meta.lang,
      linkColor: header ? ctx.colors.onPrimary : ctx.colors.primary,
    },
    fill: header ? ctx.colors.primary : zebra ? ctx.colors.surface : ctx.colors.background,
    valign: header ? 'middle' : 'top',
    margin: CELL_PADDING,
    ...(header ? {} : { bottom: { color: ctx.colors.rule, width: 0.75 } }),
  });
  const rows: TableCellModel[][] = [
    table.header.map((runs, column) => cell(runs, column, true, false)),
    ...table.rows.map((row, index) => row.map((runs, column) => cell(runs, column, false, index % 2 === 1))),
  ];
  const rowHeights = [layout.headerHeight, ...layout.rowHeights].map(toInches);
  slide.elements.push({
    kind: 'table',
    box: { x: box.x, y: box.y, w: box.w, h: rowHeights.reduce((sum, h) => sum + h, 0) },
    rows,
    columns: layout.columns.map(toInches),
    rowHeights,
    font: ctx.fonts.body,
    size: table.size,
  });
}
