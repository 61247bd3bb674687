import type { Inline, TableBlock } from '../../../document/types.js';
import { metricsFor, smallStyle } from '../styles.js';
import type { Box, Flowable } from '../page-model.js';
import type { StructNode } from '../structure.js';
import type { Line } from '../text/line-break.js';
import type { TextStyle } from '../text/runs.js';
import { layoutInlines, stackLines } from '../text/text-flow.js';
import type { Frame, LayoutContext } from '../types.js';
import { fitColumnWidths } from '../../../document/table-columns.js';
import { bandKeepsWithNext, rowBands, startHeight, type RowBand } from './table-rows.js';

const PAD_X = 5;
const PAD_Y = 3.5;

type Align = TableBlock['align'][number];

interface LaidRow {
  cells: Line[][];
  height: number;
}

// A data table's start (caption, header and this many rows) must fit for it to start on a page.
const START_ROWS = 3;
// A row taller than this share of the text area is split between lines (see rowBands).
const MAX_WHOLE_ROW_SHARE = 1 / 3;

/**
 * A table as flowables: one per row, or one per line of a row taller than a third of
 * the page (split between lines, never clipped). A row that does not fit moves to the
 * next page, and the header row is repeated there (as an artifact, since it is a
 * visual copy). Columns are fitted to content; `align` sets each column. A data table
 * has its caption above (kept with the header) and its source line below (kept with
 * the last row), both tagged as the table's captions, and is a float: when its caption,
 * header and first rows do not fit in the rest of a page, the text after it fills the
 * page and the table starts on the next.
 */
export function layoutTable(
  block: TableBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
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
  const table = ctx.struct.add(parent, 'Table');
  const header = layRow(block.header, headStyle);
  /**
   * Lines `band.from`..`band.to` of a row's cells; with cell nodes, as TH/TD groups
   * (one node per cell, however many bands paint it), else bare (inside an artifact).
   */
  const rowBoxes = (row: LaidRow, band: RowBand, cellNodes: readonly StructNode[] | undefined): Box[] => {
    let x = 0;
    return row.cells
      .map((lines, index): Box[] => {
        const width = widths[index] ?? 0;
        const align: Align = block.align[index] ?? 'left';
        const cell = cellNodes?.[index];
        const boxes = lines.slice(band.from, band.to).map((line, offsetIndex): Box => {
          const offset =
            align === 'right'
              ? width - PAD_X - line.width
              : align === 'center'
                ? (width - line.width) / 2
                : PAD_X;
          const baseline = band.top + offsetIndex * metrics.lineHeight + metrics.baseline;
          return { kind: 'text', x: frame.x + x + offset, baseline, line, ...(cell ? { node: cell } : {}) };
        });
        x += width;
        return cell ? [{ kind: 'group', node: cell, boxes }] : boxes;
      })
      .flat();
  };
  const cellNodes = (tr: StructNode, role: 'TH' | 'TD'): StructNode[] =>
    widths.map(() => ctx.struct.local(tr, role, role === 'TH' ? { scope: 'Column' } : {}));
  const rule = (y: number, lineWidth: number, color: string): Box => ({
    kind: 'rule',
    x: frame.x,
    y,
    width: frame.width,
    lineWidth,
    color,
  });
  const headerRule = rule(header.height, 0.9, theme.colors.primary);
  const headerBand: RowBand = { from: 0, to: Number.MAX_SAFE_INTEGER, top: PAD_Y, height: header.height };
  // The repeated header is a visual copy of the first: decoration, not a row of the table.
  const repeat: Flowable = {
    height: header.height,
    spaceBefore: 0,
    keepWithNext: true,
    boxes: [
      { kind: 'artifact', type: 'Layout', boxes: [...rowBoxes(header, headerBand, undefined), headerRule] },
    ],
  };
  const headerRow = ctx.struct.local(table, 'TR');
  const rows = block.rows.map((cells) => layRow(cells, bodyStyle));
  const caption = block.data && captionFlowable(ctx, block.data, frame, table, 'caption');
  const flowables: Flowable[] = [
    ...(caption ? [caption] : []),
    {
      height: header.height,
      spaceBefore: caption ? 3 : theme.sizes.paragraphGap * 1.5,
      keepWithNext: rows.length > 0,
      boxes: [
        { kind: 'group', node: headerRow, boxes: rowBoxes(header, headerBand, cellNodes(headerRow, 'TH')) },
        { kind: 'artifact', type: 'Layout', boxes: [headerRule] },
      ],
    },
  ];
  const headCount = flowables.length;
  const maxWholeRow = Math.max(ctx.page.contentHeight * MAX_WHOLE_ROW_SHARE, 2 * PAD_Y + metrics.lineHeight);
  rows.forEach((row, index) => {
    const last = index === rows.length - 1;
    // Keep the first row with the header and never leave the last row alone.
    const rowKeeps = index === 0 || index === rows.length - 2 || (last && block.data !== undefined);
    const lineCount = Math.max(1, ...row.cells.map((cell) => cell.length));
    const bands = rowBands(lineCount, metrics.lineHeight, PAD_Y, maxWholeRow);
    const tr = ctx.struct.local(table, 'TR');
    const nodes = cellNodes(tr, 'TD');
    bands.forEach((band, bandIndex) => {
      const lastBand = bandIndex === bands.length - 1;
      const decoration: Box[] = [];
      if (index % 2 === 1) {
        decoration.push({
          kind: 'rect',
          x: frame.x,
          y: 0,
          width: frame.width,
          height: band.height,
          color: theme.colors.surface,
        });
      }
      if (last && lastBand) decoration.push(rule(band.height, 0.6, theme.colors.rule));
      flowables.push({
        height: band.height + (last && lastBand ? 4 : 0),
        spaceBefore: 0,
        keepWithNext: bandKeepsWithNext(bandIndex, bands.length, rowKeeps),
        repeat,
        boxes: [
          { kind: 'artifact', type: 'Layout', boxes: decoration },
          { kind: 'group', node: tr, boxes: rowBoxes(row, band, nodes) },
        ],
      });
    });
  });
  if (block.data) flowables.push(captionFlowable(ctx, block.data, frame, table, 'source'));
  if (!block.data) return flowables;
  const [first, ...rest] = flowables;
  return [
    {
      ...first!,
      float: true,
      floatKind: 'table',
      floatSpan: flowables.length,
      floatStart: startHeight(flowables, headCount + START_ROWS),
    },
    ...rest,
  ];
}

/** "Table 2 — Record nights" above a data table, or its source line (and note) below it. */
function captionFlowable(
  ctx: LayoutContext,
  data: NonNullable<TableBlock['data']>,
  frame: Frame,
  table: StructNode,
  kind: 'caption' | 'source',
): Flowable {
  const { theme } = ctx;
  const style =
    kind === 'caption'
      ? smallStyle(ctx, { size: theme.sizes.small + 0.5 })
      : smallStyle(ctx, { color: theme.colors.muted });
  const inlines: Inline[] =
    kind === 'caption'
      ? [
          { type: 'strong', children: [{ type: 'text', text: data.label }] },
          { type: 'text', text: data.captionText.slice(data.label.length) },
        ]
      : [{ type: 'text', text: [data.sourceLine.text, data.note].filter(Boolean).join('. ') }];
  const metrics = metricsFor(ctx, style.size);
  const lines = layoutInlines(ctx, inlines, style, frame.width);
  // Made where painted (a local node), so the source line's caption follows the rows.
  const node = ctx.struct.local(table, 'Caption');
  return {
    height: lines.length * metrics.lineHeight,
    spaceBefore: kind === 'caption' ? theme.sizes.paragraphGap * 1.5 : 3,
    keepWithNext: kind === 'caption',
    boxes: [{ kind: 'group', node, boxes: stackLines(lines, frame.x, 0, metrics, node) }],
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
