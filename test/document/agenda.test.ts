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
import { getLocale } from '../../src/locale/locales.js';

async function deckOf(file: string) {
  const briefing = validateBriefing(await loadBriefing(file));
  const locale = getLocale(briefing.locale);
  const facts = resolveFacts(briefing, locale);
  const markdown = composeMarkdown(briefing, facts, await loadTemplates());
  const meta = createMeta(briefing, locale, new Date('2026-03-01T00:00:00Z'));
  return { briefing, deck: parseDeck(markdown.deck, meta, facts, new CitationRegistry(facts)) };
}

describe('the deck agenda', () => {
  it("names every section, also one with only key figures, and not the deck's key-figures slide", async () => {
    const { briefing, deck } = await deckOf('test/fixtures/briefings/section-figures-only.yaml');
    const agenda = deck.slides.find((slide) => plainText(slide.title) === 'Agenda')!;
    const list = agenda.blocks[0]!;
    const items =
      list.type === 'list'
        ? list.items.map((item) => (item[0]?.type === 'paragraph' ? plainText(item[0].children) : ''))
        : [];
    expect(items).toEqual(['Summary', ...briefing.sections.map((section) => section.title)]);
    expect(deck.slides.some((slide) => plainText(slide.title) === 'Key figures')).toBe(true);
  });
});
