import { describe, expect, it } from 'vitest';
import { parseBriefingText, loadBriefing } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { composeMarkdown } from '../../src/compose/compose.js';
import { escapeMarkdown, unescapeMarkdown } from '../../src/document/escape-markdown.js';
import { resolveFacts } from '../../src/compose/facts.js';
import { loadTemplates } from '../../src/compose/load-templates.js';
import { BriefkitError } from '../../src/errors.js';
import { getLocale } from '../../src/locale/locales.js';

async function compose(file: string, templatesDir?: string) {
  const briefing = validateBriefing(await loadBriefing(file));
  const facts = resolveFacts(briefing, getLocale(briefing.locale));
  return composeMarkdown(briefing, facts, await loadTemplates(templatesDir));
}

describe('escapeMarkdown', () => {
  it('makes Markdown, HTML and template syntax literal, and round-trips', () => {
    for (const text of [
      '**bold** # [x](y) <b>hi</b> {{constructor}}',
      'a_b `c` ~d~ | e',
      'https://example.org',
    ]) {
      const escaped = escapeMarkdown(text);
      expect(escaped).not.toMatch(/(?<!\\)[*#[\]<>{}`|_~]/);
      expect(unescapeMarkdown(escaped)).toBe(text);
    }
  });

  it('keeps ids unchanged and shows control characters visibly', () => {
    expect(escapeMarkdown('overnight-strikes')).toBe('overnight-strikes');
    expect(escapeMarkdown('bell\u0007')).toBe('bell\u2407');
  });
});

describe('composeMarkdown', () => {
  it('prints figures through their formatted, cited form', async () => {
    const { report, deck } = await compose('data/geneva-2026-02-26.yaml');
    expect(report).toContain('[420 drones](fig:drones)');
    expect(report).toContain('[almost \\$588 billion](fig:rdna5-estimate)');
    expect(report).toContain('![The overnight attack before the Geneva meeting](chart:overnight-strikes)');
    expect(deck).toContain('<!-- layout: key-figures -->');
  });

  it('gives a section with key figures and no points no title-only slide', async () => {
    const { deck } = await compose('test/fixtures/briefings/section-figures-only.yaml');
    const slides = deck.split(/^---$/m).map((slide) => slide.split('<!-- notes -->')[0]!);
    // What a slide shows besides its layout directive and its title.
    const body = (slide: string): string =>
      slide
        .replace(/<!-- layout: [\w-]+ -->/, '')
        .replace(/^# .*$/m, '')
        .trim();
    const titled = (title: string): string[] => slides.filter((slide) => slide.includes(`# ${title}\n`));
    expect(titled('Figures and a summary')).toHaveLength(1);
    expect(titled('Figures and a summary')[0]).toContain('<!-- layout: key-figures -->');
    expect(titled('Figures with a summary and points')).toHaveLength(2);
    expect(titled('Points without figures')).toHaveLength(1);
    const content = slides.filter((slide) => slide.includes('<!-- layout: content -->'));
    expect(content.length).toBeGreaterThan(2);
    for (const slide of content) expect(body(slide), slide).not.toBe('');
  });

  it('gives a section of only a table and a chart (a data annex) their slides and no empty one', async () => {
    const { deck, report } = await compose('test/fixtures/briefings/data-annex.yaml');
    const annex = deck
      .split(/^---$/m)
      .map((slide) => slide.split('<!-- notes -->')[0]!)
      .filter((slide) => slide.includes('# Data annex\n'));
    expect(annex.map((slide) => /<!-- layout: ([\w-]+) -->/.exec(slide)?.[1])).toEqual(['chart', 'content']);
    expect(annex[0]).toContain('(chart:counts-chart)');
    expect(annex[1]).toContain('(table:counts)');
    expect(report).toMatch(/# Data annex\n/);
  });

  it('names the template file and line of a missing field', async () => {
    const error = await compose(
      'test/fixtures/briefings/minimal.yaml',
      'test/fixtures/templates/broken-missing-field',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).problems[0]).toMatchObject({
      file: expect.stringContaining('broken-missing-field/report.md.hbs'),
      line: 5,
      message: expect.stringContaining('missing field "nosuchfield"'),
    });
  });

  it('names the template file and line of an unknown helper', async () => {
    const error = await compose(
      'test/fixtures/briefings/minimal.yaml',
      'test/fixtures/templates/broken-unknown-helper',
    ).catch((e: unknown) => e);
    expect((error as BriefkitError).problems[0]).toMatchObject({
      file: expect.stringContaining('broken-unknown-helper/report.md.hbs'),
      line: 3,
      message: expect.stringContaining('unknown helper "shout"'),
    });
  });

  it('leaves data that looks like code or Markdown inert', async () => {
    const text = [
      'title: "{{constructor}} **not bold** <script>x</script>"',
      'date: "2026-03-01"',
      'summary: "# not a heading [link](javascript:alert(1)) {{#each x}}"',
      'sections: [{ id: a, title: "__proto__", summary: "x" }]',
      'sources: [{ id: s, publisher: P }]',
    ].join('\n');
    const briefing = validateBriefing(parseBriefingText(text, 'hostile.yaml'));
    const facts = resolveFacts(briefing, getLocale('en'));
    const templates = await loadTemplates('test/fixtures/templates/title-only');
    const { report } = composeMarkdown(briefing, facts, templates);
    expect(report).toContain('\\{\\{constructor\\}\\} \\*\\*not bold\\*\\*');
    expect(report).toContain('\\# not a heading \\[link\\]\\(javascript\\:alert\\(1\\)\\)');
  });
});
