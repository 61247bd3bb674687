import type { Briefing, Figure, ImageSpec, Person, Source } from '../briefing/types.js';
import { figureStringsOf } from '../charts/figure-text.js';
import { resolveCharts } from '../charts/resolve-chart.js';
import type { ResolvedChart } from '../charts/types.js';
import type { ChartFacts, FactLookup, TableFacts } from '../document/fact-lookup.js';
import type { FigureStrings } from '../document/types.js';
import { formatCell } from '../locale/cells.js';
import type { Locale } from '../locale/locales.js';
import { defaultTheme } from '../theme/default-theme.js';

/**
 * The facts of a briefing, formatted once for its locale. Both the templates (through
 * helpers) and the Markdown parser (through FactLookup) read numbers from here, so the
 * report and the deck print the same string for the same figure.
 */
export interface Facts extends FactLookup {
  locale: Locale;
  figures: ReadonlyMap<string, { figure: Figure; text: FigureStrings }>;
  sources: ReadonlyMap<string, Source>;
  people: ReadonlyMap<string, Person>;
  charts: ReadonlyMap<string, ChartFacts>;
  tables: ReadonlyMap<string, TableFacts>;
  images: ReadonlyMap<string, ImageSpec>;
}

/** What the stages before compose already resolved: the figures' strings and the charts. */
export interface Resolved {
  /** Each figure's printed forms (charts/figure-text.ts), by id. */
  figures: ReadonlyMap<string, FigureStrings>;
  /** The briefing's charts, as the charts stage resolved them with the build's theme. */
  charts: readonly ResolvedChart[];
}

/**
 * The facts for a locale. Without `resolved`, the figures' strings are formatted here and
 * the charts resolved with the default theme (the tests and `validate` do so).
 */
export function resolveFacts(briefing: Briefing, locale: Locale, resolved?: Resolved): Facts {
  const strings = resolved?.figures ?? figureStringsOf(briefing, locale);
  const charts = resolved?.charts ?? resolveCharts(briefing, defaultTheme(), locale, strings);
  return {
    locale,
    figures: new Map(briefing.figures.map((f) => [f.id, { figure: f, text: strings.get(f.id)! }])),
    sources: new Map(briefing.sources.map((s) => [s.id, s])),
    people: new Map(briefing.people.map((p) => [p.id, p])),
    charts: new Map(charts.map((c) => [c.id, chartFacts(c)])),
    tables: new Map(
      briefing.tables.map((t) => [
        t.id,
        { table: t, cells: t.rows.map((row) => t.columns.map((c) => formatCell(c, row[c.id], locale))) },
      ]),
    ),
    images: new Map(briefing.images.map((image) => [image.id, image])),
  };
}

/**
 * What the document stage reads of a resolved chart: its title, the sources behind its
 * data (found once, by the charts stage's chartData, so a source that only a chart uses
 * is cited, numbered and listed like any other) and what its data labels are chosen from.
 */
export function chartFacts(chart: ResolvedChart): ChartFacts {
  return {
    title: chart.title,
    sourceIds: chart.sourceIds,
    labelling: {
      type: chart.type,
      categories: chart.categories,
      datasets: chart.datasets,
      stackTotals: chart.stackTotals,
      dataLabels: chart.dataLabels,
      room: chart.labelRoom,
    },
  };
}
