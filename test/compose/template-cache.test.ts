import Handlebars from 'handlebars';
import { describe, expect, it, vi } from 'vitest';
import { loadBriefing } from '../../src/briefing/load.js';
import { clearCaches } from '../../src/cache/index.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { composeMarkdown } from '../../src/compose/compose.js';
import { createEnvironment } from '../../src/compose/environment.js';
import { resolveFacts } from '../../src/compose/facts.js';
import { loadTemplates, type TemplateSet } from '../../src/compose/load-templates.js';
import { BriefkitError } from '../../src/errors.js';
import { getLocale } from '../../src/locale/locales.js';

async function compose(file: string) {
  const briefing = validateBriefing(await loadBriefing(file));
  const facts = resolveFacts(briefing, getLocale(briefing.locale));
  return composeMarkdown(briefing, facts, await loadTemplates());
}

describe('compiled templates shared by the builds of one process', () => {
  it('compiles each template once and binds each build its own facts', async () => {
    // Cold, as a new process: the test files of a worker share its caches.
    clearCaches();
    const parse = vi.spyOn(Handlebars, 'parse');
    const english = await compose('data/geneva-2026-02-26.yaml');
    const compiled = parse.mock.calls.length;
    expect(compiled).toBeGreaterThan(0);
    const ukrainian = await compose('test/fixtures/locale/geneva-uk.yaml');
    const again = await compose('data/geneva-2026-02-26.yaml');
    expect(parse.mock.calls.length).toBe(compiled);
    expect(again).toEqual(english);
    // Same templates, other facts and labels: the shared code never carries one build's data.
    expect(ukrainian.report).not.toEqual(english.report);
    expect(ukrainian.report).toContain('Женева');
    parse.mockRestore();
  });

  it('leaves no trace of a template that failed to compile in the next ones', async () => {
    const briefing = validateBriefing(await loadBriefing('data/geneva-2026-02-26.yaml'));
    const facts = resolveFacts(briefing, getLocale(briefing.locale));
    const set = (report: string): TemplateSet => ({
      main: { report: { file: 'report.md.hbs', source: report }, deck: { file: 'deck.md.hbs', source: '' } },
      partials: new Map(),
    });
    // An unknown helper inside a block with a block parameter: compiling stops halfway.
    const broken = createEnvironment(set('{{#each sections as |row|}}{{nosuchhelper row}}{{/each}}'), facts);
    expect(() => broken('report')({ sections: [{}] })).toThrow(BriefkitError);
    // A later template naming `row` without declaring it must not see the broken one's parameter.
    const later = createEnvironment(set('{{#each sections}}[{{row}}]{{/each}}'), facts);
    expect(() => later('report')({ sections: [{ title: 'x' }] })).toThrow(/row/);
  });
});
