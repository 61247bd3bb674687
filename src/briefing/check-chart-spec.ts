import { columnType } from './check-tables.js';
import { closest, formatPath } from './problems.js';
import { unknownIdMessage } from '../unknown-id.js';
import { firstGap, measuresOf } from './series-data.js';
import type { Briefing, ChartSpec, Figure } from './types.js';
import { unitKind } from './units.js';

/**
 * A problem with one chart spec. The path is relative to the chart, e.g.
 * ['figures', 0]; the validate stage prefixes ['charts', i] and locates it in
 * the file, resolveChart prefixes it and throws.
 */
export interface ChartProblem {
  path: (string | number)[];
  message: string;
  expected?: string;
}

const seriesTypes = 'bar, horizontal-bar, stacked-bar, grouped-bar, line or area';
const DATA_FIELDS = ['figures', 'datasets', 'series', 'table'] as const;

/** The chart format a unit implies, for the older `format` field. */
function formatForUnit(unit: string): 'count' | 'percent' | 'currency-billions' | undefined {
  const kind = unitKind(unit).kind;
  if (kind === 'count' || kind === 'percent') return kind;
  return kind === 'currency' ? 'currency-billions' : undefined;
}

/**
 * Everything that would stop a chart from being drawn honestly: data that does
 * not exist, two units on one axis, labels that do not line up, one dataset in a
 * chart made to compare several. Pure, so the validate stage can report these with
 * every other problem at once.
 */
export function checkChartSpec(spec: ChartSpec, briefing: Briefing): ChartProblem[] {
  const given = DATA_FIELDS.filter((field) => spec[field] !== undefined);
  if (given.length > 1) {
    return [
      {
        path: [],
        message: `a chart takes one source of data, not both ${given[0]} and ${given[1]}`,
        expected: 'one of figures, datasets, table or series',
      },
    ];
  }
  const problems: ChartProblem[] = [];
  if (spec.table === undefined) {
    if (spec.x !== undefined)
      problems.push({
        path: ['x'],
        message: 'x names a column of a table',
        expected: '`table: id` with it, or no x',
      });
    if (spec.y !== undefined)
      problems.push({
        path: ['y'],
        message: 'y names columns of a table',
        expected: '`table: id` with it, or no y',
      });
  }
  if (spec.yMin !== undefined && spec.yMax !== undefined && spec.yMin >= spec.yMax) {
    problems.push({
      path: ['yMax'],
      message: `yMax ${spec.yMax} is not above yMin ${spec.yMin}`,
      expected: 'yMin < yMax',
    });
  }
  if (spec.type === 'doughnut' && (spec.yMin !== undefined || spec.yMax !== undefined)) {
    problems.push({
      path: ['yMin' in spec && spec.yMin !== undefined ? 'yMin' : 'yMax'],
      message: 'a doughnut has no value axis',
    });
  }
  if (given.length === 0) {
    return [
      ...problems,
      {
        path: [],
        message: 'a chart without data',
        expected:
          '`figures: [ids]`, `datasets: [{ label, figures }]`, `table: id` with `x` and `y`, or `series: id`',
      },
    ];
  }
  let datasetCount = 1;
  if (spec.figures !== undefined) problems.push(...checkFigures(spec, spec.figures, ['figures'], briefing));
  else if (spec.datasets !== undefined) {
    datasetCount = spec.datasets.length;
    problems.push(...checkDatasets(spec, briefing));
  } else if (spec.table !== undefined) {
    datasetCount = spec.y?.length ?? 0;
    problems.push(...checkTable(spec, briefing));
  } else if (spec.series !== undefined) {
    const series = briefing.series.find((s) => s.id === spec.series);
    datasetCount = series ? measuresOf(series).length : 1;
    problems.push(...checkSeries(spec, spec.series, briefing));
  }
  if ((spec.type === 'stacked-bar' || spec.type === 'grouped-bar') && datasetCount === 1) {
    problems.push({
      path: ['type'],
      message: `a ${spec.type} chart with one dataset draws plain bars`,
      expected: 'type: bar, or two datasets or more (datasets, or several y columns)',
    });
  }
  if (spec.type === 'doughnut' && datasetCount > 1 && spec.series === undefined) {
    problems.push({
      path: ['type'],
      message: `a doughnut shows one dataset, not ${datasetCount}`,
      expected: 'one dataset',
    });
  }
  return problems;
}

function checkFigures(
  spec: ChartSpec,
  ids: readonly string[],
  at: (string | number)[],
  briefing: Briefing,
  unitOf?: { unit: string; where: string },
): ChartProblem[] {
  const problems: ChartProblem[] = [];
  const byId = new Map(briefing.figures.map((f) => [f.id, f]));
  let first: { figure: Figure; index: number } | undefined;
  ids.forEach((id, j) => {
    const figure = byId.get(id);
    if (!figure) {
      const guess = closest(id, [...byId.keys()]);
      problems.push({
        path: [...at, j],
        message: unknownIdMessage('figure', id, guess),
        expected: 'the id of an entry in `figures`',
      });
      return;
    }
    if (ids.indexOf(id) !== j) {
      problems.push({
        path: [...at, j],
        message: `figure "${id}" is listed twice`,
        expected: 'each figure once',
      });
    }
    if (typeof figure.value !== 'number') {
      problems.push({
        path: [...at, j],
        message: `figure "${id}" is a range; a chart draws one value`,
        expected: 'figures with one value',
      });
    }
    const reference =
      unitOf ?? (first && { unit: first.figure.unit, where: formatPath([...at, first.index]) });
    if (!first) first = { figure, index: j };
    if (reference && figure.unit !== reference.unit) {
      problems.push({
        path: [...at, j],
        message: `unit ${figure.unit} differs from ${reference.unit} of ${reference.where}: two units on one axis`,
        expected: 'figures that share one unit',
      });
    }
    if (spec.type === 'doughnut' && typeof figure.value === 'number' && figure.value <= 0) {
      problems.push({ path: [...at, j], message: 'a doughnut cannot show a zero or negative value' });
    }
  });
  if (first && spec.format !== undefined && spec.format !== formatForUnit(first.figure.unit)) {
    const fits = formatForUnit(first.figure.unit);
    problems.push({
      path: ['format'],
      message: `format "${spec.format}" does not fit figures in ${first.figure.unit}`,
      expected: fits ? `"${fits}" or no format` : 'no format',
    });
  }
  if (spec.labels !== undefined && spec.labels.length !== ids.length) {
    problems.push({
      path: ['labels'],
      message: `${spec.labels.length} labels for ${ids.length} figures`,
      expected: 'one label per figure',
    });
  }
  return problems;
}

function checkDatasets(spec: ChartSpec, briefing: Briefing): ChartProblem[] {
  const datasets = spec.datasets ?? [];
  const problems: ChartProblem[] = [];
  const firstFigure = briefing.figures.find((f) => f.id === datasets[0]?.figures[0]);
  const size = datasets[0]?.figures.length ?? 0;
  datasets.forEach((dataset, i) => {
    const unitOf =
      firstFigure && i > 0 ? { unit: firstFigure.unit, where: 'datasets[0].figures[0]' } : undefined;
    const withoutLabels = { ...spec, labels: undefined, format: undefined };
    problems.push(
      ...checkFigures(withoutLabels, dataset.figures, ['datasets', i, 'figures'], briefing, unitOf),
    );
    if (dataset.figures.length !== size) {
      problems.push({
        path: ['datasets', i, 'figures'],
        message: `${dataset.figures.length} figures where datasets[0] has ${size}`,
        expected: 'one figure per label in every dataset',
      });
    }
  });
  if (spec.labels !== undefined && spec.labels.length !== size) {
    problems.push({
      path: ['labels'],
      message: `${spec.labels.length} labels for ${size} figures per dataset`,
      expected: 'one label per figure of a dataset',
    });
  }
  return problems;
}

function checkTable(spec: ChartSpec, briefing: Briefing): ChartProblem[] {
  const problems: ChartProblem[] = [];
  const table = briefing.tables.find((t) => t.id === spec.table);
  if (!table) {
    const guess = closest(
      spec.table ?? '',
      briefing.tables.map((t) => t.id),
    );
    return [
      {
        path: ['table'],
        message: unknownIdMessage('table', spec.table ?? '', guess),
        expected: 'the id of an entry in `tables`',
      },
    ];
  }
  if (spec.labels !== undefined) {
    problems.push({
      path: ['labels'],
      message: 'labels apply to figures; a table chart is labelled by its x column',
    });
  }
  if (spec.format !== undefined) {
    problems.push({
      path: ['format'],
      message: 'format applies to figures; a table column has its own unit',
      expected: 'no format (use scale)',
    });
  }
  const ids = table.columns.map((c) => c.id);
  const find = (id: string, at: (string | number)[]) => {
    const column = table.columns.find((c) => c.id === id);
    if (!column) {
      const guess = closest(id, ids);
      problems.push({
        path: at,
        message: `unknown column "${id}" in table "${table.id}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        expected: `one of: ${ids.join(', ')}`,
      });
    }
    return column;
  };
  if (spec.x === undefined)
    problems.push({
      path: [],
      message: 'a table chart without x',
      expected: '`x: column id` for the category or time axis',
    });
  else find(spec.x, ['x']);
  if (spec.y === undefined)
    problems.push({
      path: [],
      message: 'a table chart without y',
      expected: '`y: [column ids]`, one dataset each',
    });
  let unit: { unit: string; index: number } | undefined;
  spec.y?.forEach((id, j) => {
    const column = find(id, ['y', j]);
    if (!column) return;
    if (columnType(column) !== 'number') {
      problems.push({
        path: ['y', j],
        message: `column "${id}" is ${columnType(column)}, not numbers`,
        expected: 'a number column (one with a unit)',
      });
      return;
    }
    const u = column.unit ?? '';
    if (!unit) unit = { unit: u, index: j };
    else if (u !== unit.unit) {
      problems.push({
        path: ['y', j],
        message: `unit ${u || 'none'} differs from ${unit.unit || 'none'} of y[${unit.index}]: two units on one axis`,
        expected: 'columns that share one unit',
      });
    }
    if (spec.y!.indexOf(id) !== j)
      problems.push({ path: ['y', j], message: `column "${id}" is listed twice` });
  });
  return problems;
}

function checkSeries(spec: ChartSpec, id: string, briefing: Briefing): ChartProblem[] {
  const problems: ChartProblem[] = [];
  if (spec.type === 'doughnut') {
    problems.push({
      path: ['type'],
      message: 'a doughnut shows parts of a whole, not a series',
      expected: seriesTypes,
    });
  }
  if (spec.labels !== undefined) {
    problems.push({
      path: ['labels'],
      message: 'labels apply to figures; a series is labelled by its dates',
    });
  }
  if (spec.format !== undefined && spec.format !== 'count') {
    problems.push({
      path: ['format'],
      message: `format "${spec.format}" does not fit a series of counts`,
      expected: '"count" or no format',
    });
  }
  const series = briefing.series.find((s) => s.id === id);
  if (!series) {
    const guess = closest(
      id,
      briefing.series.map((s) => s.id),
    );
    problems.push({
      path: ['series'],
      message: unknownIdMessage('series', id, guess),
      expected: 'the id of an entry in `series`',
    });
    return problems;
  }
  const found = measuresOf(series);
  if (found.length === 0) {
    problems.push({
      path: ['series'],
      message: `series "${id}" is empty: no point gives drones, missiles or regions`,
      expected: 'points with at least one value',
    });
  }
  if (spec.type === 'stacked-bar' && found.includes('regions')) {
    problems.push({
      path: ['type'],
      message: `series "${id}" has regions, which count places, not weapons: a stack of them with drones adds up to nothing`,
      expected: 'line or grouped-bar, or a series without regions',
    });
  }
  for (const measure of found) {
    const gap = firstGap(series, measure);
    if (gap === undefined) continue;
    const date = series.points[gap]?.date ?? '';
    problems.push({
      path: ['series'],
      message: `series "${id}" has ${measure} on some points but not on ${date} (points[${gap}])`,
      expected: 'the same measures on every point, so no gap is drawn as zero',
    });
  }
  return problems;
}
