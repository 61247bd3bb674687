import { describe, expect, it } from 'vitest';
import { checkChartSpec } from '../../src/briefing/check-chart-spec.js';
import { spec, syntheticBriefing } from '../charts/fixture.js';

const briefing = syntheticBriefing();
const paths = (input: Record<string, unknown>) => checkChartSpec(spec(input), briefing).map((p) => p.path);

describe('checkChartSpec', () => {
  it('accepts every chart of the synthetic fixture', () => {
    for (const chart of briefing.charts) expect(checkChartSpec(chart, briefing)).toEqual([]);
  });

  it('points at an unknown figure id and suggests the near one', () => {
    const problems = checkChartSpec(spec({ type: 'bar', figures: ['syn-drones', 'syn-misiles'] }), briefing);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(['figures', 1]);
    expect(problems[0]?.message).toContain('unknown figure id "syn-misiles" (did you mean "syn-missiles"?)');
  });

  it('points at an unknown series id', () => {
    expect(paths({ type: 'line', series: 'nightly' })).toEqual([['series']]);
  });

  it('refuses two units on one axis', () => {
    const problems = checkChartSpec(spec({ type: 'bar', figures: ['syn-drones', 'syn-aim'] }), briefing);
    expect(problems.map((p) => p.path)).toEqual([['figures', 1]]);
    expect(problems[0]?.message).toContain('unit USD differs from count');
  });

  it('names the figure of the other unit by its path, as problems print paths', () => {
    const problems = checkChartSpec(
      spec({
        type: 'grouped-bar',
        labels: ['a', 'b'],
        datasets: [
          { label: 'A', figures: ['syn-drones', 'syn-aim'] },
          { label: 'B', figures: ['syn-missiles', 'syn-drones'] },
        ],
      }),
      briefing,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'unit USD differs from count of datasets[0].figures[0]: two units on one axis',
    ]);
  });

  it('wants either figures or series, not both and not neither', () => {
    expect(paths({ type: 'bar', figures: ['syn-drones'], series: 'synthetic-week' })).toEqual([[]]);
    expect(paths({ type: 'bar' })).toEqual([[]]);
  });

  it('refuses a doughnut over a series', () => {
    expect(paths({ type: 'doughnut', series: 'synthetic-week' })).toEqual([['type']]);
  });

  it('refuses an empty series and a series with gaps', () => {
    const empty = {
      ...briefing,
      series: [{ ...briefing.series[0]!, id: 'empty', points: [{ date: '2026-02-01' }] }],
    };
    expect(checkChartSpec(spec({ type: 'line', series: 'empty' }), empty).map((p) => p.path)).toEqual([
      ['series'],
    ]);
    const gappy = {
      ...briefing,
      series: [
        {
          ...briefing.series[0]!,
          id: 'gappy',
          points: [
            { date: '2026-02-01', drones: 10, missiles: 1 },
            { date: '2026-02-02', drones: 12 },
          ],
        },
      ],
    };
    const problems = checkChartSpec(spec({ type: 'line', series: 'gappy' }), gappy);
    expect(problems.map((p) => p.path)).toEqual([['series']]);
    expect(problems[0]?.message).toContain('missiles on some points but not on 2026-02-02');
  });

  it('refuses labels that do not line up with the figures', () => {
    expect(paths({ type: 'bar', figures: ['syn-drones', 'syn-missiles'], labels: ['Drones'] })).toEqual([
      ['labels'],
    ]);
    expect(paths({ type: 'line', series: 'synthetic-week', labels: ['A'] })).toEqual([['labels']]);
  });

  it('refuses a format that does not fit the unit', () => {
    expect(paths({ type: 'bar', figures: ['syn-drones'], format: 'percent' })).toEqual([['format']]);
    expect(paths({ type: 'line', series: 'synthetic-week', format: 'currency-billions' })).toEqual([
      ['format'],
    ]);
  });

  it('refuses stacking regions on weapons', () => {
    expect(paths({ type: 'stacked-bar', series: 'synthetic-nightly' })).toEqual([['type']]);
  });

  it('refuses a figure listed twice', () => {
    expect(paths({ type: 'bar', figures: ['syn-drones', 'syn-drones'] })).toEqual([['figures', 1]]);
  });
});
