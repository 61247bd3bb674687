import { describe, expect, it } from 'vitest';
import { labelsEveryPoint, planDataLabels, type LabelPlanInput } from '../../src/document/chart-labels.js';

const room = { width: 480, height: 290, labelSize: 9 };
const series = (values: number[]) => ({ values, valueLabels: values.map(String) });
const plan = (input: Partial<LabelPlanInput>) =>
  planDataLabels({
    type: 'bar',
    categories: [],
    datasets: [],
    stackTotals: [],
    dataLabels: true,
    room,
    ...input,
  });

describe('the one data-label policy', () => {
  it('labels the last point of each line when a line is long or there are several', () => {
    const categories = Array.from({ length: 28 }, (_, i) => `d${i}`);
    const labels = plan({ type: 'line', categories, datasets: [series(categories.map((_, i) => i))] });
    expect(labels).toEqual([{ dataset: 0, index: 27, text: '27', total: false }]);
    const two = plan({ type: 'line', categories: ['a', 'b'], datasets: [series([1, 2]), series([3, 4])] });
    expect(two.map((l) => l.text)).toEqual(['2', '4']);
  });

  it('labels every point of one short line', () => {
    expect(plan({ type: 'line', categories: ['a', 'b', 'c'], datasets: [series([1, 2, 3])] })).toHaveLength(
      3,
    );
  });

  it('labels the totals of stacked columns, carried by the top series', () => {
    const labels = plan({
      type: 'stacked-bar',
      categories: ['a', 'b'],
      datasets: [series([1, 2]), series([10, 20])],
      stackTotals: ['Σ11', 'Σ22'],
    });
    expect(labels).toEqual([
      { dataset: 1, index: 0, text: 'Σ11', total: true },
      { dataset: 1, index: 1, text: 'Σ22', total: true },
    ]);
  });

  it('labels every column that fits, else every Nth one counted back from the last', () => {
    const few = plan({
      categories: ['a', 'b'],
      datasets: [{ values: [1, 2], valueLabels: ['$800 billion', '$1.5 billion'] }],
    });
    expect(few).toHaveLength(2);
    const categories = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const crowded = plan({
      categories,
      datasets: [{ values: categories.map(() => 1), valueLabels: categories.map(() => '$800 billion') }],
    });
    // 420 pt of plot for 20 columns (21 pt each): a label of about 60 pt (and its gap) needs four.
    expect(crowded.map((l) => l.index)).toEqual([3, 7, 11, 15, 19]);
  });

  it('labels grouped columns all or none: no series labelled at some groups only', () => {
    const categories = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const wide = { values: categories.map(() => 1), valueLabels: categories.map(() => '$800 billion') };
    expect(plan({ type: 'grouped-bar', categories, datasets: [wide, wide] })).toEqual([]);
    const short = { values: [1, 2], valueLabels: ['1', '2'] };
    expect(plan({ type: 'grouped-bar', categories: ['a', 'b'], datasets: [short, short] })).toHaveLength(4);
  });

  it('thins stacked totals that would touch (28 stacks: "599595" read as one number)', () => {
    const categories = Array.from({ length: 28 }, (_, i) => `d${i}`);
    const stack = { values: categories.map(() => 300), valueLabels: categories.map(() => '300') };
    const labels = plan({
      type: 'stacked-bar',
      categories,
      datasets: [stack, stack],
      stackTotals: categories.map((_, i) => String(590 + i)),
    });
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.length).toBeLessThan(28);
    expect(labels.at(-1)).toEqual({ dataset: 1, index: 27, text: '617', total: true });
    // Evenly spaced, each label with the room of as many stacks as it needs.
    const steps = new Set(labels.slice(1).map((l, i) => l.index - labels[i]!.index));
    expect(steps.size).toBe(1);
    const slot = (room.width - 60) / 28;
    expect([...steps][0]! * slot).toBeGreaterThanOrEqual(3 * room.labelSize * 0.56 * 1.1);
    // Few stacks: every total.
    expect(
      plan({
        type: 'stacked-bar',
        categories: ['a', 'b'],
        datasets: [stack, stack],
        stackTotals: ['1', '2'],
      }),
    ).toHaveLength(2);
  });

  it('labels the last non-empty point of a line that stops early', () => {
    const categories = Array.from({ length: 20 }, (_, i) => `m${i}`);
    const full = series(categories.map((_, i) => i));
    const early = {
      values: categories.map((_, i) => (i <= 12 ? i : null)),
      valueLabels: categories.map((_, i) => (i <= 12 ? `e${i}` : '')),
    };
    const labels = plan({ type: 'line', categories, datasets: [full, early] });
    expect(labels).toEqual([
      { dataset: 0, index: 19, text: '19', total: false },
      { dataset: 1, index: 12, text: 'e12', total: false },
    ]);
    expect(labelsEveryPoint(labels)).toBe(false);
    expect(labelsEveryPoint(plan({ type: 'line', categories: ['a', 'b'], datasets: [series([1, 2])] }))).toBe(
      true,
    );
  });

  it('labels a doughnut slice only when its label fits on the ring; the legend gives the rest', () => {
    const labels = plan({
      type: 'doughnut',
      categories: ['a', 'b'],
      datasets: [{ values: [97, 3], valueLabels: ['97 units', '3 units'] }],
    });
    expect(labels.map((l) => l.index)).toEqual([0]);
    expect(plan({ dataLabels: false, categories: ['a'], datasets: [series([1])] })).toEqual([]);
    // The held-out Ukrainian aid doughnut: both labels wider than the ring is thick.
    const aid = plan({
      type: 'doughnut',
      categories: ['США', 'G7'],
      datasets: [{ values: [61, 50], valueLabels: ['61 млрд доларів США', '50 млрд доларів США'] }],
    });
    expect(aid).toEqual([]);
    const shares = plan({
      type: 'doughnut',
      categories: ['США', 'G7'],
      datasets: [{ values: [61, 50], valueLabels: ['55%', '45%'] }],
    });
    expect(shares.map((l) => l.text)).toEqual(['55%', '45%']);
  });
});
