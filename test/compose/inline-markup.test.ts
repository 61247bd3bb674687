import { describe, expect, it } from 'vitest';
import { parseBriefingText } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { composeMarkdown } from '../../src/compose/compose.js';
import { resolveFacts } from '../../src/compose/facts.js';
import { loadTemplates } from '../../src/compose/load-templates.js';
import { CitationRegistry } from '../../src/document/citations.js';
import { createMeta } from '../../src/document/meta.js';
import { parseReport } from '../../src/document/parse-report.js';
import type { Block, Inline } from '../../src/document/types.js';
import { getLocale } from '../../src/locale/locales.js';

const briefing = (markup: string) => `title: 'A **title** stays literal'
date: '2025-12-31'
${markup}
summary: 'Prose with **bold**, _italic_, a [link](https://example.org/a_b) and {fig:n}; a_b_c and 2*3*4 stay.'
figures:
  - { id: n, label: N, value: 4, unit: count, asOf: '2025-12-01', source: s }
sections:
  - id: one
    title: One
    points:
      - text: '**Point** with [a bad link](javascript:alert(1)).'
        sources: [s]
sources:
  - { id: s, publisher: Someone }
`;

async function summaryOf(markup: string): Promise<{ summary: Inline[]; point: Inline[]; title: string }> {
  const data = validateBriefing(parseBriefingText(briefing(markup), 'markup.yaml'));
  const locale = getLocale('en');
  const facts = resolveFacts(data, locale);
  const markdown = composeMarkdown(data, facts, await loadTemplates());
  const report = parseReport(
    markdown.report,
    createMeta(data, locale, new Date(0)),
    facts,
    new CitationRegistry(facts),
  );
  const paragraphs = report.blocks.filter(
    (b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph',
  );
  const list = report.blocks.find((b): b is Extract<Block, { type: 'list' }> => b.type === 'list')!;
  const point = (list.items[0]![0] as Extract<Block, { type: 'paragraph' }>).children;
  return { summary: paragraphs[0]!.children, point, title: report.meta.title };
}

describe('markup: inline', () => {
  it('reads **bold**, _italic_ and http links in text fields, and nothing else', async () => {
    const { summary, point, title } = await summaryOf('markup: inline');
    expect(summary).toContainEqual({ type: 'strong', children: [{ type: 'text', text: 'bold' }] });
    expect(summary).toContainEqual({ type: 'emphasis', children: [{ type: 'text', text: 'italic' }] });
    expect(summary).toContainEqual({
      type: 'link',
      href: 'https://example.org/a_b',
      children: [{ type: 'text', text: 'link' }],
    });
    const text = summary
      .filter((i) => i.type === 'text')
      .map((i) => (i as { text: string }).text)
      .join('');
    expect(text).toContain('a_b_c and 2*3*4 stay.');
    expect(summary.some((i) => i.type === 'figure')).toBe(true);
    // A javascript: link is not a link: it stays literal text.
    expect(point[0]).toEqual({ type: 'strong', children: [{ type: 'text', text: 'Point' }] });
    expect(point.some((i) => i.type === 'link')).toBe(false);
    // One-line fields stay literal.
    expect(title).toBe('A **title** stays literal');
  });

  it('leaves text literal without the option', async () => {
    const { summary } = await summaryOf('');
    expect(summary.some((i) => i.type === 'strong' || i.type === 'emphasis' || i.type === 'link')).toBe(
      false,
    );
    const text = summary
      .filter((i) => i.type === 'text')
      .map((i) => (i as { text: string }).text)
      .join('');
    expect(text).toContain('**bold**, _italic_, a [link](https://example.org/a_b)');
  });
});
