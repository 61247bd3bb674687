import { periodStart, type PeriodType } from '../briefing/periods.js';
import { dateTimeFormat } from '../locale/intl-cache.js';
import type { Locale } from '../locale/locales.js';
import { formatQuarter } from '../locale/cells.js';

/**
 * A time axis spaces points by real time. While the span is short (up to this many
 * periods: four years of days, any run of months a chart shows) every period between
 * the first and the last gets a slot, so a missing month is a gap, not a shorter step.
 * A longer span (ten years of daily data, centuries of years) keeps one slot per period
 * given, each placed at its real date on a linear axis with year ticks (see TimeScale):
 * bounded by the rows, not by the span.
 */
export const MAX_FILLED_SLOTS = 1_500;

/** The first day a deck's date axis can show: Excel's serial dates start on 1900-01-01. */
const FIRST_SERIAL_DAY = Date.UTC(1900, 0, 1) / 86_400_000;

/**
 * Where the slots of a long span sit: days since 1970 (the start of each period), the
 * axis range, and year ticks every `stepYears` years from 1 January of the first year.
 * Both outputs place points and ticks from these numbers (the PDF on a linear axis, the
 * deck on a date axis), so they agree.
 */
export interface TimeScale {
  positions: number[];
  min: number;
  max: number;
  stepYears: number;
  ticks: { at: number; label: string }[];
}

export interface TimeSlots {
  /** Period indexes along the axis, in order. */
  slots: number[];
  /** The slot of each period index given. */
  slotOf: ReadonlyMap<number, number>;
  /** Set when the span is too long to fill: the slots are placed by real time. */
  scale?: TimeScale;
}

export function timeSlots(type: PeriodType, indexes: readonly number[]): TimeSlots {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  const fill = last - first <= MAX_FILLED_SLOTS;
  const spaced = fill ? [] : withBreaks(sorted);
  const scale = fill ? undefined : timeScale(type, spaced);
  const slots = fill
    ? Array.from({ length: last - first + 1 }, (_, i) => first + i)
    : scale
      ? spaced
      : sorted;
  const slotOf = new Map(slots.map((index, slot) => [index, slot]));
  return { slots, slotOf, ...(scale !== undefined && { scale }) };
}

/**
 * The periods, with an empty slot (the period after the last one given) wherever the
 * data skips more than three of its usual steps: a missing year of weekly data breaks
 * the line there, as a missing month does on a filled axis, instead of bridging it.
 */
function withBreaks(sorted: readonly number[]): number[] {
  const steps = sorted.slice(1).map((index, i) => index - sorted[i]!);
  const usual = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0;
  return sorted.flatMap((index, i) => {
    const step = steps[i];
    return step !== undefined && step > 3 * usual && step > 1 ? [index, index + 1] : [index];
  });
}

const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];
const MAX_TICKS = 8;

/**
 * Day positions and year ticks for a long span; undefined before 1900, which a deck's
 * date axis cannot show (the slots then stay one per period, evenly spaced, in both).
 */
function timeScale(type: PeriodType, slots: readonly number[]): TimeScale | undefined {
  const day = (slot: number): number => Math.round(periodStart(type, slot).getTime() / 86_400_000);
  const positions = slots.map(day);
  const min = positions[0] ?? 0;
  const max = positions[positions.length - 1] ?? 0;
  const firstYear = new Date(min * 86_400_000).getUTCFullYear();
  // The axis starts on 1 January of the first year (see below).
  if (Date.UTC(firstYear, 0, 1) / 86_400_000 < FIRST_SERIAL_DAY) return undefined;
  const lastYear = new Date(max * 86_400_000).getUTCFullYear();
  const stepYears =
    YEAR_STEPS.find((step) => Math.floor((lastYear - firstYear) / step) + 1 <= MAX_TICKS) ?? 10_000;
  const ticks: TimeScale['ticks'] = [];
  for (let year = firstYear; year <= lastYear; year += stepYears) {
    ticks.push({ at: Date.UTC(year, 0, 1) / 86_400_000, label: String(year) });
  }
  // The axis starts on the first tick: a deck's date axis counts its major units from there.
  return { positions, min: ticks[0]?.at ?? min, max, stepYears, ticks };
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
