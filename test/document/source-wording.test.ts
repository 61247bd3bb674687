import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/briefing/types.js';
import type { FactLookup } from '../../src/document/fact-lookup.js';
import { citedSource, entryText, sourceLabel } from '../../src/document/source-entries.js';
import { getLocale, locales, type LocaleId } from '../../src/locale/locales.js';

const sources: Source[] = [
  { id: 'tass', publisher: 'TASS', title: 'Statement', citedBy: 'reuters' } as Source,
  { id: 'reuters', publisher: 'Reuters' } as Source,
];

function lookup(id: LocaleId): FactLookup {
  return {
    locale: getLocale(id),
    figures: new Map(),
    sources: new Map(sources.map((s) => [s.id, s])),
    charts: new Map(),
    tables: new Map(),
  };
}

describe('a source known through another, in the document’s language', () => {
  it('names the relay with the locale’s word in source lines and in both Sources entries', () => {
    const expected: Record<LocaleId, string> = { en: 'TASS (via Reuters)', uk: 'TASS (цит. за Reuters)' };
    for (const id of Object.keys(locales) as LocaleId[]) {
      const facts = lookup(id);
      expect(sourceLabel(sources[0]!, facts), id).toBe(expected[id]);
      const cited = citedSource('tass', 1, facts);
      expect(cited.label, id).toBe(expected[id]);
      expect(entryText(cited.entry), id).toBe(`${expected[id]}. Statement.`);
      expect(entryText(cited.brief), id).toBe(`${expected[id]}. Statement.`);
    }
  });

  it('has a word for "via" in every shipped locale, with its slot', () => {
    for (const [id, locale] of Object.entries(locales)) expect(locale.labels.via, id).toContain('{source}');
    expect(locales.uk.labels.via).not.toContain('via');
  });
});
