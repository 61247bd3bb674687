import type { ChartAssets } from '../../charts/types.js';
import type { DeckDoc } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';
import { layoutDeck } from './layout-deck.js';
import { paintPptx } from './paint/paint-pptx.js';
import { loadPptxGenJS } from './pptxgen.js';
import type { DeckModel } from './slide-model.js';
import { loadTextMeasurer } from './text/measure.js';
import type { PptxOptions } from './types.js';
import { normalizePackage } from './zip/normalize.js';

/**
 * DeckDoc + chart assets → a .pptx Buffer. Pure: reads no clock (dates come from
 * meta.buildDate) and writes no file; the same input gives the same bytes.
 *
 * 1. collect and paginate: the slide model (masters, slides of positioned boxes)
 * 2. paint: pptxgenjs writes the model
 * 3. normalise the package (dates, order, compression)
 */
export async function renderPptx(
  deck: DeckDoc,
  assets: ChartAssets,
  theme: Theme,
  options: PptxOptions = { charts: 'native' },
): Promise<Buffer> {
  return (await renderPptxWithModel(deck, assets, theme, options)).pptx;
}

/** renderPptx, also returning the slide model it painted (the preview draws it as SVG). */
export async function renderPptxWithModel(
  deck: DeckDoc,
  assets: ChartAssets,
  theme: Theme,
  options: PptxOptions = { charts: 'native' },
): Promise<{ pptx: Buffer; model: DeckModel }> {
  const [PptxGenJS, measure] = await Promise.all([loadPptxGenJS(), loadTextMeasurer(theme)]);
  const model = layoutDeck(deck, assets, theme, options, measure);
  const raw = await paintPptx(model, new PptxGenJS());
  const chartLabels = model.slides.flatMap((slide) =>
    slide.elements.flatMap((element) => (element.kind === 'chart' ? [element.pointLabels] : [])),
  );
  return { pptx: await normalizePackage(raw, deck.meta, chartLabels), model };
}
