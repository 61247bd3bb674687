import { periodStart, type PeriodType } from '../briefing/periods.js';
import { dateTimeFormat } from '../locale/intl-cache.js';
import type { Locale } from '../locale/locales.js';
import { formatQuarter } from '../locale/cells.js';

/**
 * A time axis spaces points by real time: every period between the first and the last
 * gets a slot, so a missing month is a gap, not a shorter step. Dates are filled day by
 * day while the span stays readable (up to this many days); longer spans of irregular
 * dates keep one slot per row, in time order.
 */
export const MAX_FILLED_DAYS = 1_500;

export interface TimeSlots {
  /** Period indexes along the axis, in order. */
  slots: number[];
  /** The slot of each period index given. */
  slotOf: ReadonlyMap<number, number>;
}

export function timeSlots(type: PeriodType, indexes: readonly number[]): TimeSlots {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  const fill = type !== 'date' || last - first <= MAX_FILLED_DAYS;
  const slots = fill ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : sorted;
  return { slots, slotOf: new Map(slots.map((index, slot) => [index, slot])) };
}

/** Tick labels that fit the period and locale: "1 Feb", "Jun 2025", "черв. 2025", "Q2 2025", "2025". */
export function periodLabel(type: PeriodType, index: number, locale: Locale, withYear: boolean): string {
  const start = periodStart(type, index);
  switch (type) {
    case 'year':
      return String(start.getUTCFullYear());
    case 'quarter':
      return formatQuarter((index % 4) + 1, start.getUTCFullYear(), locale);
    case 'month':
      // Ukrainian adds "р." (year) after the number; an axis has no room for it.
      return dateTimeFormat(locale.dateTag, { month: 'short', year: 'numeric', timeZone: 'UTC' })
        .format(start)
        .replace(/\s*р\.$/u, '');
    case 'date':
      return dateTimeFormat(locale.dateTag, {
        day: 'numeric',
        month: 'short',
        year: withYear ? 'numeric' : undefined,
        timeZone: 'UTC',
      })
        .format(start)
        .replace(/\s*р\.$/u, '');
  }
}

/** Whether the slots run over more than one calendar year (dates then print their year). */
export function crossesYear(type: PeriodType, slots: readonly number[]): boolean {
  if (slots.length === 0) return false;
  const year = (i: number): number => periodStart(type, i).getUTCFullYear();
  return year(slots[0]!) !== year(slots[slots.length - 1]!);
}
