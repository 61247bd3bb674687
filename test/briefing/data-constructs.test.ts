import { describe, expect, it } from 'vitest';
import { parseBriefingText } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { BriefkitError, type Problem } from '../../src/errors.js';

/** A valid briefing with one table, one chart over it and a few figures; tests break one thing each. */
const base = `title: Test
date: '2025-12-31'
summary: A summary.
figures:
  - { id: cost, label: Cost, value: 4000000, unit: USD, asOf: '2025-12-01', source: s }
  - { id: drones, label: Drones, value: 21, unit: count, noun: { one: дрон, few: дрони, many: дронів, other: дрона }, asOf: '2025-12-01', source: s }
tables:
  - id: monthly
    title: Monthly
    source: s
    columns:
      - { id: month, label: Month, type: month }
      - { id: launched, label: Launched, unit: count }
      - { id: stopped, label: Stopped, unit: count }
    rows:
      - { month: 2025-01, launched: 10, stopped: 8 }
      - { month: 2025-02, launched: 12 }
charts:
  - { id: line, type: line, title: Line, table: monthly, x: month, y: [launched, stopped] }
sections:
  - id: one
    title: One
    summary: Text with {fig:cost}.
    tables: [monthly]
sources:
  - { id: s, publisher: Someone }
`;

function problemsOf(text: string): Problem[] {
  try {
    validateBriefing(parseBriefingText(text, 'test.yaml'));
  } catch (error) {
    if (error instanceof BriefkitError) return [...error.problems];
    throw error;
  }
  return [];
}

const expectProblem = (text: string, path: string, message: string | RegExp, line?: number): void => {
  const problems = problemsOf(text);
  expect(problems, JSON.stringify(problems, null, 1)).toContainEqual(
    expect.objectContaining({
      path,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
      ...(line !== undefined && { line }),
    }),
  );
};

describe('tables, units and references: located errors', () => {
  it('accepts the base briefing', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  it('reports an unknown column in a row with a did-you-mean, at its line', () => {
    const text = base.replace('{ month: 2025-02, launched: 12 }', '{ month: 2025-02, lanched: 12 }');
    expectProblem(
      text,
      'tables[0].rows[1].lanched',
      'unknown column "lanched" (did you mean "launched"?)',
      17,
    );
  });

  it('reports a month written 2025-13 and a value of the wrong type for its column', () => {
    expectProblem(
      base.replace('month: 2025-02', 'month: 2025-13'),
      'tables[0].rows[1].month',
      '"2025-13" is not a month',
    );
    expectProblem(
      base.replace('launched: 12', 'launched: twelve'),
      'tables[0].rows[1].launched',
      '"twelve" in a number column',
    );
    expectProblem(
      base.replace('launched: 12', 'launched: 12.5'),
      'tables[0].rows[1].launched',
      '12.5 is not a count',
    );
  });

  it('reports a row without a source when the table has none', () => {
    const text = base.replace('    source: s\n    columns', '    columns');
    expectProblem(text, 'tables[0].rows[0]', 'a row without a source');
  });

  it("reports unknown columns in a chart's x and y with a did-you-mean", () => {
    expectProblem(
      base.replace('y: [launched, stopped]', 'y: [launched, stoped]'),
      'charts[0].y[1]',
      'unknown column "stoped" in table "monthly" (did you mean "stopped"?)',
    );
    expectProblem(
      base.replace('x: month', 'x: mnth'),
      'charts[0].x',
      /unknown column "mnth".*did you mean "month"/,
    );
    expectProblem(
      base.replace('table: monthly, x', 'table: montly, x'),
      'charts[0].table',
      /did you mean "monthly"/,
    );
  });

  it('refuses a stacked or grouped bar chart of one dataset', () => {
    expectProblem(
      base.replace('type: line', 'type: stacked-bar').replace('y: [launched, stopped]', 'y: [launched]'),
      'charts[0].type',
      'a stacked-bar chart with one dataset draws plain bars',
    );
  });

  it('reports a range whose low exceeds its high', () => {
    expectProblem(
      base.replace('value: 4000000', 'value: [20000, 10000]'),
      'figures[0].value',
      'a range whose low 20000 exceeds its high 10000',
    );
  });

  it('reports a plural map without "other", and an unknown currency code', () => {
    expectProblem(base.replace(', other: дрона', ''), 'figures[1].noun.other', 'missing required field');
    expectProblem(
      base.replace('unit: USD', 'unit: XYZ'),
      'figures[0].unit',
      '"XYZ" is not an ISO 4217 currency code',
    );
  });

  it('says when a comma in a one-line row cut a cell short', () => {
    const row = (cells: string): string => base.replace('{ month: 2025-02, launched: 12 }', cells);
    expectProblem(
      row('{ month: 2025-02, launched: 1,200, stopped: 8 }'),
      'tables[0].rows[1].200',
      'unknown column "200": a comma split the number of "launched"',
    );
    expectProblem(
      row('{ month: 2025-02, launched: 12, note: late, rainy }'),
      'tables[0].rows[1].rainy',
      'unknown column "rainy": the comma before it ended the value of "note"',
    );
  });

  it('refuses decimals on a count, which would print "1.00 drones"', () => {
    const message = 'a count is a whole number, so it has no decimals';
    expectProblem(
      base.replace('value: 21, unit: count,', 'value: 21, unit: count, decimals: 2,'),
      'figures[1].decimals',
      message,
    );
    expectProblem(
      base.replace(
        '{ id: launched, label: Launched, unit: count }',
        '{ id: launched, label: Launched, unit: count, decimals: 1 }',
      ),
      'tables[0].columns[1].decimals',
      message,
    );
    expect(
      problemsOf(base.replace('value: 21, unit: count,', 'value: 21, unit: count, decimals: 0,')),
    ).toEqual([]);
  });

  it('shows how to write a number given in prose form in a cell', () => {
    expectProblem(
      base.replace('launched: 12 }', "launched: '1,200' }"),
      'tables[0].rows[1].launched',
      '"1,200" in a number column',
    );
    const problems = problemsOf(base.replace('launched: 12 }', "launched: '1,200' }"));
    expect(problems[0]?.expected).toBe(
      'a number written plainly, e.g. 1200 (no thousands separators, currency signs or %: the unit says how it prints)',
    );
  });

  it('refuses a slip in count, percent or a currency code, which would print as written', () => {
    for (const [written, meant] of <const>[
      ['procent', 'percent'],
      ['Percent', 'percent'],
      ["'%'", 'percent'],
      ['counts', 'count'],
      ['usd', 'USD'],
    ]) {
      expectProblem(
        base.replace('unit: USD', `unit: ${written}`),
        'figures[0].unit',
        `unit "${written.replace(/'/g, '')}" looks like a slip (did you mean "${meant}"?)`,
      );
    }
    // Any other text is a unit of its own, and CLDR units are Intl's.
    for (const unit of ['cents', 'parts', 'people', 'GW', 'hour', 'percentage points']) {
      expect(problemsOf(base.replace('unit: USD', `unit: ${unit}`)), unit).toEqual([]);
    }
  });

  it('reports malformed figure references instead of printing them raw', () => {
    expectProblem(
      base.replace('{fig:cost}', '{fig:Cost}'),
      'sections[0].summary',
      /malformed figure reference "\{fig:Cost\}" \(did you mean "\{fig:cost\}"\?\)/,
    );
    expectProblem(
      base.replace('Text with {fig:cost}.', '"Text with {fig: cost}."'),
      'sections[0].summary',
      /malformed figure reference "\{fig: cost\}"/,
    );
    expectProblem(
      base.replace('{fig:cost}', '{fig:cost|valeu}'),
      'sections[0].summary',
      /unknown modifier "valeu" \(did you mean "value"\?\)/,
    );
    expect(problemsOf(base.replace('{fig:cost}', '{fig:cost|value}'))).toEqual([]);
  });

  it('reports an unknown table in a section, and unknown sources of a summary point', () => {
    expectProblem(
      base.replace('tables: [monthly]', 'tables: [montly]'),
      'sections[0].tables[0]',
      'unknown table id "montly" (did you mean "monthly"?)',
    );
    expectProblem(
      base.replace('summary: A summary.', 'summary: { text: A summary., sources: [t] }'),
      'summary.sources[0]',
      /^unknown source id "t"/,
    );
    expect(
      problemsOf(base.replace('summary: A summary.', 'summary: { text: A summary., sources: [s] }')),
    ).toEqual([]);
  });
});
