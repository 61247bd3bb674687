/**
 * The hostile-input corpus, one fixture per case (test/fixtures/hostile/), with the
 * exact outcome of each: its error code, and a problem with its location and words.
 */
export interface Case {
  fixture: string;
  code: string;
  problem: {
    line?: number;
    column?: number;
    path?: string;
    message: string | RegExp;
    expected?: string | RegExp;
  };
}

export const cases: Case[] = [
  {
    fixture: 'malformed.yaml',
    code: 'PARSE_ERROR',
    problem: { line: 6, column: 1, message: /Flow sequence/, expected: 'valid YAML' },
  },
  {
    fixture: 'malformed.json',
    code: 'PARSE_ERROR',
    problem: { line: 5, column: 1, message: /property name/, expected: 'valid JSON' },
  },
  {
    fixture: 'wrong-type.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 9,
      column: 12,
      path: 'figures[0].value',
      message: 'wrong type: "twelve hundred"',
      expected: 'a finite number, or a list [low, high]',
    },
  },
  {
    fixture: 'missing-field.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 15, column: 5, path: 'sections[0].title', message: 'missing required field' },
  },
  {
    fixture: 'unknown-field.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 4,
      column: 1,
      path: 'sumary',
      message: 'unknown field "sumary" (did you mean "summary"?)',
    },
  },
  {
    fixture: 'duplicate-id.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 31,
      column: 9,
      path: 'sources[1].id',
      message: 'duplicate id "test-source", already used by sources[0]',
    },
  },
  {
    fixture: 'duplicate-key.yaml',
    code: 'PARSE_ERROR',
    problem: { line: 4, column: 1, message: 'duplicate key "date"' },
  },
  {
    fixture: 'duplicate-key.json',
    code: 'PARSE_ERROR',
    problem: { line: 3, column: 3, message: 'duplicate key "title"' },
  },
  {
    fixture: 'unknown-source.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 13,
      column: 13,
      path: 'figures[0].source',
      message: 'unknown source id "test-sourse" (did you mean "test-source"?)',
    },
  },
  {
    fixture: 'unknown-figure.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 17,
      column: 14,
      path: 'sections[0].summary',
      message: 'unknown figure id "gadgets" (did you mean "widgets"?)',
    },
  },
  {
    fixture: 'unknown-chart.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 21,
      column: 14,
      path: 'sections[0].charts[0]',
      message: 'unknown chart id "widget-chrat" (did you mean "widget-chart"?)',
    },
  },
  {
    fixture: 'unknown-person.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 24,
      column: 13,
      path: 'sections[0].quotes[0].by',
      message: 'unknown person id "nobody"',
    },
  },
  {
    fixture: 'unknown-series.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 26,
      column: 13,
      path: 'charts[0].series',
      message: 'unknown series id "no-such-series"',
    },
  },
  {
    fixture: 'nan.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 9,
      column: 12,
      path: 'figures[0].value',
      message: 'wrong type: NaN',
      expected: 'a finite number, or a list [low, high]',
    },
  },
  {
    fixture: 'infinity.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 9,
      column: 12,
      path: 'figures[0].value',
      message: 'wrong type: Infinity',
      expected: 'a finite number, or a list [low, high]',
    },
  },
  {
    fixture: 'huge-number.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 9, column: 12, path: 'figures[0].value', message: 'wrong type: Infinity' },
  },
  {
    fixture: 'negative-count.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 9,
      column: 12,
      path: 'figures[0].value',
      message: 'a negative count: -5',
      expected: /whole number, 0 or more/,
    },
  },
  {
    fixture: 'fractional-count.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 9, column: 12, path: 'figures[0].value', message: 'a count with a fraction: 2.5' },
  },
  {
    fixture: 'impossible-date.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 12, column: 11, path: 'figures[0].asOf', message: '"2026-02-30" is not a real date' },
  },
  {
    fixture: 'impossible-date-unquoted.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 3, column: 7, path: 'date', message: '"2026-02-30" is not a real date' },
  },
  {
    fixture: 'empty-section.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 15,
      column: 5,
      path: 'sections[0]',
      message: 'an empty section',
      expected: 'a summary, points, quotes, figures, charts, tables or images',
    },
  },
  {
    fixture: 'blank-text.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 2, column: 8, path: 'title', message: 'blank text', expected: 'text, not only spaces' },
  },
  {
    fixture: 'empty.yaml',
    code: 'PARSE_ERROR',
    problem: { line: 1, column: 1, message: 'the file is empty' },
  },
  {
    fixture: 'comments-only.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 1, column: 1, message: /holds no data/ },
  },
  {
    fixture: 'not-utf8.yaml',
    code: 'INPUT_NOT_UTF8',
    problem: { line: 2, column: 11, message: 'the byte 0xE9 at offset 88 is not valid UTF-8' },
  },
  {
    fixture: 'alias-bomb.yaml',
    code: 'LIMIT_EXCEEDED',
    problem: { line: 3, column: 8, message: /alias bomb/ },
  },
  {
    fixture: 'deep-nesting.yaml',
    code: 'LIMIT_EXCEEDED',
    problem: { line: 2, column: 39, message: 'the data is nested more than 32 levels deep' },
  },
  {
    fixture: 'deep-nesting.json',
    code: 'LIMIT_EXCEEDED',
    problem: { line: 1, column: 41, message: 'the data is nested more than 32 levels deep' },
  },
  {
    fixture: 'yaml-tag.yaml',
    code: 'PARSE_ERROR',
    problem: { line: 2, column: 8, message: /unsupported YAML tag: .*js\/function/ },
  },
  {
    fixture: 'javascript-url.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 30,
      column: 10,
      path: 'sources[0].url',
      message: '"javascript:alert(document.cookie)" is not an allowed link',
      expected: /http, https or mailto/,
    },
  },
  {
    fixture: 'file-url.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 30,
      column: 10,
      path: 'sources[0].url',
      message: '"file:///etc/passwd" is not an allowed link',
    },
  },
  {
    fixture: 'rtl-hebrew.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 16,
      column: 12,
      path: 'sections[0].title',
      message: /^right-to-left text is not supported yet: "Section שלום" \(U\+05E9/,
    },
  },
  {
    fixture: 'rtl-arabic.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 4, column: 10, path: 'summary', message: /^right-to-left text is not supported yet/ },
  },
  {
    fixture: 'bidi-override.yaml',
    code: 'VALIDATION_ERROR',
    problem: {
      line: 29,
      column: 16,
      path: 'sources[0].publisher',
      message: 'invisible bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE at character 6',
    },
  },
  {
    fixture: 'proto-key.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 4, column: 1, path: '__proto__', message: 'unknown field "__proto__"' },
  },
  {
    fixture: 'proto-key.json',
    code: 'VALIDATION_ERROR',
    problem: { line: 3, column: 3, path: '__proto__', message: 'unknown field "__proto__"' },
  },
  {
    fixture: 'constructor-key.yaml',
    code: 'VALIDATION_ERROR',
    problem: { line: 16, column: 5, path: 'sections[0].constructor', message: 'unknown field "constructor"' },
  },
];
