import { describe, expect, it } from 'vitest';
import { valueAxis } from '../../src/charts/value-axis.js';
import { en, resolveLabelled, syntheticBriefing } from './fixture.js';
import { formatTick } from '../../src/charts/chart-format.js';

/**
 * The value axis is decided once (QA issue 15: without yMin/yMax the deck autoscaled a
 * percent line to 0–12% "12.0%" while the PDF showed 0–15% "10%").
 */
describe('valueAxis', () => {
  it('takes nice steps from zero to the highest value, at most six ticks', () => {
    expect(valueAxis({ type: 'line', datasets: [[5.4, 11.1, 4]] })).toEqual({
      min: 0,
      max: 15,
      step: 5,
      digits: 0,
    });
    expect(valueAxis({ type: 'area', datasets: [[56.5, 76.1, 100]] })).toEqual({
      min: 0,
      max: 100,
      step: 20,
      digits: 0,
    });
    expect(valueAxis({ type: 'line', datasets: [[0.2, 0.7]] })).toMatchObject({
      max: 0.8,
      step: 0.2,
      digits: 1,
    });
  });

  it('stacks a stacked bar, keeps the spec range, goes below zero, and steps counts by whole numbers', () => {
    expect(
      valueAxis({
        type: 'stacked-bar',
        datasets: [
          [300, 400],
          [350, 200],
        ],
      }),
    ).toMatchObject({ max: 800, step: 200 });
    expect(valueAxis({ type: 'line', datasets: [[80, 85]], yMin: 75, yMax: 90 })).toMatchObject({
      min: 75,
      max: 90,
    });
    expect(valueAxis({ type: 'bar', datasets: [[-3, 7]] })).toMatchObject({ min: -4, max: 8, step: 2 });
    expect(valueAxis({ type: 'bar', datasets: [[1, 2]], integer: true }).step).toBe(1);
    expect(valueAxis({ type: 'bar', datasets: [[null]] })).toMatchObject({ min: 0, max: 1 });
  });

  it('gives the deck a number format that prints the PDF tick strings', () => {
    const briefing = syntheticBriefing();
    for (const spec of briefing.charts.filter((c) => c.type !== 'doughnut')) {
      const chart = resolveLabelled(briefing, spec.id);
      const axis = chart.valueAxis!;
      expect(axis, spec.id).toBeDefined();
      // A fixed scale prints every tick with the step's digits; the Excel format has as many.
      if (chart.axisScale === 'per-value') continue;
      const decimals = /0\.(0+)/.exec(axis.numberFormat)?.[1]?.length ?? 0;
      expect(decimals, spec.id).toBe(axis.digits);
      const printed = formatTick(axis.max, chart, en, axis.digits);
      expect(printed.includes('.'), spec.id).toBe(axis.digits > 0);
    }
  });
});
