import type { ChartBlock } from '../../../document/types.js';
import type { ChartAsset } from '../../../charts/types.js';
import { fail } from '../../../errors.js';
import { addFittedText } from '../text/fitted-text.js';
import type { SlideModel } from '../slide-model.js';
import type { Box, DeckContext } from '../types.js';
import { addNativeChart } from './chart-native.js';

const CAPTION_SIZE = 12;
const CAPTION_H = 0.3;

/** A chart and its caption ("Figure 2 — Overnight strikes"): native by default, else the PNG. */
export function addChart(slide: SlideModel, block: ChartBlock, box: Box, ctx: DeckContext): void {
  const asset = ctx.assets.get(block.chartId);
  if (!asset) {
    fail('INTERNAL_ERROR', {
      message: `Chart "${block.chartId}" is placed on a slide but has no chart asset.`,
      expected: 'renderPptx to get the assets built by renderChartAssets for the same briefing',
    });
  }
  // A chart a native chart cannot draw as the PDF does (an area with a gap) is placed as its picture.
  const image = ctx.options.charts === 'image' || asset.chart.deckImage === true;
  const caption = captionText(block, asset, !image);
  const chartBox: Box = { ...box, h: box.h - CAPTION_H };
  const drawn = image
    ? addChartImage(slide, asset, chartBox)
    : addNativeChart(slide, { ...asset.chart, labels: block.dataLabels }, chartBox, ctx);
  addCaption(slide, caption, { x: drawn.x, y: box.y + box.h - CAPTION_H, w: drawn.w, h: CAPTION_H }, ctx);
}

/**
 * The document's caption line, as the report prints it. A native chart shows one title
 * line, so its subtitle (which also carries the synthetic-data warning, drawn inside
 * the report's chart and the PNG) follows the caption.
 */
function captionText(block: ChartBlock, asset: ChartAsset, withSubtitle: boolean): string {
  const subtitle = withSubtitle ? (asset.chart.subtitle?.trim() ?? '') : '';
  return subtitle === '' ? block.captionText : `${block.captionText} · ${subtitle}`;
}

function addCaption(slide: SlideModel, text: string, box: Box, ctx: DeckContext): void {
  addFittedText(slide, text, box, ctx, {
    steps: [
      { size: CAPTION_SIZE, lines: 1 },
      { size: CAPTION_SIZE - 1, lines: 1 },
      { size: CAPTION_SIZE - 2, lines: 1 },
    ],
    color: ctx.colors.muted,
    valign: 'bottom',
  });
}

/** Image mode: the asset's PNG (drawn at 2x), scaled to fit and centred, with the chart's alt text. */
function addChartImage(slide: SlideModel, asset: ChartAsset, box: Box): Box {
  if (!asset.png) {
    fail('INTERNAL_ERROR', {
      message: `Chart "${asset.chart.id}" has no PNG drawing, but the deck was asked for image charts.`,
      expected: 'chart assets rendered with PNG output when charts: "image"',
    });
  }
  const aspect = asset.width / asset.height;
  const w = Math.min(box.w, box.h * aspect);
  const h = w / aspect;
  const placed: Box = { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
  slide.elements.push({
    kind: 'picture',
    box: placed,
    data: asset.png,
    format: 'png',
    altText: asset.chart.alt,
    objectName: `Chart ${asset.chart.id}`,
    chartId: asset.chart.id,
  });
  return placed;
}
