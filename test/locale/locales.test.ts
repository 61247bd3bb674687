import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { composeMarkdown } from '../../src/compose/compose.js';
import { unescapeMarkdown } from '../../src/document/escape-markdown.js';
import { resolveFacts } from '../../src/compose/facts.js';
import { loadTemplates } from '../../src/compose/load-templates.js';
import { formatDate, formatList } from '../../src/locale/format.js';
import { formatAmount } from '../../src/locale/values.js';
import { getLocale, locales } from '../../src/locale/locales.js';

const en = getLocale('en');
const uk = getLocale('uk');
const slots = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

async function compose(file: string, templatesDir?: string) {
  const briefing = validateBriefing(await loadBriefing(file));
  return composeMarkdown(
    briefing,
    resolveFacts(briefing, getLocale(briefing.locale)),
    await loadTemplates(templatesDir),
  );
}

describe('the locales', () => {
  it('have every label, translated, with the same {slots}', () => {
    const keys = Object.keys(en.labels).sort();
    for (const [id, locale] of Object.entries(locales)) {
      expect(Object.keys(locale.labels).sort(), id).toEqual(keys);
      for (const key of keys) {
        const text = (locale.labels as unknown as Record<string, string>)[key]!;
        expect(text.trim(), `${id}.${key}`).not.toBe('');
        expect(slots(text), `${id}.${key}`).toEqual(
          slots((en.labels as unknown as Record<string, string>)[key]!),
        );
        if (id !== 'en')
          expect(text, `${id}.${key} is not translated`).not.toBe(
            (en.labels as unknown as Record<string, string>)[key],
          );
      }
    }
  });

  it('format numbers, money, percentages, dates and lists the Ukrainian way', () => {
    const nbsp = (text: string): string => text.replace(/\u00a0/g, ' ');
    expect(nbsp(formatAmount(1000, { unit: 'count' }, uk).text)).toBe('1 000');
    expect(formatAmount(12.5, { unit: '' }, uk).text).toBe('12,5');
    expect(formatAmount(20, { unit: 'percent' }, uk).text).toBe('20%');
    expect(formatAmount(588e9, { unit: 'USD', scale: 'billion' }, uk).text).toBe('588 млрд доларів США');
    // After a scale word the currency keeps one form, whatever the number.
    expect(formatAmount(1.5e9, { unit: 'USD', scale: 'billion' }, uk).text).toBe('1,5 млрд доларів США');
    expect(formatAmount(588e9, { unit: 'USD', scale: 'billion' }, en).text).toBe('$588 billion');
    expect(formatDate('2026-02-26', uk)).toBe('26 лютого 2026 р.');
    expect(formatList(['Сполучені Штати', 'Україна'], uk)).toBe('Сполучені Штати і Україна');
  });
});

describe('labels in the templates', () => {
  it('give the deck notes in the briefing language, with the slots filled', async () => {
    // The Markdown escapes punctuation; read it as the outputs print it.
    const deck = unescapeMarkdown((await compose('test/fixtures/locale/geneva-uk.yaml')).deck);
    expect(deck).toContain(
      '26 лютого 2026 р. у місті Женева зустрілися представники сторін: Сполучені Штати і Україна.',
    );
    expect(deck).toContain('Головне, що варто запамʼятати з брифінгу.');
    expect(deck).toContain('«значною мірою вирішено»');
    expect(deck).not.toMatch(/ met in |The deck follows|points to remember|“/);
    const english = unescapeMarkdown((await compose('data/geneva-2026-02-26.yaml')).deck);
    expect(english).toContain('United States and Ukraine met in Geneva on 26 February 2026.');
  });

  it('name a slot left empty as a template error, with the line', async () => {
    await expect(
      compose('test/fixtures/briefings/minimal.yaml', 'test/fixtures/templates/label-slot'),
    ).rejects.toThrow(/label-slot\/deck\.md\.hbs:6:\d+ .*label "agendaMeeting" needs date=/);
  });
});
