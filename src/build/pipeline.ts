import { validateBriefing } from '../briefing/validate.js';
import type { Briefing, LoadedBriefing } from '../briefing/types.js';
import type { ChartAssets } from '../charts/types.js';
import { composeMarkdown, type ComposedMarkdown } from '../compose/compose.js';
import { resolveFacts } from '../compose/facts.js';
import type { TemplateSet } from '../compose/load-templates.js';
import { CitationRegistry } from '../document/citations.js';
import { createMeta } from '../document/meta.js';
import { parseDeck } from '../document/parse-deck.js';
import { parseReport } from '../document/parse-report.js';
import type { DeckDoc, ReportDoc } from '../document/types.js';
import { getLocale } from '../locale/locales.js';
import type { Theme } from '../theme/types.js';

export type OutputFormat = 'pdf' | 'pptx';
export type Stage = 'validate' | 'compose' | 'parse' | 'charts' | 'pdf' | 'pptx';

export interface PipelineOptions {
  formats: readonly OutputFormat[];
  buildDate: Date;
  pageSize: 'A4' | 'Letter';
  deckCharts: 'native' | 'image';
  pdfa?: boolean;
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
  /** Milliseconds per stage. */
  timings: Partial<Record<Stage, number>>;
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

  const briefing = await timed('validate', () => validateBriefing(loaded));
  const locale = getLocale(briefing.locale);
  const facts = resolveFacts(briefing, locale);
  const markdown = await timed('compose', () => composeMarkdown(briefing, facts, templates));
  const { report, deck } = await timed('parse', () => {
    const meta = createMeta(briefing, locale, options.buildDate);
    // One registry: the report numbers sources first, the deck reuses its numbers.
    const citations = new CitationRegistry(facts);
    const reportDoc = parseReport(markdown.report, meta, facts, citations);
    const deckDoc = parseDeck(markdown.deck, meta, facts, citations);
    return { report: reportDoc, deck: deckDoc };
  });
  const wantPdf = options.formats.includes('pdf');
  const wantPptx = options.formats.includes('pptx');
  const assets: ChartAssets = await timed('charts', async () => {
    const { renderChartAssets } = await import('../charts/index.js');
    return renderChartAssets(briefing, theme, locale, { png: wantPptx && options.deckCharts === 'image' });
  });
  const result: PipelineResult = { briefing, markdown, report, deck, timings };
  if (wantPdf) {
    result.pdf = await timed('pdf', async () => {
      const { renderPdf } = await import('../render/pdf/index.js');
      return renderPdf(report, assets, theme, { pageSize: options.pageSize, pdfa: options.pdfa ?? false });
    });
  }
  if (wantPptx) {
    result.pptx = await timed('pptx', async () => {
      const { renderPptx } = await import('../render/pptx/index.js');
      return renderPptx(deck, assets, theme, { charts: options.deckCharts });
    });
  }
  return result;
}
