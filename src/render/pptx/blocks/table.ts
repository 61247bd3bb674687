import type * as Pptx from '../pptxgen.js';
import { toInches, toPoints } from '../geometry.js';
import { toTextProps } from '../text/paragraph.js';
import type { Run } from '../text/runs.js';
import type { Box, DeckContext, PptxSlide } from '../types.js';
import { CELL_PADDING, layoutTable, type TableModel } from './table-model.js';

/** A table (or a slice of one) with its header row: header in the brand colour, zebra rows. */
export function addTable(slide: PptxSlide, table: TableModel, box: Box, ctx: DeckContext): void {
  const layout = layoutTable(table, toPoints(box.w), ctx.measure);
  const rule: Pptx.BorderProps = { type: 'solid', pt: 0.75, color: ctx.colors.rule };
  const none: Pptx.BorderProps = { type: 'none' };
  const cell = (runs: Run[], column: number, header: boolean, zebra: boolean): Pptx.TableCell => ({
    text: toTextProps(
      [
        {
          runs,
          size: table.size,
          lineHeight: table.lineHeight,
          spaceAfter: 0,
          color: header ? ctx.colors.onPrimary : ctx.colors.text,
          bold: header,
          level: 0,
          align: table.align[column] ?? 'left',
        },
      ],
      {
        font: ctx.fonts.body,
        lang: ctx.meta.lang,
        linkColor: header ? ctx.colors.onPrimary : ctx.colors.primary,
      },
    ),
    options: {
      fill: { color: header ? ctx.colors.primary : zebra ? ctx.colors.surface : ctx.colors.background },
      valign: header ? 'middle' : 'top',
      margin: CELL_PADDING,
      border: [none, none, header ? none : rule, none],
    },
  });
  const rows: Pptx.TableRow[] = [
    table.header.map((runs, column) => cell(runs, column, true, false)),
    ...table.rows.map((row, index) => row.map((runs, column) => cell(runs, column, false, index % 2 === 1))),
  ];
  slide.addTable(rows, {
    x: box.x,
    y: box.y,
    w: box.w,
    colW: layout.columns.map(toInches),
    rowH: [layout.headerHeight, ...layout.rowHeights].map(toInches),
    fontFace: ctx.fonts.body,
    fontSize: table.size,
    autoPage: false,
  });
}
