import type { Briefing, Figure, Person, Source, Table } from '../briefing/types.js';
import { formatCell } from '../locale/cells.js';
import { formatDate, formatFigure, type FormattedFigure } from '../locale/format.js';
import type { Locale } from '../locale/locales.js';

/**
 * The facts of a briefing, formatted once for its locale. Both the templates (through
 * helpers) and the Markdown parser read numbers from here, so the report and the deck
 * print the same string for the same figure.
 */
export interface Facts {
  locale: Locale;
  figures: ReadonlyMap<string, { figure: Figure; formatted: FormattedFigure }>;
  sources: ReadonlyMap<string, Source>;
  people: ReadonlyMap<string, Person>;
  charts: ReadonlyMap<string, { title: string }>;
  /** Tables with every cell formatted from its column, row by row in column order. */
  tables: ReadonlyMap<string, { table: Table; cells: string[][] }>;
}

export function resolveFacts(briefing: Briefing, locale: Locale): Facts {
  return {
    locale,
    figures: new Map(briefing.figures.map((f) => [f.id, { figure: f, formatted: formatFigure(f, locale) }])),
    sources: new Map(briefing.sources.map((s) => [s.id, s])),
    people: new Map(briefing.people.map((p) => [p.id, p])),
    charts: new Map(briefing.charts.map((c) => [c.id, { title: c.title }])),
    tables: new Map(
      briefing.tables.map((t) => [
        t.id,
        { table: t, cells: t.rows.map((row) => t.columns.map((c) => formatCell(c, row[c.id], locale))) },
      ]),
    ),
  };
}

/** "Reuters", or "TASS (as cited by Reuters)". */
export function sourceLabel(source: Source, facts: Facts): string {
  const via = source.citedBy ? facts.sources.get(source.citedBy) : undefined;
  return via ? `${source.publisher} (via ${via.publisher})` : source.publisher;
}

export function sourceDate(source: Source, facts: Facts): string | undefined {
  return source.date ? formatDate(source.date, facts.locale) : undefined;
}
