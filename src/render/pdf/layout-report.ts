import type { ChartAssets } from '../../charts/types.js';
import type { ReportDoc } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';
import { collect, createLayoutContext } from './collect.js';
import { layoutCover } from './cover.js';
import { createFontSet } from './fonts.js';
import { layoutFurniture } from './furniture.js';
import { getPageGeometry } from './geometry.js';
import type { ReportModel } from './page-model.js';
import { paginate } from './paginate.js';
import { collectHeadings, prepareBlocks } from './prepare.js';
import { documentNode } from './structure.js';
import type { Measurer } from './text/metrics.js';
import { headingPages, layoutToc, layoutTocPages } from './toc.js';
import type { PdfOptions } from './types.js';

/**
 * ReportDoc + chart assets → the report's page model: collect (cover, contents and
 * body laid out as boxes) and paginate (the body's flowables onto pages; the contents'
 * page numbers and the page furniture follow from them), as plain data. Pure once the
 * measurer is given; no painter involved.
 */
export function layoutReport(
  doc: ReportDoc,
  assets: ChartAssets,
  theme: Theme,
  options: PdfOptions,
  measure: Measurer,
): ReportModel {
  const blocks = prepareBlocks(doc);
  const page = getPageGeometry(options.pageSize, theme);
  const fonts = createFontSet(theme);
  const images = options.images ?? new Map();
  const ctx = createLayoutContext({ doc, blocks, assets, images, theme, fonts, measure, page });
  const logos = options.logos ?? {};
  const root = documentNode(doc.meta.lang);
  const cover = { boxes: layoutCover(ctx, root, logos.dark) };
  const toc = layoutToc(ctx, collectHeadings(blocks));
  // The contents' heading is painted with its entries, after the body, but precedes them.
  const sect = ctx.struct.local(root, 'Sect');
  const tocNodes = { sect, heading: ctx.struct.local(sect, 'H1'), toc: ctx.struct.local(sect, 'TOC') };
  const bodyPages = paginate(page, collect(ctx, blocks, root));
  const firstBodyIndex = 1 + toc.pageCount;
  const pageCount = firstBodyIndex + bodyPages.length;
  return {
    root,
    cover,
    contents: {
      nodes: toc.pageCount > 0 ? [tocNodes.sect, tocNodes.heading, tocNodes.toc] : [],
      pages: layoutTocPages(ctx, toc, headingPages(bodyPages, firstBodyIndex + 1), tocNodes),
    },
    body: { nodes: ctx.struct.declared, pages: bodyPages },
    furniture: Array.from({ length: pageCount - 1 }, (_, i) => ({
      boxes: layoutFurniture(ctx, i + 1, pageCount, logos.light),
    })),
  };
}
