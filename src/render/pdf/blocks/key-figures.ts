import type { Inline, KeyFigure, KeyFiguresBlock } from '../../../document/types.js';
import { metricsFor, smallStyle, textStyle } from '../styles.js';
import { addStruct, drawArtifact } from '../tagging.js';
import { drawLine } from '../text/draw-line.js';
import type { Line } from '../text/line-break.js';
import type { TextStyle } from '../text/runs.js';
import { layoutInlines } from '../text/text-flow.js';
import type { Flowable, Frame, LayoutContext, StructElement } from '../types.js';

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
  parent: StructElement,
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
  const element = addStruct(ctx.pdf, parent, 'Div');
  const titleElement = titleLines.length ? addStruct(ctx.pdf, element, 'P') : undefined;
  const cellElements = block.items.map(() => addStruct(ctx.pdf, element, 'P'));
  return [
    {
      height,
      spaceBefore: theme.sizes.paragraphGap * 2,
      keepWithNext: false,
      draw: (y) => {
        drawArtifact(ctx.pdf, () => {
          ctx.pdf.rect(frame.x, y, frame.width, height).fill(theme.colors.surface);
          ctx.pdf.rect(frame.x, y, 3, height).fill(theme.colors.primary);
        });
        let rowY = y + PAD;
        titleLines.forEach((line, index) => {
          const baseline = rowY + index * smallMetrics.lineHeight + smallMetrics.baseline;
          drawLine(ctx, line, frame.x + PAD, baseline, titleElement, 'P');
        });
        rowY += titleHeight;
        rows.forEach((row, rowIndex) => {
          const parts = rowParts[rowIndex]!;
          row.forEach((cell, column) => {
            const index = rowIndex * perRow + column;
            const x = frame.x + PAD + column * (cellWidth + GUTTER);
            const cellElement = cellElements[index];
            const drawLines = (lines: readonly Line[], top: number, metrics: typeof smallMetrics): void =>
              lines.forEach((line, i) =>
                drawLine(ctx, line, x, top + i * metrics.lineHeight + metrics.baseline, cellElement, 'P'),
              );
            const prefixTop = rowY + parts.prefix - cell.prefix.length * smallMetrics.lineHeight;
            drawLines(cell.prefix, prefixTop, smallMetrics);
            const valueTop = rowY + parts.prefix;
            drawLines(cell.value, valueTop, valueMetrics);
            drawLines(cell.suffix, valueTop + valueMetrics.lineHeight, smallMetrics);
            const labelTop = valueTop + valueMetrics.lineHeight + parts.suffix;
            drawLines(cell.label, labelTop, smallMetrics);
            drawLines(cell.source, labelTop + parts.label, sourceMetrics);
          });
          rowY += rowHeights[rowIndex]! + ROW_GAP;
        });
      },
    },
  ];
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
