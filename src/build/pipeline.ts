import { validateBriefing } from '../briefing/validate.js';
import type { Briefing, LoadedBriefing } from '../briefing/types.js';
import { figureStringsOf } from '../charts/figure-text.js';
import { resolveCharts } from '../charts/resolve-chart.js';
import type { ChartAssets } from '../charts/types.js';
import type { DeckModel } from '../render/pptx/slide-model.js';
import { composeMarkdown, type ComposedMarkdown } from '../compose/compose.js';
import { resolveFacts } from '../compose/facts.js';
import type { TemplateSet } from '../compose/load-templates.js';
import {
  fitBriefingToFonts,
  fitDeckToFonts,
  fitReportToFonts,
  loadTextFitter,
} from '../document/fit-to-fonts.js';
import { dataLabelsByChart } from '../document/chart-labels.js';
import { createMeta } from '../document/meta.js';
import { parseDocuments } from '../document/parse-documents.js';
import type { DeckDoc, ReportDoc } from '../document/types.js';
import { getLocale } from '../locale/locales.js';
import type { ThemeLogos } from '../theme/logo.js';
import { deckChartTheme } from '../theme/merge-theme.js';
import type { Theme } from '../theme/types.js';
import type { Problem } from '../errors.js';
import { loadImageAssets } from '../images/load-image-assets.js';
import type { ImageAssets, ImageFiles } from '../images/types.js';

export type OutputFormat = 'pdf' | 'pptx';
export type Stage = 'validate' | 'compose' | 'parse' | 'charts' | 'pdf' | 'pptx';

export interface PipelineOptions {
  formats: readonly OutputFormat[];
  buildDate: Date;
  pageSize: 'A4' | 'Letter';
  deckCharts: 'native' | 'image';
  pdfa?: boolean;
  /** The theme's logos, read in the load stage (renderers never read the disk). */
  logos?: ThemeLogos;
  /** The briefing's image files, read in the load stage (readBriefingImages); checked and decoded here. */
  images?: ImageFiles;
  /** Called as each stage starts, for progress displays. */
  onStage?: (stage: Stage) => void;
}

export interface PipelineResult {
  briefing: Briefing;
  markdown: ComposedMarkdown;
  report: ReportDoc;
  deck: DeckDoc;
  pdf?: Buffer;
  pptx?: Buffer;
  /** The chart assets both renderers drew from (the preview replays their drawings as SVG). */
  assets: ChartAssets;
  /** The briefing's images, decoded once for both renderers. */
  images: ImageAssets;
  /** The slide model the deck was painted from, when a deck was made (the preview draws it). */
  deckModel?: DeckModel;
  /** Milliseconds per stage. */
  timings: Partial<Record<Stage, number>>;
  /** Located problems that did not stop the build, e.g. characters the fonts lack. */
  warnings: Problem[];
}

/**
 * The whole pipeline, written out in one place: validate → compose → parse →
 * charts → render. Pure apart from the renderers' CPU: no disk, no clock.
 */
export async function runPipeline(
  loaded: LoadedBriefing,
  templates: TemplateSet,
  theme: Theme,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const timings: PipelineResult['timings'] = {};
  const timed = async <T>(stage: Stage, work: () => T | Promise<T>): Promise<T> => {
    options.onStage?.(stage);
    const start = performance.now();
    const result = await work();
    timings[stage] = performance.now() - start;
    return result;
  };

  const fitter = await loadTextFitter(theme);
  const { briefing, warnings, images } = await timed('validate', async () => {
    // Characters the fonts lack become one visible mark in every output, with a located warning.
    const fitted = fitBriefingToFonts(
      validateBriefing(loaded),
      fitter,
      loaded.sourceMap,
      theme.fonts.body.family,
    );
    // Image files are checked (bytes, size, pixels) and decoded once, located at their `file:` lines.
    return {
      ...fitted,
      images: await loadImageAssets(fitted.briefing, options.images, loaded.sourceMap, theme),
    };
  });
  const locale = getLocale(briefing.locale);
  // Each figure's strings are formatted once, for text, key figures and charts alike; charts are
  // resolved before parse, so the document chooses their data labels (ChartBlock.dataLabels).
  const figures = figureStringsOf(briefing, locale);
  const charts = resolveCharts(briefing, theme, locale, figures);
  const facts = resolveFacts(briefing, locale, { figures, charts });
  const markdown = await timed('compose', () => composeMarkdown(briefing, facts, templates));
  const { report, deck } = await timed('parse', () => {
    const meta = createMeta(briefing, locale, options.buildDate);
    const docs = parseDocuments(markdown, meta, facts);
    return { report: fitReportToFonts(docs.report, fitter), deck: fitDeckToFonts(docs.deck, fitter) };
  });
  const wantPdf = options.formats.includes('pdf');
  const wantPptx = options.formats.includes('pptx');
  const assets: ChartAssets = await timed('charts', async () => {
    const { renderChartAssets } = await import('../charts/index.js');
    // Deck pictures of charts are drawn in the deck's colours, which may be dark.
    return renderChartAssets(briefing, theme, locale, {
      charts,
      labels: dataLabelsByChart([...report.blocks, ...deck.slides.flatMap((s) => s.blocks)]),
      drawing: wantPdf,
      // Native deck charts still need the PNG of a chart they cannot draw alike (an area with a gap).
      png: wantPptx && (options.deckCharts === 'image' ? true : 'where-needed'),
      pngTheme: deckChartTheme(theme),
    });
  });
  const result: PipelineResult = { briefing, markdown, report, deck, assets, images, timings, warnings };
  if (wantPdf) {
    result.pdf = await timed('pdf', async () => {
      const { renderPdf } = await import('../render/pdf/index.js');
      return renderPdf(report, assets, theme, {
        pageSize: options.pageSize,
        pdfa: options.pdfa ?? false,
        images,
        ...(options.logos && { logos: options.logos }),
      });
    });
  }
  if (wantPptx) {
    const deckResult = await timed('pptx', async () => {
      const { renderPptxWithModel } = await import('../render/pptx/index.js');
      return renderPptxWithModel(deck, assets, theme, {
        charts: options.deckCharts,
        images,
        ...(options.logos && { logos: options.logos }),
      });
    });
    result.pptx = deckResult.pptx;
    result.deckModel = deckResult.model;
  }
  return result;
}
