import type { ChartAssets } from '../../charts/types.js';
import { assertNever } from '../../errors.js';
import { SLIDE_H, SLIDE_W, toPoints } from '../../render/pptx/geometry.js';
import type {
  DeckModel,
  FitNote,
  MasterElement,
  SlideElement,
  SlideModel,
  TableElement,
} from '../../render/pptx/slide-model.js';
import type { TextMeasurer } from '../../render/pptx/text/measure.js';
import type { Box } from '../../render/pptx/types.js';
import { chartSvg } from './chart-svg.js';
import { escapeXml, num } from './svg-text.js';
import { labelSvg, paragraphsSvg, type TextArea } from './text-svg.js';

export interface SlideSvgContext {
  model: DeckModel;
  assets: ChartAssets;
  measure: TextMeasurer;
}

/**
 * The second painter of the slide model: one slide as an SVG at its real size
 * (viewBox in points, 960 × 540), master furniture first, then the slide's boxes in
 * model order, as the PPTX painter writes them. A `fit-layer` group on top outlines
 * every text box and marks text the fitter shrank or cut; the page shows it on demand.
 */
export function slideSvg(slide: SlideModel, index: number, ctx: SlideSvgContext): string {
  const master = ctx.model.masters.find((m) => m.name === slide.master);
  const id = `s${index + 1}`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="slide-svg" viewBox="0 0 ${num(toPoints(SLIDE_W))} ${num(
      toPoints(SLIDE_H),
    )}" role="img" aria-label="Slide ${index + 1}">`,
    `<rect width="100%" height="100%" fill="#${master?.background ?? 'FFFFFF'}"/>`,
  ];
  for (const element of master?.elements ?? []) out.push(masterElementSvg(element));
  if (master?.slideNumber) {
    const n = master.slideNumber;
    out.push(labelSvg(String(index + 1), n, area(n.box, 'middle'), 'right'));
  }
  slide.elements.forEach((element, n) => out.push(elementSvg(element, `${id}-${n}`, ctx)));
  out.push(fitLayer(slide));
  out.push('</svg>');
  return out.join('');
}

function area(box: Box, valign: TextArea['valign']): TextArea {
  return { x: toPoints(box.x), y: toPoints(box.y), w: toPoints(box.w), h: toPoints(box.h), valign };
}

function rect(box: Box, fill: string): string {
  return `<rect x="${num(toPoints(box.x))}" y="${num(toPoints(box.y))}" width="${num(toPoints(box.w))}" height="${num(
    toPoints(box.h),
  )}" fill="#${fill}"/>`;
}

function line(box: Box, stroke: { color: string; width: number }): string {
  const [x1, y1, x2, y2] = [box.x, box.y, box.x + box.w, box.y + box.h].map((v) => num(toPoints(v)));
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#${stroke.color}" stroke-width="${num(stroke.width)}"/>`;
}

function masterElementSvg(element: MasterElement): string {
  switch (element.kind) {
    case 'shape':
      return element.shape === 'rect' ? rect(element.box, element.fill) : line(element.box, element.line);
    case 'label':
      return labelSvg(element.text, element, area(element.box, element.valign));
    case 'placeholder':
      return ''; // filled by the slide's own title box
    default:
      return assertNever(element, 'master element');
  }
}

function elementSvg(element: SlideElement, id: string, ctx: SlideSvgContext): string {
  switch (element.kind) {
    case 'text':
      return paragraphsSvg(element.paragraphs, element.look, area(element.box, element.valign), ctx.measure);
    case 'label':
      return labelSvg(element.text, element, area(element.box, element.valign));
    case 'shape':
      return element.shape === 'rect' ? rect(element.box, element.fill) : line(element.box, element.line);
    case 'picture': {
      const b = area(element.box, 'top');
      return `<image x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(
        b.h,
      )}" preserveAspectRatio="none" href="data:image/${element.format};base64,${element.data.toString(
        'base64',
      )}"><title>${escapeXml(element.altText)}</title></image>`;
    }
    case 'chart':
      return nativeChartSvg(element.chartId, element.box, id, ctx);
    case 'table':
      return tableSvg(element, ctx);
    default:
      return assertNever(element, 'slide element');
  }
}

/** An editable chart, drawn from the vector drawing the PDF replays, fitted into its box. */
function nativeChartSvg(chartId: string, box: Box, id: string, ctx: SlideSvgContext): string {
  const asset = ctx.assets.get(chartId);
  const b = area(box, 'top');
  const drawing = asset?.drawing;
  if (!drawing) {
    return `${rect(box, 'F2F2F2')}${labelSvg(asset?.chart.title ?? chartId, { font: ctx.model.fonts.body, size: 14, color: '666666' }, { ...b, valign: 'middle' })}`;
  }
  const scale = Math.min(b.w / drawing.width, b.h / drawing.height);
  const w = drawing.width * scale;
  const h = drawing.height * scale;
  const chart = chartSvg(
    drawing,
    { x: b.x + (b.w - w) / 2, y: b.y + (b.h - h) / 2, width: w, height: h },
    id,
  );
  return `<g class="chart" data-chart="${escapeXml(chartId)}"><title>${escapeXml(asset.chart.alt)}</title>${chart}</g>`;
}

function tableSvg(table: TableElement, ctx: SlideSvgContext): string {
  const out: string[] = [];
  let y = table.box.y;
  table.rows.forEach((row, r) => {
    const rowH = table.rowHeights[r] ?? 0;
    let x = table.box.x;
    row.forEach((cell, c) => {
      const colW = table.columns[c] ?? 0;
      const box = { x, y, w: colW, h: rowH };
      out.push(rect(box, cell.fill));
      if (cell.bottom) out.push(line({ x, y: y + rowH, w: colW, h: 0 }, cell.bottom));
      const [top, right, bottom, left] = cell.margin;
      const inner = area(box, cell.valign === 'middle' ? 'middle' : 'top');
      out.push(
        paragraphsSvg(
          [cell.paragraph],
          cell.look,
          {
            x: inner.x + left,
            y: inner.y + top,
            w: inner.w - left - right,
            h: inner.h - top - bottom,
            valign: inner.valign,
          },
          ctx.measure,
        ),
      );
      x += colW;
    });
    y += rowH;
  });
  return out.join('');
}

/** Outlines of every text box, and marks where the fitter had to give way. */
function fitLayer(slide: SlideModel): string {
  const out: string[] = ['<g class="fit-layer">'];
  for (const element of slide.elements) {
    if (element.kind !== 'text' && element.kind !== 'label' && element.kind !== 'table') continue;
    const note: FitNote | undefined = element.kind === 'text' ? element.fit : undefined;
    const kind = note?.truncated ? 'fit-cut' : note?.shrunk ? 'fit-shrunk' : 'fit-box';
    const b = area(element.box, 'top');
    out.push(
      `<rect class="${kind}" x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}"/>`,
    );
    if (note?.truncated || note?.shrunk) {
      const size = element.kind === 'text' ? element.paragraphs[0]?.size : undefined;
      const label = note.truncated ? 'cut short' : `shrunk to ${size ?? '?'} pt`;
      out.push(
        // Above the box's top left corner, so the tag never hides the text it is about.
        `<text class="fit-tag ${kind}-tag" x="${num(b.x)}" y="${num(Math.max(9, b.y - 2))}">${label}</text>`,
      );
    }
  }
  const badges: string[] = [];
  if (slide.continuation > 0) badges.push(`continues (cont. ${slide.continuation})`);
  if (slide.fit?.shrunk) badges.push('body set smaller to fit');
  if (badges.length > 0) {
    out.push(
      `<text class="fit-tag fit-badge" x="${num(toPoints(SLIDE_W) - 8)}" y="22" text-anchor="end">${escapeXml(badges.join(' · '))}</text>`,
    );
  }
  out.push('</g>');
  return out.join('');
}
