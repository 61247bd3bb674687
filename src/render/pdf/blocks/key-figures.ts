import type { Inline, KeyFigure, KeyFiguresBlock } from '../../../document/types.js';
import { metricsFor, smallStyle, textStyle } from '../styles.js';
import type { Box, Flowable } from '../page-model.js';
import { subheadingRole, type StructNode } from '../structure.js';
import type { Line } from '../text/line-break.js';
import type { TextStyle } from '../text/runs.js';
import { layoutInlines, stackLines } from '../text/text-flow.js';
import type { Frame, LayoutContext } from '../types.js';

const PAD = 14;
const GUTTER = 16;
const ROW_GAP = 14;

interface Cell {
  prefix: Line[];
  value: Line[];
  suffix: Line[];
  label: Line[];
  /** "Source: Reuters [3]", as the deck's card prints it. */
  source: Line[];
}

/** Grid widths to try, best first: 2–4 per row, fewest empty cells, then two per row. */
export function perRowCandidates(count: number): number[] {
  if (count <= 2) return [Math.max(1, count)];
  if (count <= 4) return count === 4 ? [4, 2] : [3];
  const empty = (perRow: number): number => (perRow - (count % perRow)) % perRow;
  return [empty(4) < empty(3) ? 4 : 3, 2];
}

// Values may shrink this far to keep the preferred grid; beyond it, use fewer columns.
const MIN_VALUE_SCALE = 0.8;

/**
 * A callout of headline numbers: each value large, its prefix, suffix and label
 * small, its citation raised beside it. Values shrink together when the widest
 * would not fit its cell, so every figure in the box has the same size.
 */
export function layoutKeyFigures(
  block: KeyFiguresBlock,
  ctx: LayoutContext,
  frame: Frame,
  parent: StructNode,
): Flowable[] {
  const { theme } = ctx;
  const inner = frame.width - 2 * PAD;
  const small = smallStyle(ctx, { color: theme.colors.muted });
  const valueLines = (size: number): Line[][] =>
    block.items.map((item) =>
      layoutInlines(ctx, valueInlines(item), valueStyle(ctx, size), Number.POSITIVE_INFINITY),
    );
  const widest = Math.max(1, ...valueLines(theme.sizes.keyFigure).map((lines) => lines[0]?.width ?? 0));
  const grids = perRowCandidates(block.items.length).map((perRow) => {
    const cellWidth = (inner - (perRow - 1) * GUTTER) / perRow;
    return { perRow, cellWidth, scale: Math.min(1, cellWidth / widest) };
  });
  const grid = grids.find((g) => g.scale >= MIN_VALUE_SCALE) ?? grids.at(-1)!;
  const { perRow, cellWidth } = grid;
  const valueSize = theme.sizes.keyFigure * grid.scale;
  const values = valueLines(valueSize);
  const cells: Cell[] = block.items.map((item, index) => ({
    prefix: item.prefix ? layoutInlines(ctx, [{ type: 'text', text: item.prefix }], small, cellWidth) : [],
    value: values[index] ?? [],
    suffix: item.suffix
      ? layoutInlines(
          ctx,
          [{ type: 'text', text: item.suffix }],
          { ...small, face: 'bold', color: theme.colors.text },
          cellWidth,
        )
      : [],
    label: layoutInlines(ctx, [{ type: 'text', text: item.label }], small, cellWidth),
    source: layoutInlines(
      ctx,
      [{ type: 'text', text: item.sourceLine.text }],
      { ...small, size: small.size - 1 },
      cellWidth,
    ),
  }));
  const smallMetrics = metricsFor(ctx, small.size);
  const sourceMetrics = metricsFor(ctx, small.size - 1);
  const valueMetrics = metricsFor(ctx, valueSize, 0.3);
  const title = (ctx.meta.labels.keyFigures || '').toLocaleUpperCase(ctx.meta.lang);
  const titleStyle = smallStyle(ctx, { role: 'heading', face: 'bold', color: theme.colors.accent });
  const titleLines = title ? layoutInlines(ctx, [{ type: 'text', text: title }], titleStyle, inner) : [];
  const titleHeight = titleLines.length * smallMetrics.lineHeight + (titleLines.length ? 6 : 0);
  const rows: Cell[][] = [];
  for (let i = 0; i < cells.length; i += perRow) rows.push(cells.slice(i, i + perRow));
  const rowParts = rows.map((row) => ({
    prefix: Math.max(0, ...row.map((cell) => cell.prefix.length)) * smallMetrics.lineHeight,
    suffix: Math.max(0, ...row.map((cell) => cell.suffix.length)) * smallMetrics.lineHeight,
    label: Math.max(0, ...row.map((cell) => cell.label.length)) * smallMetrics.lineHeight,
    source: Math.max(0, ...row.map((cell) => cell.source.length)) * sourceMetrics.lineHeight,
  }));
  const rowHeights = rowParts.map(
    (part) => part.prefix + valueMetrics.lineHeight + part.suffix + part.label + part.source,
  );
  const height = 2 * PAD + titleHeight + rowHeights.reduce((a, b) => a + b, 0) + ROW_GAP * (rows.length - 1);
  const element = ctx.struct.add(parent, 'Div');
  // The callout's title is a heading one level below the section it sits in.
  const titleElement = titleLines.length
    ? ctx.struct.add(element, subheadingRole(frame.headingLevel), { actual: ctx.meta.labels.keyFigures })
    : undefined;
  const cellElements = block.items.map(() => ctx.struct.add(element, 'P'));
  const boxes: Box[] = [
    {
      kind: 'artifact',
      type: 'Layout',
      boxes: [
        { kind: 'rect', x: frame.x, y: 0, width: frame.width, height, color: theme.colors.surface },
        { kind: 'rect', x: frame.x, y: 0, width: 3, height, color: theme.colors.primary },
      ],
    },
    ...stackLines(titleLines, frame.x + PAD, PAD, smallMetrics, titleElement),
  ];
  let rowY = PAD + titleHeight;
  rows.forEach((row, rowIndex) => {
    const parts = rowParts[rowIndex]!;
    row.forEach((cell, column) => {
      const index = rowIndex * perRow + column;
      const x = frame.x + PAD + column * (cellWidth + GUTTER);
      const cellElement = cellElements[index];
      const valueTop = rowY + parts.prefix;
      boxes.push(
        ...stackLines(
          cell.prefix,
          x,
          valueTop - cell.prefix.length * smallMetrics.lineHeight,
          smallMetrics,
          cellElement,
        ),
        ...stackLines(cell.value, x, valueTop, valueMetrics, cellElement),
        ...stackLines(cell.suffix, x, valueTop + valueMetrics.lineHeight, smallMetrics, cellElement),
      );
      const labelTop = valueTop + valueMetrics.lineHeight + parts.suffix;
      boxes.push(
        ...stackLines(cell.label, x, labelTop, smallMetrics, cellElement),
        ...stackLines(cell.source, x, labelTop + parts.label, sourceMetrics, cellElement),
      );
    });
    rowY += rowHeights[rowIndex]! + ROW_GAP;
  });
  return [{ height, spaceBefore: theme.sizes.paragraphGap * 2, keepWithNext: false, boxes }];
}

function valueInlines(item: KeyFigure): Inline[] {
  return [
    { type: 'text', text: item.value },
    { type: 'citation', number: item.citation },
  ];
}

function valueStyle(ctx: LayoutContext, size: number): TextStyle {
  return textStyle(ctx, {
    role: 'heading',
    face: 'bold',
    size,
    color: ctx.theme.colors.primary,
    // A citation beside a large number: small, and raised to the top of the digits.
    superscriptSize: ctx.theme.sizes.small,
    superscriptRise: size * 0.42,
  });
}
