import fc from 'fast-check';

/**
 * Generators for the property tests: briefings built from hostile pieces, and
 * mutations of valid ones. Strings mix plain words, syntax that must stay text, and
 * any Unicode at all (emoji, right-to-left scripts, controls, lone surrogates).
 */
const SNIPPETS = [
  '{{constructor}}',
  '{{#each this}}x{{/each}}',
  '{{> section}}',
  '**bold**',
  '# heading',
  '[x](javascript:alert(1))',
  '<script>alert(1)</script>',
  '<!-- layout: title -->',
  '---',
  '![c](chart:widget-chart)',
  '{fig:widgets}',
  '{fig:nope}',
  '__proto__',
  '\u0000\u0007\u001b',
  '\u202e',
  '🚀👨‍👩‍👧🇺🇦',
  'Київ Αθήνα e\u0301',
  'שלום مرحبا',
  '\\',
  '|a|b|',
  '&amp; &lt;',
  '\n\n',
  '    indented code',
  '1. ',
  '> ',
];

export const hostileText = fc
  .array(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom('Widgets', 'counted', 'in', 'March', 'and', 'the', '1,200', '.'),
      },
      { weight: 3, arbitrary: fc.constantFrom(...SNIPPETS) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((words) => words.join(' '));

const id = fc.constantFrom(
  'widgets',
  'gadgets',
  'first',
  'second',
  'test-source',
  'widget-chart',
  'Bad Id',
  '',
);
const date = fc.constantFrom('2026-03-01', '2024-02-29', '2026-02-30', '2026-13-01', 'tomorrow');
const number = fc.oneof(
  fc.integer({ min: -10, max: 1_000_000 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e308, -0),
);

/** A briefing assembled from the pieces above: often valid, often not, never a crash. */
export const briefing = fc.record({
  title: hostileText,
  date,
  summary: hostileText,
  keyFigures: fc.array(id, { maxLength: 3 }),
  figures: fc.array(
    fc.record({
      id,
      label: hostileText,
      value: number,
      unit: fc.constantFrom('count', 'percent', 'USD', 'UAH', 'usd'),
      noun: hostileText,
      asOf: date,
      source: id,
    }),
    { minLength: 1, maxLength: 3 },
  ),
  sections: fc.array(
    fc.record(
      {
        id,
        title: hostileText,
        summary: hostileText,
        points: fc.array(
          fc.record({ text: hostileText, sources: fc.array(id, { minLength: 1, maxLength: 2 }) }),
          {
            maxLength: 3,
          },
        ),
        charts: fc.array(id, { maxLength: 2 }),
      },
      { requiredKeys: ['id', 'title'] },
    ),
    { minLength: 1, maxLength: 3 },
  ),
  charts: fc.array(
    fc.record({
      id,
      type: fc.constantFrom('bar', 'line', 'doughnut', 'pie'),
      title: hostileText,
      figures: fc.array(id, { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
  sources: fc.array(
    fc.record(
      {
        id,
        publisher: hostileText,
        url: fc.constantFrom(
          'https://example.org/a',
          'mailto:desk@example.org',
          'javascript:alert(1)',
          'file:///etc/passwd',
          'not a url',
        ),
      },
      { requiredKeys: ['id', 'publisher'] },
    ),
    { minLength: 1, maxLength: 3 },
  ),
});

/** Any value a mutation may put somewhere it does not belong. */
const anyValue = fc.oneof(
  fc.constant(null),
  number,
  fc.boolean(),
  hostileText,
  fc.constant([]),
  fc.constant({}),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'id'), hostileText, {
    maxKeys: 2,
  }),
);

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'rename'; at: number; to: string }
  | { kind: 'duplicate'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: anyValue }),
  fc.record({
    kind: fc.constant('rename' as const),
    at: fc.nat(),
    to: fc.constantFrom('__proto__', 'constructor', 'sumary', 'x', 'id'),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

/** Text edits at the character level: what a slip of the keyboard or a bad merge does to a file. */
export const textEdit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(
    fc.constantFrom(
      ':',
      '- ',
      '[',
      '{',
      ']',
      '}',
      '"',
      "'",
      '&a ',
      '*a',
      '!!js/function ',
      '\t',
      '\n',
      '  ',
      '#',
      '|',
      '>',
      '<<: ',
      '---\n',
      '%YAML 1.1\n',
    ),
    fc.string({ unit: 'binary', maxLength: 3 }),
  ),
});
