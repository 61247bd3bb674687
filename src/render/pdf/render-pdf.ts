import type { ChartAssets } from '../../charts/types.js';
import type { ReportDoc } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';
import { collectBytes, createPdf, openThemeFaces } from './create-pdf.js';
import { createFontSet } from './fonts.js';
import { layoutReport } from './layout-report.js';
import { createImageDrawer } from './image-drawer.js';
import { createLogoDrawer } from './logo.js';
import { paintPdf } from './paint/paint-pdf.js';
import { createMeasurer } from './text/metrics.js';
import type { PdfOptions } from './types.js';

/**
 * ReportDoc + chart assets (+ the briefing's images) → PDF bytes. Pure: reads only its arguments (and the
 * theme's font files), writes nothing, and takes every date from the IR.
 *
 * 1. collect and paginate: the page model (`layoutReport`), text measured with
 *    pdfkit's fonts
 * 2. paint: `paintPdf` draws the model and builds the structure tree
 */
export async function renderPdf(
  doc: ReportDoc,
  assets: ChartAssets,
  theme: Theme,
  options: PdfOptions,
): Promise<Buffer> {
  const faces = await openThemeFaces(theme);
  const pdf = createPdf(doc.meta, theme, options, faces);
  const bytes = collectBytes(pdf);
  const fonts = createFontSet(theme);
  const model = layoutReport(doc, assets, theme, options, createMeasurer(pdf, fonts));
  const logos = options.logos ?? {};
  const drawImage = await createImageDrawer(pdf, fonts, [
    ...[logos.dark, logos.light].filter((l) => l !== undefined),
    ...(options.images?.values() ?? []),
  ]);
  paintPdf(model, pdf, {
    fonts,
    theme,
    drawLogo: createLogoDrawer(drawImage),
    drawImage,
    xHeight: (path) => {
      const face = faces.get(path);
      return face ? face.xHeight / face.unitsPerEm : 0.5;
    },
  });
  pdf.end();
  return bytes;
}
