import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/briefing/periods.js';
import { MAX_FILLED_SLOTS, timeSlots as slotsIn } from '../../src/charts/time-axis.js';
import { getLocale } from '../../src/locale/locales.js';

const en = getLocale('en');
const timeSlots = (type: Parameters<typeof slotsIn>[0], indexes: number[]) => slotsIn(type, indexes, en);

const day = (iso: string): number => parsePeriod('date', iso)!;

describe('time slots', () => {
  it('fills every period of a short span, so a missing one is a gap', () => {
    const { slots, scale } = timeSlots(
      'month',
      ['2025-01', '2025-02', '2025-04'].map((m) => parsePeriod('month', m)!),
    );
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
    expect([scale!.min, scale!.max, scale!.tickUnit, scale!.tickStep]).toEqual([
      day('2015-01-01'),
      day('2024-12-31'),
      'years',
      2,
    ]);
  });

  it('steps ticks by decades and centuries over long runs of years, months and quarters', () => {
    // 125 years given year by year are filled; a few years over them are placed by time.
    expect(timeSlots('year', [1901, 1902, 1903, 2025]).scale).toBeUndefined();
    const years = timeSlots('year', [1901, 1950, 2025]).scale!;
    expect(years.ticks.map((tick) => tick.label)).toEqual([
      '1901',
      '1921',
      '1941',
      '1961',
      '1981',
      '2001',
      '2021',
    ]);
    // 1,512 months are too many to fill.
    const months = timeSlots('month', [
      parsePeriod('month', '1900-06')!,
      parsePeriod('month', '2026-06')!,
    ]).scale!;
    expect([months.tickUnit, months.tickStep]).toEqual(['years', 20]);
    expect(months.ticks[0]!.label).toBe('1900');
    expect(months.ticks.length).toBeLessThanOrEqual(8);
  });

  it('starts filling again below the limit, and keeps a long span before 1900 one slot per date', () => {
    const start = day('2020-01-01');
    const dense = [start, start + 1, start + MAX_FILLED_SLOTS];
    expect(timeSlots('date', dense).slots).toHaveLength(MAX_FILLED_SLOTS + 1);
    const old = timeSlots('date', [day('1850-01-01'), day('1855-01-01'), day('1860-01-01')]);
    expect(old.slots).toHaveLength(3);
    expect(old.scale).toBeUndefined();
  });

  it('is bounded by the dates given, not by the span', () => {
    const started = performance.now();
    const { slots, scale } = timeSlots('date', [day('1900-03-01'), day('9999-12-31')]);
    expect(slots).toHaveLength(2);
    expect(scale!.ticks.length).toBeLessThanOrEqual(8);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('places sparse dates by real time, with month ticks, and breaks only at empty cells', () => {
    // Price caps every six months, then quarterly (QA /tmp/qa/iso/v3.yaml): 7 slots, not 821 days.
    const caps = [
      '2021-04-01',
      '2021-10-01',
      '2022-04-01',
      '2022-10-01',
      '2023-01-01',
      '2023-04-01',
      '2023-07-01',
    ];
    const { slots, scale } = timeSlots('date', caps.map(day));
    expect(slots).toEqual(caps.map(day));
    expect(scale!.positions).toEqual(caps.map(day));
    expect([scale!.tickUnit, scale!.tickStep]).toEqual(['months', 6]);
    expect(scale!.ticks.map((tick) => tick.label)).toEqual([
      'Jan 2021',
      'Jul 2021',
      'Jan 2022',
      'Jul 2022',
      'Jan 2023',
      'Jul 2023',
    ]);
    expect(scale!.min).toBe(day('2021-01-01'));
    expect(scale!.formatCode).toBe('[$-809]mmm yyyy');
  });

  it('ticks a few weeks of sparse dates by days, a quarterly month column by quarters', () => {
    const weekly = timeSlots(
      'date',
      ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-31'].map(day),
    ).scale!;
    expect([weekly.tickUnit, weekly.tickStep]).toEqual(['days', 7]);
    expect(weekly.ticks[0]!.label).toBe('3 Mar');
    const quarterly = timeSlots(
      'month',
      ['2023-01', '2023-04', '2023-07', '2023-10', '2024-01', '2024-04'].map((m) => parsePeriod('month', m)!),
    ).scale!;
    expect([quarterly.tickUnit, quarterly.tickStep]).toEqual(['months', 3]);
    expect(quarterly.ticks.map((tick) => tick.label)).toEqual([
      'Jan 2023',
      'Apr 2023',
      'Jul 2023',
      'Oct 2023',
      'Jan 2024',
      'Apr 2024',
    ]);
  });
});
