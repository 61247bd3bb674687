import Handlebars from 'handlebars';
import { describe, expect, it, vi } from 'vitest';
import { loadBriefing } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { composeMarkdown } from '../../src/compose/compose.js';
import { resolveFacts } from '../../src/compose/facts.js';
import { loadTemplates } from '../../src/compose/load-templates.js';
import { getLocale } from '../../src/locale/locales.js';

async function compose(file: string) {
  const briefing = validateBriefing(await loadBriefing(file));
  const facts = resolveFacts(briefing, getLocale(briefing.locale));
  return composeMarkdown(briefing, facts, await loadTemplates());
}

describe('compiled templates shared by the builds of one process', () => {
  it('compiles each template once and binds each build its own facts', async () => {
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
});
