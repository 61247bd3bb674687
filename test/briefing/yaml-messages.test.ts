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
