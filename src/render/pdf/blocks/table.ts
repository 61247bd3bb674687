import type { Inline, TableBlock } from '../../../document/types.js';
import { metricsFor, smallStyle } from '../styles.js';
import { addStruct, drawArtifact } from '../tagging.js';
import { drawLine } from '../text/draw-line.js';
import type { Line } from '../text/line-break.js';
import type { TextStyle } from '../text/runs.js';
import { layoutInlines } from '../text/text-flow.js';
import type { Flowable, Frame, LayoutContext, StructElement } from '../types.js';
import { fitColumnWidths } from './table-columns.js';

const PAD_X = 5;
const PAD_Y = 3.5;

type Align = TableBlock['align'][number];

interface LaidRow {
  cells: Line[][];
  height: number;
}

/**
 * A table as one flowable per row: rows never split, a row that does not fit moves
 * to the next page, and the header row is repeated there (as an artifact, since it
 * is a visual copy). Columns are fitted to content; `align` sets each column.
 */
export function layoutTable(
  block: TableBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructElement,
): Flowable[] {
  const { theme } = ctx;
  const bodyStyle = smallStyle(ctx);
  const headStyle = smallStyle(ctx, { role: 'heading', face: 'bold', color: theme.colors.primary });
  const metrics = metricsFor(ctx, bodyStyle.size);
  const columnCount = Math.max(block.header.length, ...block.rows.map((row) => row.length));
  const widths = columnWidths(ctx, block, columnCount, frame.width, bodyStyle, headStyle);
  const layRow = (cells: readonly Inline[][], style: TextStyle): LaidRow => {
    const lines = widths.map((width, index) =>
      layoutInlines(ctx, cells[index] ?? [], style, width - 2 * PAD_X),
    );
    const height = 2 * PAD_Y + Math.max(1, ...lines.map((cell) => cell.length)) * metrics.lineHeight;
    return { cells: lines, height };
  };
  const table = addStruct(ctx.pdf, parent, 'Table');
  const header = layRow(block.header, headStyle);
  const drawRow = (row: LaidRow, y: number, tr: StructElement | undefined, cellTag: 'TH' | 'TD'): void => {
    let x = frame.x;
    row.cells.forEach((lines, index) => {
      const width = widths[index] ?? 0;
      const align: Align = block.align[index] ?? 'left';
      const cell = tr
        ? addStruct(ctx.pdf, tr, cellTag, cellTag === 'TH' ? { scope: 'Column' } : {})
        : undefined;
      lines.forEach((line, lineIndex) => {
        const offset =
          align === 'right'
            ? width - PAD_X - line.width
            : align === 'center'
              ? (width - line.width) / 2
              : PAD_X;
        const baseline = y + PAD_Y + lineIndex * metrics.lineHeight + metrics.baseline;
        drawLine(ctx, line, x + offset, baseline, cell, cellTag);
      });
      x += width;
    });
  };
  const drawHeader = (y: number, tagged: boolean): void => {
    const rule = (): void => {
      ctx.pdf
        .moveTo(frame.x, y + header.height)
        .lineTo(frame.x + frame.width, y + header.height)
        .lineWidth(0.9)
        .strokeColor(theme.colors.primary)
        .stroke();
    };
    if (tagged) {
      drawRow(header, y, addStruct(ctx.pdf, table, 'TR'), 'TH');
      drawArtifact(ctx.pdf, rule);
    } else {
      drawArtifact(ctx.pdf, () => {
        drawRow(header, y, undefined, 'TH');
        rule();
      });
    }
  };
  const repeat: Flowable = {
    height: header.height,
    spaceBefore: 0,
    keepWithNext: true,
    draw: (y) => drawHeader(y, false),
  };
  const rows = block.rows.map((cells) => layRow(cells, bodyStyle));
  const caption = block.caption ? captionFlowable(ctx, block.caption, frame, table, 'caption') : undefined;
  const flowables: Flowable[] = [
    ...(caption ? [caption] : []),
    {
      height: header.height,
      spaceBefore: caption ? 3 : theme.sizes.paragraphGap * 1.5,
      keepWithNext: rows.length > 0,
      draw: (y) => drawHeader(y, true),
    },
  ];
  rows.forEach((row, index) => {
    const last = index === rows.length - 1;
    flowables.push({
      height: row.height + (last ? 4 : 0),
      spaceBefore: 0,
      // Keep the first row with the header and never leave the last row alone.
      keepWithNext: index === 0 || index === rows.length - 2 || (last && block.source !== undefined),
      repeat,
      draw: (y) => {
        drawArtifact(ctx.pdf, () => {
          if (index % 2 === 1) ctx.pdf.rect(frame.x, y, frame.width, row.height).fill(theme.colors.surface);
          if (last) {
            ctx.pdf
              .moveTo(frame.x, y + row.height)
              .lineTo(frame.x + frame.width, y + row.height)
              .lineWidth(0.6)
              .strokeColor(theme.colors.rule)
              .stroke();
          }
        });
        drawRow(row, y, addStruct(ctx.pdf, table, 'TR'), 'TD');
      },
    });
  });
  if (block.source) flowables.push(captionFlowable(ctx, block.source, frame, table, 'source'));
  return flowables;
}

/**
 * "Table 2 — Record nights" above a data table (kept with its header) and its source
 * line below (kept with its last row), tagged as the table's caption.
 */
function captionFlowable(
  ctx: LayoutContext,
  inlines: Inline[],
  frame: Frame,
  table: StructElement,
  kind: 'caption' | 'source',
): Flowable {
  const { theme } = ctx;
  const style =
    kind === 'caption'
      ? smallStyle(ctx, { size: theme.sizes.small + 0.5 })
      : smallStyle(ctx, { color: theme.colors.muted });
  const metrics = metricsFor(ctx, style.size);
  const lines = layoutInlines(ctx, inlines, style, frame.width);
  return {
    height: lines.length * metrics.lineHeight,
    spaceBefore: kind === 'caption' ? theme.sizes.paragraphGap * 1.5 : 3,
    keepWithNext: kind === 'caption',
    draw: (y) => {
      // Made when drawn, so the source line's caption comes after the rows in the structure tree.
      const element = addStruct(ctx.pdf, table, 'Caption');
      lines.forEach((line, i) => {
        drawLine(ctx, line, frame.x, y + i * metrics.lineHeight + metrics.baseline, element, 'Caption');
      });
    },
  };
}

function columnWidths(
  ctx: LayoutContext,
  block: TableBlock,
  columnCount: number,
  available: number,
  bodyStyle: TextStyle,
  headStyle: TextStyle,
): number[] {
  const natural = new Array<number>(columnCount).fill(0);
  const minimum = new Array<number>(columnCount).fill(0);
  const measureRow = (cells: readonly Inline[][], style: TextStyle): void => {
    for (let index = 0; index < columnCount; index++) {
      const lines = layoutInlines(ctx, cells[index] ?? [], style, Number.POSITIVE_INFINITY);
      const width = Math.max(0, ...lines.map((line) => line.width));
      const longestWord = Math.max(
        0,
        ...lines.flatMap((line) =>
          line.items.flatMap((item) => longestWordWidth(ctx, item.style, item.text)),
        ),
      );
      natural[index] = Math.max(natural[index] ?? 0, width + 2 * PAD_X);
      minimum[index] = Math.max(minimum[index] ?? 0, longestWord + 2 * PAD_X);
    }
  };
  measureRow(block.header, headStyle);
  block.rows.forEach((row) => measureRow(row, bodyStyle));
  return fitColumnWidths(natural, minimum, available);
}

function longestWordWidth(ctx: LayoutContext, style: TextStyle, text: string): number[] {
  return text.split(/\s+/).map((word) => ctx.measure.width(style, word));
}
