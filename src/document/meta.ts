import type { Briefing } from '../briefing/types.js';
import { formatDate } from '../locale/format.js';
import type { Locale } from '../locale/locales.js';
import type { DocumentMeta } from './types.js';

/** Cover and metadata fields, shared by the report and the deck. */
export function createMeta(briefing: Briefing, locale: Locale, buildDate: Date): DocumentMeta {
  return {
    title: briefing.title,
    shortTitle: briefing.shortTitle ?? briefing.title,
    ...(briefing.subtitle !== undefined && { subtitle: briefing.subtitle }),
    date: briefing.date,
    dateText: formatDate(briefing.date, locale),
    ...(briefing.place !== undefined && { place: briefing.place }),
    ...(briefing.audience !== undefined && { audience: briefing.audience }),
    ...(briefing.organisation !== undefined && { organisation: briefing.organisation }),
    ...(briefing.author !== undefined && { author: briefing.author }),
    keywords: [...briefing.keywords],
    lang: locale.lang,
    labels: { ...locale.labels },
    buildDate,
  };
}
