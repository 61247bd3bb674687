import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBriefingText } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { BriefkitError, formatProblem } from '../../src/errors.js';

const minimal = readFileSync('test/fixtures/briefings/minimal.yaml', 'utf8');

/** The problems a text gives, as printed. */
function problemsOf(text: string): string[] {
  try {
    validateBriefing(parseBriefingText(text, 'b.yaml'));
  } catch (error) {
    if (error instanceof BriefkitError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

/** minimal.yaml with one line's indentation changed. */
function withLine(line: string, replacement: string): string {
  expect(minimal).toContain(`\n${line}\n`);
  return minimal.replace(`\n${line}\n`, `\n${replacement}\n`);
}

describe('a YAML indentation slip is one plain sentence about the line', () => {
  it.each([
    [
      '    label: Widgets counted',
      '   label: Widgets counted',
      'b.yaml:7:4  this line is indented less than the key above it ("id", line 6)  (expected "label" to start in column 5 like "id", or in the column of a key it belongs under)',
    ],
    [
      '    title: First section',
      '      title: First section',
      'b.yaml:15:7  this line is indented more than the key above it ("id", line 14)  (expected "title" to start in column 5 like "id", or in the column of a key it belongs under)',
    ],
    [
      '    publisher: Test Publisher',
      '  publisher: Test Publisher',
      'b.yaml:22:3  this line is indented less than the key above it ("id", line 21)  (expected "publisher" to start in column 5 like "id", or in the column of a key it belongs under)',
    ],
  ])('%j indented as %j', (line, slipped, message) => {
    expect(problemsOf(withLine(line, slipped))).toEqual([message]);
  });

  it('leaves other syntax errors, and indentation inside block text, to the parser', () => {
    expect(problemsOf('title: Broken\nsummary: [unclosed\nsections: []\n')[0]).toMatch(/Flow sequence/);
    const block = minimal.replace(
      'summary: A made-up briefing used by the tests; {fig:widgets} were counted.',
      'summary: |\n  A block\n     indented freely: fine\n  {fig:widgets}',
    );
    expect(problemsOf(block)).toEqual([]);
  });
});

describe('an unknown key is located on its own line', () => {
  it('even when its value is a mapping that starts below it', () => {
    const text = `${minimal}extra:\n  nested: 1\n`;
    const line = text.split('\n').indexOf('extra:') + 1;
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(new RegExp(`^b\\.yaml:${line}:1  extra  unknown field "extra"`)),
    ]);
  });
});

describe('a comma inside { … } that cut a text short', () => {
  it('names the field it ended and the text it was meant to hold', () => {
    const text = minimal.replace(
      '  - id: test-source\n    publisher: Test Publisher\n    title: Test fixture (not a real source)',
      "  - { id: test-source, publisher: Test Publisher, title: Test fixture, 2026, note: It's made up, really }",
    );
    expect(problemsOf(text)).toEqual([
      'b.yaml:21:72  sources[0].2026  unknown field "2026": the comma before it ended the value of "title"  (expected text with a comma in quotes, e.g. title: \'Test fixture, 2026\')',
      'b.yaml:21:98  sources[0].really  unknown field "really": the comma before it ended the value of "note"  (expected text with a comma in quotes, e.g. note: "It\'s made up, really")',
    ]);
  });

  it('says when a thousands separator split a number', () => {
    const text = minimal.replace(
      '  - id: widgets\n    label: Widgets counted\n    value: 1200\n',
      '  - { id: widgets, label: Widgets counted, value: 1,200,074, unit: count, noun: widgets, asOf: "2026-03-01", source: test-source }\n  - id: other\n    label: Other\n    value: "£1,200"\n',
    );
    expect(problemsOf(text)).toContain(
      'b.yaml:6:57  figures[0].74  unknown field "74": a comma split the number of "value"  (expected a number written plainly, e.g. value: 1200074 (no thousands separators, currency signs or %: the unit says how it prints))',
    );
    expect(problemsOf(text)).toContain(
      'b.yaml:9:12  figures[1].value  wrong type: "£1,200"  (expected a number written plainly, e.g. 1200 (no thousands separators, currency signs or %: the unit says how it prints), or a list [low, high])',
    );
  });

  it('leaves a key without a value in a block mapping, and a misspelt field, to the usual message', () => {
    const text = withLine('    title: First section', '    title: First section\n    foo:\n    chart:');
    expect(problemsOf(text).map((p) => p.replace(/ {2}\(expected one of: .*\)$/, ''))).toEqual([
      'b.yaml:16:5  sections[0].foo  unknown field "foo"',
      'b.yaml:17:5  sections[0].chart  unknown field "chart" (did you mean "charts"?)',
    ]);
  });
});

describe('a missing field', () => {
  it("says what it holds, from the schema's description of it", () => {
    const text = minimal
      .replace('    source: test-source\n', '\n')
      .replace('    publisher: Test Publisher\n', '');
    expect(problemsOf(text)).toEqual([
      'b.yaml:6:5  figures[0].source  missing required field  (expected text: the id of an entry in `sources`)',
      'b.yaml:21:5  sources[0].publisher  missing required field  (expected text: who published it, e.g. "Reuters")',
    ]);
  });
});
