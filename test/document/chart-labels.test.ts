import { describe, expect, it } from 'vitest';
import { planDataLabels, type LabelPlanInput } from '../../src/document/chart-labels.js';

const room = { width: 480, labelSize: 9 };
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

  it('labels all columns or none: never some of a crowded chart', () => {
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
    expect(crowded).toEqual([]);
  });

  it('leaves thin doughnut slices to the legend, and labels nothing when asked for none', () => {
    const labels = plan({ type: 'doughnut', categories: ['a', 'b'], datasets: [series([97, 3])] });
    expect(labels.map((l) => l.index)).toEqual([0]);
    expect(plan({ dataLabels: false, categories: ['a'], datasets: [series([1])] })).toEqual([]);
  });
});
