import type { Briefing, ChartSpec, Figure, ImageSpec, Person, Source } from '../briefing/types.js';
import type { ChartFacts, FactLookup, TableFacts } from '../document/fact-lookup.js';
import { formatCell } from '../locale/cells.js';
import { formatFigure, type FormattedFigure } from '../locale/format.js';
import type { Locale } from '../locale/locales.js';

/**
 * The facts of a briefing, formatted once for its locale. Both the templates (through
 * helpers) and the Markdown parser (through FactLookup) read numbers from here, so the
 * report and the deck print the same string for the same figure.
 */
export interface Facts extends FactLookup {
  locale: Locale;
  figures: ReadonlyMap<string, { figure: Figure; formatted: FormattedFigure }>;
  sources: ReadonlyMap<string, Source>;
  people: ReadonlyMap<string, Person>;
  charts: ReadonlyMap<string, ChartFacts>;
  tables: ReadonlyMap<string, TableFacts>;
  images: ReadonlyMap<string, ImageSpec>;
}

export function resolveFacts(briefing: Briefing, locale: Locale): Facts {
  return {
    locale,
    figures: new Map(briefing.figures.map((f) => [f.id, { figure: f, formatted: formatFigure(f, locale) }])),
    sources: new Map(briefing.sources.map((s) => [s.id, s])),
    people: new Map(briefing.people.map((p) => [p.id, p])),
    charts: new Map(
      briefing.charts.map((c) => [c.id, { title: c.title, sourceIds: chartSourceIds(c, briefing) }]),
    ),
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
 * The sources behind a chart's data, each once, in the order the data cites them:
 * its figures' sources, or its series' source. The parser cites them, so a source
 * that only a chart uses is numbered and listed like any other.
 */
export function chartSourceIds(spec: ChartSpec, briefing: Briefing): string[] {
  const figureSources = (ids: readonly string[]) =>
    ids.map((id) => briefing.figures.find((f) => f.id === id)?.source);
  const table = briefing.tables.find((t) => t.id === spec.table);
  const ids =
    spec.figures !== undefined
      ? figureSources(spec.figures)
      : spec.datasets !== undefined
        ? spec.datasets.flatMap((d) => figureSources(d.figures))
        : table !== undefined
          ? [table.source, ...table.rows.flatMap((row) => row.sources ?? [])]
          : [briefing.series.find((s) => s.id === spec.series)?.source];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}
