import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { composeMarkdown } from '../../src/compose/compose.js';
import { resolveFacts } from '../../src/compose/facts.js';
import { loadTemplates } from '../../src/compose/load-templates.js';
import { CitationRegistry } from '../../src/document/citations.js';
import { createMeta } from '../../src/document/meta.js';
import { parseDeck } from '../../src/document/parse-deck.js';
import { plainText } from '../../src/document/parse-inline.js';
import { parseReport } from '../../src/document/parse-report.js';
import type { Block, HeadingBlock } from '../../src/document/types.js';
import { getLocale } from '../../src/locale/locales.js';

async function geneva() {
  const briefing = validateBriefing(await loadBriefing('data/geneva-2026-02-26.yaml'));
  const locale = getLocale(briefing.locale);
  const facts = resolveFacts(briefing, locale);
  const markdown = composeMarkdown(briefing, facts, await loadTemplates());
  const meta = createMeta(briefing, locale, new Date('2026-02-27T00:00:00Z'));
  const citations = new CitationRegistry(facts);
  const report = parseReport(markdown.report, meta, facts, citations);
  const deck = parseDeck(markdown.deck, meta, facts, citations);
  return { briefing, report, deck };
}

describe('parseReport', () => {
  it('numbers headings and gives them unique anchors', async () => {
    const { report } = await geneva();
    const headings = report.blocks.filter((b): b is HeadingBlock => b.type === 'heading');
    expect(headings[0]).toMatchObject({ level: 1, number: '1', anchor: 'summary' });
    expect(headings.some((h) => h.level === 2 && /^\d+\.\d+$/.test(h.number))).toBe(true);
    expect(new Set(headings.map((h) => h.anchor)).size).toBe(headings.length);
  });

  it('resolves figures, citations, charts and key figures from the data', async () => {
    const { report } = await geneva();
    const keyFigures = report.blocks.find((b) => b.type === 'key-figures');
    expect(keyFigures).toMatchObject({
      items: [
        { figureId: 'drones', value: '420', suffix: 'drones', text: '420 drones' },
        { figureId: 'missiles', text: '39 missiles' },
        { figureId: 'reconstruction-target', prefix: 'about', value: '$800 billion' },
        { figureId: 'rdna5-estimate', prefix: 'almost', value: '$588 billion' },
      ],
    });
    const charts = report.blocks.filter((b) => b.type === 'chart');
    expect(charts.map((c) => c.type === 'chart' && c.number)).toEqual([1, 2, 3]);
    expect(report.blocks.at(-1)).toEqual({ type: 'sources' });
    // Every source the report cites is listed, numbered from 1 in citation order.
    expect(report.sources.map((s) => s.number)).toEqual(report.sources.map((_, i) => i + 1));
    expect(report.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['zelenskyy', 'reuters', 'ap', 'rdna5', 'nsdc', 'tass']),
    );
  });

  it('keeps escaped data literal in the text', async () => {
    const { report } = await geneva();
    const text = report.blocks
      .map((b: Block) => (b.type === 'paragraph' ? plainText(b.children) : ''))
      .join('\n');
    expect(text).toContain('U.S. and Ukrainian officials met in Geneva');
    expect(text).not.toContain('\\');
  });
});

describe('parseDeck', () => {
  it('splits slides, reads layouts and notes, and fills the agenda', async () => {
    const { deck } = await geneva();
    expect(deck.slides[0]!.layout).toBe('title');
    expect(deck.slides.at(-1)!.layout).toBe('sources');
    const agenda = deck.slides[1]!;
    expect(plainText(agenda.title)).toBe('Agenda');
    const agendaList = agenda.blocks[0];
    expect(agendaList?.type).toBe('list');
    const contentTitles = deck.slides
      .filter((s) => ['content', 'two-column'].includes(s.layout))
      .slice(1)
      .map((s) => plainText(s.title));
    expect(agendaList?.type === 'list' && agendaList.items.length).toBe(new Set(contentTitles).size);
    for (const slide of deck.slides.filter((s) => s.layout !== 'title' && s.layout !== 'sources')) {
      expect(slide.notes.join(' ').length, plainText(slide.title)).toBeGreaterThan(20);
    }
  });

  it('shares citation numbers with the report', async () => {
    const { report, deck } = await geneva();
    for (const source of deck.sources) {
      const inReport = report.sources.find((s) => s.id === source.id);
      if (inReport) expect(inReport.number).toBe(source.number);
    }
  });
});
