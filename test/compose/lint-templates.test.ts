import { describe, expect, it } from 'vitest';
import { helperNames } from '../../src/compose/helpers.js';
import { lintTemplates } from '../../src/compose/lint-templates.js';
import { loadTemplates, type TemplateSet } from '../../src/compose/load-templates.js';
import { formatProblem } from '../../src/errors.js';
import { runCliCaptured } from '../helpers/cli.js';

function set(report: string, deck = '# {{title}}\n', partials: Record<string, string> = {}): TemplateSet {
  return {
    main: { report: { file: 'report.md.hbs', source: report }, deck: { file: 'deck.md.hbs', source: deck } },
    partials: new Map(
      Object.entries(partials).map(([name, source]) => [name, { file: `${name}.hbs`, source }]),
    ),
  };
}

describe('the template check', () => {
  it('reports every slip in every template at once, each located, with a guess', () => {
    const problems = lintTemplates(
      set(
        '# {{titel}}\n\n{{fmtt "x"}}\n{{#each sections}}\n## {{titl}}\n{{/each}}\n{{> sectoin}}\n',
        '# {{title}}\n{{#each setcions}}x{{/each}}\n',
        { section: '{{#if}', 'slide-section': '{{#if layout}}{{layout}}{{/if}}{{sumary}}' },
      ),
    ).map(formatProblem);
    expect(problems).toEqual([
      'section.hbs:1  template syntax error  (expected complete {{…}} tags, and each {{#block}} closed by its own {{/block}})',
      'report.md.hbs:1:5  missing field "titel" (did you mean "title"?)',
      `report.md.hbs:3:3  unknown helper "fmtt"  (expected one of: ${[...helperNames, 'if', 'unless', 'each', 'with', 'lookup', 'log'].join(', ')})`,
      'report.md.hbs:5:6  missing field "titl" (did you mean "title"?)',
      'report.md.hbs:7:1  unknown partial "sectoin" (did you mean "section"?)  (expected one of the templates in partials/: section, slide-section)',
      'deck.md.hbs:2:9  missing field "setcions" (did you mean "sections"?)',
      'slide-section.hbs:1:34  missing field "sumary" (did you mean "summary"?)',
    ]);
  });

  it('accepts the built-in templates and block parameters', async () => {
    expect(lintTemplates(await loadTemplates())).toEqual([]);
    expect(
      lintTemplates(set('{{#each sections as |s|}}{{s.title}}{{@index}}{{/each}}{{@root.title}}')),
    ).toEqual([]);
  });

  it('accepts partials a template defines itself with {{#*inline}}', () => {
    const partial = '{{#*inline "body"}}# {{title}}{{/inline}}{{#if summary}}{{> body}}{{/if}}{{> bodyy}}';
    expect(
      lintTemplates(set('# {{title}}\n', '# {{title}}\n', { 'slide-section': partial })).map(formatProblem),
    ).toEqual([
      'slide-section.hbs:1:74  unknown partial "bodyy" (did you mean "body"?)  (expected one of the templates in partials/: slide-section, body)',
    ]);
  });

  it('makes build and validate list all of them in one run', async () => {
    const result = await runCliCaptured([
      'validate',
      'test/fixtures/briefings/minimal.yaml',
      '--templates',
      'test/fixtures/templates/broken-missing-field',
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('missing field "nosuchfield"');
  });
});
