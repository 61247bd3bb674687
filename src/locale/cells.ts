import { columnType } from '../briefing/check-tables.js';
import { parsePeriod, periodStart } from '../briefing/periods.js';
import type { Column } from '../briefing/types.js';
import { dateTimeFormat } from './intl-cache.js';
import type { Locale } from './locales.js';
import { formatAmount } from './values.js';

/**
 * A table cell as both outputs print it, from its column: numbers with the column's
 * unit, scale and decimals ("$4 million", "98.6%"), periods per locale ("9 Jul 2025",
 * "June 2025", "Q2 2025"), text as written. An empty cell prints empty, never 0 or "—".
 */
export function formatCell(column: Column, value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return '';
  const type = columnType(column);
  switch (type) {
    case 'text':
      return String(value);
    case 'number':
      return typeof value === 'number' || Array.isArray(value)
        ? formatAmount(value as number | [number, number], { ...column, unit: column.unit ?? '' }, locale)
            .text
        : String(value);
    case 'date':
    case 'month':
    case 'quarter':
    case 'year': {
      const index = parsePeriod(type, value);
      if (index === undefined) return String(value);
      const start = periodStart(type, index);
      if (type === 'year') return String(start.getUTCFullYear());
      if (type === 'quarter') return formatQuarter((index % 4) + 1, start.getUTCFullYear(), locale);
      const options: Intl.DateTimeFormatOptions =
        type === 'month'
          ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
          : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
      return dateTimeFormat(locale.dateTag, options).format(start);
    }
  }
}

/** Numbers read down a column by their last digit: right-aligned; everything else left. */
export function cellAlign(column: Column): 'left' | 'right' {
  return columnType(column) === 'number' ? 'right' : 'left';
}

/** "Q2 2025"; in Ukrainian "II кв. 2025" (Intl has no quarter format). */
export function formatQuarter(quarter: number, year: number, locale: Locale): string {
  if (locale.lang === 'uk') return `${['I', 'II', 'III', 'IV'][quarter - 1] ?? quarter} кв. ${year}`;
  return `Q${quarter} ${year}`;
}
