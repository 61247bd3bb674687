import { entryWords, withWording } from '../../src/document/source-entries.js';
import type { CitedSource, DocumentMeta } from '../../src/document/types.js';
import { locales } from '../../src/locale/locales.js';

/**
 * The Geneva example's metadata and sources, as the hand-written IR fixtures use them
 * (test/fixtures/sample-*-doc.ts), written once: a test changes what it needs.
 */
export function sampleMeta(overrides: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    title: 'U.S.–Ukraine talks in Geneva: ending the war and paying for reconstruction',
    shortTitle: 'Geneva U.S.–Ukraine meeting',
    subtitle:
      'Officials met as Russia launched another large overnight wave of drones and missiles across Ukraine',
    dateText: '26 February 2026',
    date: '2026-02-26',
    place: 'Geneva',
    audience: 'Background briefing · open-source reporting',
    organisation: 'briefkit example briefing',
    author: 'briefkit',
    keywords: ['Ukraine', 'United States', 'Geneva', 'reconstruction'],
    lang: 'en',
    // The locale's labels, so the fixtures follow the contract as labels are added.
    labels: { ...locales.en.labels },
    buildDate: new Date('2026-02-27T06:00:00Z'),
    ...overrides,
  };
}

type SourceFields = Omit<CitedSource, 'number' | 'id' | 'label' | 'entry' | 'brief'>;

/** The example's sources by id. */
const SOURCES: Record<string, SourceFields> = {
  reuters: {
    publisher: 'Reuters',
    title: 'U.S. envoys meet Ukraine team in Geneva as Russia strikes again',
    date: '26 February 2026',
    url: 'https://www.reuters.com/world/europe/us-envoys-meet-ukraine-team-geneva-2026-02-26/',
  },
  ap: {
    publisher: 'The Associated Press',
    title: 'Russia launches hundreds of drones ahead of Geneva talks',
    date: '26 February 2026',
  },
  worldbank: {
    publisher: 'World Bank',
    title: 'Ukraine Fifth Rapid Damage and Needs Assessment (RDNA5)',
    date: 'February 2026',
    url: 'https://www.worldbank.org/en/country/ukraine/publication/rdna5',
  },
  nsdc: {
    publisher: 'National Security and Defense Council of Ukraine',
    title: 'Rustem Umerov, Secretary of the NSDC',
    date: 'July 2025',
    url: 'https://www.rnbo.gov.ua/en/',
  },
  tass: {
    publisher: 'TASS',
    title: 'Dmitriev comments on contacts with U.S. envoys',
    date: '25 February 2026',
    via: 'as cited by Reuters',
  },
  'kyiv-city': {
    publisher: 'Київська міська військова адміністрація',
    title: 'Наслідки нічної атаки на Київ',
    date: '26 лютого 2026',
    url: 'https://kyiv.gov.ua/news/nichna-ataka',
  },
};

/** Cited sources, numbered in the order given, with their English wording; `overrides` by id. */
export function sampleSources(
  ids: readonly string[],
  overrides: Record<string, Partial<SourceFields>> = {},
): CitedSource[] {
  return ids.map((id, index) =>
    withWording(
      { number: index + 1, id, ...SOURCES[id]!, ...overrides[id] } as CitedSource,
      entryWords(locales.en),
    ),
  );
}
