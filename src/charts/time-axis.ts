import { periodStart, type PeriodType } from '../briefing/periods.js';
import { dateTimeFormat } from '../locale/intl-cache.js';
import type { Locale } from '../locale/locales.js';
import { formatQuarter } from '../locale/cells.js';

/**
 * A time axis spaces points by real time. Data given period by period (its usual step is
 * one period: every month, every day) over a span of up to this many periods gets a slot
 * for every period between the first and the last, so a missing month is a gap, not a
 * shorter step. Sparser data (price caps every six months, quarterly readings on a date
 * column) and longer spans keep one slot per period given, each placed at its real date
 * on a linear axis with ticks at month or year starts (see TimeScale): only an empty cell,
 * or a skip of more than three usual steps, breaks a line; and the slots are bounded by
 * the rows, not by the span.
 */
export const MAX_FILLED_SLOTS = 1_500;

/** The first day a deck's date axis can show: Excel's serial dates start on 1900-01-01. */
const FIRST_SERIAL_DAY = Date.UTC(1900, 0, 1) / 86_400_000;
const DAY_MS = 86_400_000;

/** What the ticks of a time scale count: days, calendar months or calendar years. */
export type TickUnit = 'days' | 'months' | 'years';

/**
 * Where the slots of a time scale sit: days since 1970 (the start of each period), the
 * axis range, and ticks every `tickStep` `tickUnit`s from the axis minimum (a month or
 * year start). Both outputs place points and ticks from these numbers (the PDF on a
 * linear axis, the deck on a date axis with `formatCode`, which prints the ticks' labels).
 */
export interface TimeScale {
  positions: number[];
  min: number;
  max: number;
  tickUnit: TickUnit;
  tickStep: number;
  /** Excel number format of the deck's date axis, printing what `ticks[].label` says. */
  formatCode: string;
  ticks: { at: number; label: string }[];
}

export interface TimeSlots {
  /** Period indexes along the axis, in order. */
  slots: number[];
  /** The slot of each period index given. */
  slotOf: ReadonlyMap<number, number>;
  /** Set when the slots are placed by real time rather than one per period. */
  scale?: TimeScale;
}

export function timeSlots(type: PeriodType, indexes: readonly number[], locale: Locale): TimeSlots {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  // Two periods tell no usual step: they are filled as before (a short span only).
  const dense = sorted.length < 3 || usualStep(sorted, 'lower') <= 1;
  const fill = dense && last - first <= MAX_FILLED_SLOTS;
  const spaced = fill ? [] : withBreaks(sorted);
  const scale = fill ? undefined : timeScale(type, spaced, locale);
  const slots = fill
    ? Array.from({ length: last - first + 1 }, (_, i) => first + i)
    : scale
      ? spaced
      : sorted;
  const slotOf = new Map(slots.map((index, slot) => [index, slot]));
  return { slots, slotOf, ...(scale !== undefined && { scale }) };
}

/**
 * The median step between the periods given, in periods; of an even count, the lower or
 * the upper middle one (data given period by period with as many skips as steps is dense).
 */
function usualStep(sorted: readonly number[], middle: 'lower' | 'upper'): number {
  const steps = sorted
    .slice(1)
    .map((index, i) => index - sorted[i]!)
    .sort((a, b) => a - b);
  return steps[middle === 'lower' ? Math.floor((steps.length - 1) / 2) : Math.floor(steps.length / 2)] ?? 0;
}

/**
 * The periods, with an empty slot (the period after the last one given) wherever the
 * data skips more than three of its usual steps: a missing year of weekly data breaks
 * the line there, as a missing month does on a filled axis, instead of bridging it.
 */
function withBreaks(sorted: readonly number[]): number[] {
  const usual = usualStep(sorted, 'upper');
  return sorted.flatMap((index, i) => {
    const step = i + 1 < sorted.length ? sorted[i + 1]! - index : undefined;
    return step !== undefined && step > 3 * usual && step > 1 ? [index, index + 1] : [index];
  });
}

/** Tick steps from the finest to the coarsest: the first that gives at most MAX_TICKS is used. */
const TICK_STEPS: { unit: TickUnit; step: number }[] = [
  ...[1, 2, 7, 14].map((step) => ({ unit: 'days' as const, step })),
  ...[1, 2, 3, 6].map((step) => ({ unit: 'months' as const, step })),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000].map((step) => ({
    unit: 'years' as const,
    step,
  })),
];
const MAX_TICKS = 8;
const APPROX_DAYS: Record<TickUnit, number> = { days: 1, months: 30.44, years: 365.25 };

const monthOf = (day: number): number => {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};
const monthStart = (month: number): number => Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;

/** The first tick (the axis minimum) and the number of ticks up to `max`. */
function tickRun(unit: TickUnit, step: number, min: number, max: number): { start: number; count: number } {
  switch (unit) {
    case 'days':
      return { start: min, count: Math.floor((max - min) / step) + 1 };
    case 'months': {
      // Aligned to the calendar: quarters start in January, April, July and October.
      const first = Math.floor(monthOf(min) / step) * step;
      return { start: first, count: Math.floor((monthOf(max) - first) / step) + 1 };
    }
    case 'years': {
      const first = new Date(min * DAY_MS).getUTCFullYear();
      const last = new Date(max * DAY_MS).getUTCFullYear();
      return { start: first, count: Math.floor((last - first) / step) + 1 };
    }
  }
}

/**
 * Day positions and ticks that fit the span; undefined before 1900, which a deck's date
 * axis cannot show (the slots then stay one per period, evenly spaced, in both).
 */
function timeScale(type: PeriodType, slots: readonly number[], locale: Locale): TimeScale | undefined {
  const day = (slot: number): number => Math.round(periodStart(type, slot).getTime() / DAY_MS);
  const positions = slots.map(day);
  const min = positions[0] ?? 0;
  const max = positions[positions.length - 1] ?? 0;
  // Days only for dates (a month column never ticks mid-month), months not for years.
  const units: TickUnit[] =
    type === 'date' ? ['days', 'months', 'years'] : type === 'year' ? ['years'] : ['months', 'years'];
  // Ticks no closer than the data's usual step: quarterly points get quarter ticks, not every 2 months.
  const usual = Math.min(usualStep(positions, 'lower'), APPROX_DAYS.years);
  const choice =
    TICK_STEPS.find(
      (s) =>
        units.includes(s.unit) &&
        APPROX_DAYS[s.unit] * s.step >= 0.9 * usual &&
        tickRun(s.unit, s.step, min, max).count <= MAX_TICKS,
    ) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const { start, count } = tickRun(choice.unit, choice.step, min, max);
  const withYear = new Date(min * DAY_MS).getUTCFullYear() !== new Date(max * DAY_MS).getUTCFullYear();
  const ticks: TimeScale['ticks'] = [];
  for (let k = 0; k < count; k += 1) {
    const n = start + k * choice.step;
    switch (choice.unit) {
      case 'days':
        ticks.push({ at: n, label: periodLabel('date', n, locale, withYear) });
        break;
      case 'months':
        ticks.push({ at: monthStart(n), label: periodLabel('month', n, locale, true) });
        break;
      case 'years':
        ticks.push({ at: Date.UTC(n, 0, 1) / DAY_MS, label: String(n) });
        break;
    }
  }
  // The axis starts on the first tick: a deck's date axis counts its major units from there.
  const axisMin = ticks[0]?.at ?? min;
  if (axisMin < FIRST_SERIAL_DAY) return undefined;
  return {
    positions,
    min: axisMin,
    max,
    tickUnit: choice.unit,
    tickStep: choice.step,
    formatCode: dateFormatCode(choice.unit, withYear, locale),
    ticks,
  };
}

/**
 * The Excel format of the deck's date axis that prints the PDF's tick labels: "yyyy",
 * "mmm yyyy" ("Apr 2021"), "d mmm" ("14 Oct"), in the locale's language (an LCID prefix:
 * PowerPoint and LibreOffice then name months as the locale does, near the PDF's
 * Intl forms; Ukrainian may differ in the abbreviation's dot).
 */
function dateFormatCode(unit: TickUnit, withYear: boolean, locale: Locale): string {
  const lcid = LCIDS[locale.dateTag] ?? '';
  switch (unit) {
    case 'years':
      return 'yyyy';
    case 'months':
      return `${lcid}mmm yyyy`;
    case 'days':
      return `${lcid}${locale.dateTag === 'en-US' ? 'mmm d' : 'd mmm'}${withYear ? (locale.dateTag === 'en-US' ? ', yyyy' : ' yyyy') : ''}`;
  }
}

const LCIDS: Record<string, string> = { 'en-GB': '[$-809]', 'en-US': '[$-409]', uk: '[$-422]' };

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
