import { unknownKeyText } from './comma-slip.js';
import { countDecimalsIssue } from './schema.js';
import { describeValue, numberWritten, plainNumber } from './describe-issue.js';
import { isPeriodType, parsePeriod, periodPatterns } from './periods.js';
import { closest, type DataPath } from './problems.js';
import type { Briefing, Column, Table } from './types.js';

export interface DataProblem {
  path: DataPath;
  message: string;
  expected?: string;
}

/** A column's type: as written, else number when it has a unit, else text. */
export function columnType(column: Column): NonNullable<Column['type']> {
  return column.type ?? (column.unit !== undefined ? 'number' : 'text');
}

/** The row keys that are not columns. */
const ROW_FIELDS = new Set(['sources']);

/**
 * Every table's columns and rows against each other: unknown columns in a row (with
 * did-you-mean), values of the wrong type for their column, malformed periods, ranges
 * whose low exceeds their high, and rows without a source. Paths are absolute.
 */
export function checkTables(briefing: Briefing, source?: RowSource): DataProblem[] {
  const problems: DataProblem[] = [];
  briefing.tables.forEach((table, t) => checkTable(table, ['tables', t], problems, source));
  return problems;
}

/** Where the file writes a key, and whether it is YAML: to tell a comma slip in a row. */
export interface RowSource {
  yaml: boolean;
  locateKey: (path: DataPath) => { line: number; column: number } | undefined;
}

function checkTable(table: Table, at: DataPath, problems: DataProblem[], source?: RowSource): void {
  const seen = new Map<string, number>();
  table.columns.forEach((column, c) => {
    const first = seen.get(column.id);
    if (first !== undefined) {
      problems.push({
        path: [...at, 'columns', c, 'id'],
        message: `duplicate column id "${column.id}", already used by columns[${first}]`,
        expected: 'a unique id',
      });
    } else seen.set(column.id, c);
    if (ROW_FIELDS.has(column.id)) {
      problems.push({
        path: [...at, 'columns', c, 'id'],
        message: `"${column.id}" names a row's sources and cannot be a column id`,
        expected: 'another id',
      });
    }
    const type = columnType(column);
    if (column.unit === 'count' && (column.decimals ?? 0) > 0) {
      const issue = countDecimalsIssue();
      problems.push({
        path: [...at, 'columns', c, 'decimals'],
        message: issue.message,
        expected: issue.params.expected,
      });
    }
    if (type !== 'number' && (column.unit ?? column.scale ?? column.decimals) !== undefined) {
      const field = column.unit !== undefined ? 'unit' : column.scale !== undefined ? 'scale' : 'decimals';
      problems.push({
        path: [...at, 'columns', c, field],
        message: `a ${type} column has no ${field}`,
        expected: `type: number, or no ${field}`,
      });
    }
  });
  const columns = new Map(table.columns.map((c) => [c.id, c]));
  table.rows.forEach((row, r) => {
    const rowAt = [...at, 'rows', r];
    if (row.sources === undefined && table.source === undefined) {
      problems.push({
        path: rowAt,
        message: 'a row without a source',
        expected: '`sources: [ids]` on the row, or a `source` for the whole table',
      });
    }
    for (const [key, value] of Object.entries(row)) {
      if (ROW_FIELDS.has(key)) continue;
      const column = columns.get(key);
      if (!column) {
        const text = unknownKeyText('column', key, closest(key, [...columns.keys()]), {
          holder: row,
          yaml: source?.yaml ?? false,
          locate: (k) => source?.locateKey([...rowAt, k]),
        });
        problems.push({
          path: [...rowAt, key],
          message: text.message,
          expected: text.expected ?? `one of the table's column ids: ${[...columns.keys()].join(', ')}`,
        });
        continue;
      }
      const problem = cellProblem(column, value);
      if (problem) problems.push({ path: [...rowAt, key], ...problem });
    }
  });
}

/** Why a value does not fit its column, or undefined. Null is an empty cell. */
export function cellProblem(
  column: Column,
  value: unknown,
): { message: string; expected: string } | undefined {
  if (value === null || value === undefined) return undefined;
  const type = columnType(column);
  if (type === 'text') {
    return typeof value === 'string' || typeof value === 'number'
      ? undefined
      : { message: `${describeValue(value)} in a text column`, expected: 'text' };
  }
  if (isPeriodType(type)) {
    return parsePeriod(type, value) === undefined
      ? { message: `${describeValue(value)} is not a ${type}`, expected: periodPatterns[type] }
      : undefined;
  }
  const values = typeof value === 'number' ? [value] : Array.isArray(value) ? (value as number[]) : undefined;
  if (!values) {
    const plain = plainNumber(value);
    return {
      message: `${describeValue(value)} in a number column`,
      expected:
        plain === undefined
          ? 'a number, a range [low, high], or null for an empty cell'
          : numberWritten(plain),
    };
  }
  if (values.length === 2 && values[0]! > values[1]!) {
    return {
      message: `a range whose low ${values[0]} exceeds its high ${values[1]}`,
      expected: '[low, high] with low at most high',
    };
  }
  if (column.unit === 'count' && values.some((v) => v < 0 || !Number.isInteger(v))) {
    return {
      message: `${values.join('–')} is not a count`,
      expected: 'a whole number, 0 or more, for unit "count"',
    };
  }
  return undefined;
}
