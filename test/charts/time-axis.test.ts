import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/briefing/periods.js';
import { MAX_FILLED_SLOTS, timeSlots } from '../../src/charts/time-axis.js';

const day = (iso: string): number => parsePeriod('date', iso)!;

describe('time slots', () => {
  it('fills every period of a short span, so a missing one is a gap', () => {
    const { slots, scale } = timeSlots('month', [
      parsePeriod('month', '2025-01')!,
      parsePeriod('month', '2025-04')!,
    ]);
    expect(slots).toHaveLength(4);
    expect(scale).toBeUndefined();
  });

  it('places the dates of a long span by real time, with year ticks that fit', () => {
    const dates = ['2015-03-14', '2015-03-15', '2019-07-01', '2024-12-31'].map(day);
    const { slots, slotOf, scale } = timeSlots('date', dates);
    // One slot per date given, not one per day of the ten years.
    expect(slots).toEqual(dates);
    expect(slotOf.get(dates[2]!)).toBe(2);
    expect(scale!.positions).toEqual(dates);
    expect(scale!.ticks.map((tick) => tick.label)).toEqual(['2015', '2017', '2019', '2021', '2023']);
    expect(scale!.ticks.map((tick) => tick.at)).toEqual(
      ['2015', '2017', '2019', '2021', '2023'].map((y) => day(`${y}-01-01`)),
    );
    expect([scale!.min, scale!.max, scale!.stepYears]).toEqual([day('2015-01-01'), day('2024-12-31'), 2]);
  });

  it('steps ticks by decades and centuries over long runs of years, months and quarters', () => {
    // 125 years are 125 slots, filled; 1,512 months are too many.
    expect(timeSlots('year', [1901, 1950, 2025]).scale).toBeUndefined();
    const months = timeSlots('month', [
      parsePeriod('month', '1900-06')!,
      parsePeriod('month', '2026-06')!,
    ]).scale!;
    expect(months.stepYears).toBe(20);
    expect(months.ticks[0]!.label).toBe('1900');
    expect(months.ticks.length).toBeLessThanOrEqual(8);
  });

  it('starts filling again below the limit, and keeps a long span before 1900 one slot per date', () => {
    const start = day('2020-01-01');
    expect(timeSlots('date', [start, start + MAX_FILLED_SLOTS]).slots).toHaveLength(MAX_FILLED_SLOTS + 1);
    const old = timeSlots('date', [day('1850-01-01'), day('1860-01-01')]);
    expect(old.slots).toHaveLength(2);
    expect(old.scale).toBeUndefined();
  });

  it('is bounded by the dates given, not by the span', () => {
    const started = performance.now();
    const { slots, scale } = timeSlots('date', [day('1900-03-01'), day('9999-12-31')]);
    expect(slots).toHaveLength(2);
    expect(scale!.ticks.length).toBeLessThanOrEqual(8);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
