import type { Briefing, ChartType } from '../briefing/types.js';
import { unknownIdMessage } from '../unknown-id.js';
import { fail } from '../errors.js';
import type { Locale } from '../locale/locales.js';
import { getChartWords } from './chart-words.js';

/** One category of a figure chart as alt text reads it: "Drones", "about $800 billion". */
export interface DescribedValue {
  category: string;
  text: string;
}

/** "Bar chart: Drones 420; Missiles 39. Source: Reuters." */
export function describeFigureChart(
  type: ChartType,
  values: readonly DescribedValue[],
  sourceLine: string,
  locale: Locale,
): string {
  const words = getChartWords(locale);
  const list = values.map((v) => `${v.category} ${v.text}`).join('; ');
  return `${words.types[type]}: ${list}. ${sentence(sourceLine)}`;
}

export interface DescribedMeasure {
  label: string;
  /** null: no value for that period. */
  values: readonly (number | null)[];
  format: (value: number) => string;
}

/**
 * "Line chart: Nightly strikes, from 1 Feb 2026 to 28 Feb 2026, 28 points.
 * Drones: lowest 120, highest 600, last 420. Synthetic data. Source: X." — the shape
 * of the data in words, since a screen reader cannot see the line.
 */
export function describeSeriesChart(
  type: ChartType,
  subject: string,
  span: { first: string; last: string },
  points: number,
  measures: readonly DescribedMeasure[],
  synthetic: boolean,
  sourceLine: string,
  locale: Locale,
): string {
  const words = getChartWords(locale);
  const range = span.first !== span.last ? words.range(span.first, span.last) : span.first;
  const parts = measures.map((m) => {
    const given = m.values.filter((v): v is number => v !== null);
    if (given.length === 0) return `${m.label}: –.`;
    const low = m.format(Math.min(...given));
    const high = m.format(Math.max(...given));
    const latest = m.format(given[given.length - 1]!);
    return `${m.label}: ${words.summary(low, high, latest)}.`;
  });
  const warning = synthetic ? `${words.synthetic}. ` : '';
  return `${words.types[type]}: ${subject}, ${range}, ${words.points(points)}. ${parts.join(' ')} ${warning}${sentence(sourceLine)}`;
}

export interface ChartSources {
  /** "Source: Reuters" or "Sources: Reuters; The Associated Press". */
  line: string;
  ids: string[];
}

/**
 * The sources behind a chart, by publisher, each named once in the order the
 * data cites them. `at` names where each source id was given, for the error.
 */
export function chartSources(
  refs: readonly { sourceId: string; at: string }[],
  briefing: Briefing,
  locale: Locale,
): ChartSources {
  const ids: string[] = [];
  const publishers: string[] = [];
  for (const ref of refs) {
    const source = briefing.sources.find((s) => s.id === ref.sourceId);
    if (!source) {
      fail('VALIDATION_ERROR', {
        path: ref.at,
        message: unknownIdMessage('source', ref.sourceId),
        expected: 'the id of an entry in `sources`',
      });
    }
    if (!ids.includes(source.id)) ids.push(source.id);
    if (!publishers.includes(source.publisher)) publishers.push(source.publisher);
  }
  const label = publishers.length === 1 ? locale.labels.source : locale.labels.sources;
  return { line: `${label}: ${publishers.join('; ')}`, ids };
}

/** Ends a clause with a full stop unless it already has one. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
