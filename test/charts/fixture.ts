import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { briefingSchema, chartSchema } from '../../src/briefing/schema.js';
import type { Briefing, ChartSpec } from '../../src/briefing/types.js';
import { resolveChart } from '../../src/charts/resolve-chart.js';
import type { LabelledChart, ResolvedChart } from '../../src/charts/types.js';
import { chartFacts } from '../../src/compose/facts.js';
import { planDataLabels } from '../../src/document/chart-labels.js';
import { getLocale, type Locale } from '../../src/locale/locales.js';
import { defaultTheme } from '../../src/theme/default-theme.js';

/**
 * The synthetic chart fixture: made-up numbers, clearly labelled as such, that
 * exercise every chart type. Never real data, so never presented as fact.
 */
const fixtureFile = fileURLToPath(new URL('../fixtures/charts/synthetic-charts.yaml', import.meta.url));

export const theme = defaultTheme();
export const en = getLocale('en');
export const uk = getLocale('uk');

export function syntheticBriefing(): Briefing {
  return briefingSchema.parse(parse(readFileSync(fixtureFile, 'utf8')));
}

/** A chart spec with the schema's defaults filled in. */
export function spec(input: Record<string, unknown>): ChartSpec {
  return chartSchema.parse({ id: 'test-chart', title: 'Test chart', ...input });
}

/** The fixture with its charts replaced, so a test can point at one spec by index. */
export function withCharts(briefing: Briefing, charts: ChartSpec[]): Briefing {
  return { ...briefing, charts };
}

export function chartById(briefing: Briefing, id: string): ChartSpec {
  const found = briefing.charts.find((c) => c.id === id);
  if (!found) throw new Error(`fixture has no chart "${id}"`);
  return found;
}

/** A resolved chart with the labels the document's policy gives it, as a build draws it. */
export function labelled(chart: ResolvedChart): LabelledChart {
  return { ...chart, labels: planDataLabels(chartFacts(chart).labelling) };
}

/** A chart of a briefing, resolved and labelled as a build draws it. */
export function resolveLabelled(briefing: Briefing, id: string, locale: Locale = en): LabelledChart {
  return labelled(resolveChart(chartById(briefing, id), briefing, theme, locale));
}
