import { describe, expect, it } from 'vitest';
import { expectExit, runBounded, runHostile } from './bounded-run.js';
import { project, VALID } from './project.js';

/**
 * Issue 17, findings 16 and 17 (and the template half of 5): a template mistake is a
 * located sentence, never a silent blank, a raw JavaScript message or a stack overflow,
 * and a template cannot make a build run for minutes. The mistakes run the CLI in this
 * process (in a bounded child with SLOW=1); the long loop always in a child the test
 * bounds (bounded-run.ts).
 */
async function buildWith(
  report: string,
  partials: Record<string, string> = {},
  data = VALID,
  run = runHostile,
) {
  const files: Record<string, string> = {
    'b.yaml': data,
    'briefkit.config.yaml': 'templates: templates\nout: out\n',
    'templates/report.md.hbs': `# {{title}}\n\n${report}\n`,
  };
  for (const [name, text] of Object.entries(partials)) files[`templates/partials/${name}.hbs`] = text;
  return run(['build', 'b.yaml', '--date', '2026-03-01', '--format', 'pdf'], {
    cwd: project(files),
    timeoutMs: 30_000,
    memoryMb: 800,
  });
}

describe('16. no silent blanks', () => {
  it.each([
    ['{{#each setcions}}{{title}}{{/each}}', /report\.md\.hbs:3:\d+ +missing field "setcions"/],
    ['{{#with nosuchfield}}x{{/with}}', /report\.md\.hbs:3:\d+ +missing field "nosuchfield"/],
    [
      '{{lookup this "nosuchfield"}}',
      /report\.md\.hbs:3:1 +lookup found no field "nosuchfield" in the mapping/,
    ],
    [
      '{{#each sections}}{{#each pionts}}x{{/each}}{{/each}}',
      /report\.md\.hbs:3:\d+ +missing field "pionts"/,
    ],
    ['{{#each title}}x{{/each}}', /report\.md\.hbs:3:1 +each needs a list, got string/],
  ])('%s is an error at its line', async (template, message) => {
    const run = await buildWith(template);
    expectExit(run, 1);
    expect(run.err).toMatch(message);
  });

  it('an optional field left out is falsy, not an error', async () => {
    const run = await buildWith(
      '{{#each sections}}{{#each quotes}}q{{/each}}{{#if notes}}{{notes}}{{/if}}{{/each}}',
    );
    expectExit(run, 0);
  });
});

describe('17. located sentences for template mistakes', () => {
  it.each([
    ['{{> ../../etc/passwd}}', {}, /report\.md\.hbs:3:1 +unknown partial "\.\.\/\.\.\/etc\/passwd"/],
    [
      '{{> loop}}',
      { loop: 'again {{> loop}}' },
      /loop\.hbs:1 +partials nest more than 32 deep here \(does "loop" include itself\?\)/,
    ],
    ['{{#if}}x{{/if}}', {}, /report\.md\.hbs:3:1 +\{\{#if\}\} needs exactly one value/],
    ['{{#each}}x{{/each}}', {}, /report\.md\.hbs:3:1 +\{\{#each\}\} needs exactly one value/],
    ['{{label}}', {}, /report\.md\.hbs:3:1 +label needs a label name/],
    ['{{summary.length}}', {}, /report\.md\.hbs:3:1 +"length" is read from a value that has no fields/],
    ['{{helperMissing}}', {}, /report\.md\.hbs:3:1 +unknown helper "helperMissing"/],
    ['{{date "2026-13-45"}}', {}, /report\.md\.hbs:3:1 +date "2026-13-45" is not a real calendar date/],
    ['{{> (lookup this "title")}}', {}, /report\.md\.hbs:3:1 +a partial's name must be written out/],
  ])('%s', async (template, partials, message) => {
    const run = await buildWith(template, partials);
    expectExit(run, 1);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/ at |TypeError|RangeError|Invalid time value|\[object Object\]/);
  });
});

describe('5. a template cannot run for minutes', () => {
  it('stops loops nested over the same list, at the loop', async () => {
    const keywords = Array.from({ length: 500 }, (_, i) => `k${i}`).join(', ');
    const data = VALID.replace(
      'title: Hostile input test',
      `title: Hostile input test\nkeywords: [${keywords}]`,
    );
    const run = await buildWith(
      '{{#each keywords}}{{#each @root.keywords}}{{#each @root.keywords}}.{{/each}}{{/each}}{{/each}}',
      {},
      data,
      runBounded,
    );
    expectExit(run, 1);
    expect(run.err).toMatch(/report\.md\.hbs:3:\d+ +the templates' loops took more than 2,000,000 steps/);
    expect(run.ms).toBeLessThan(20_000);
  });
});
