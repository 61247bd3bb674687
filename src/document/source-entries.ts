import type { Source } from '../briefing/types.js';
import { formatDate } from '../locale/format.js';
import { fillLabel, type Locale } from '../locale/locales.js';
import type { FactLookup } from './fact-lookup.js';
import { isSafeHref } from './links.js';
import type { CitedSource, SourceEntryRun } from './types.js';

/**
 * The final wording of a source list entry, decided once for both outputs.
 * Full (the report): "Publisher (via X). Title. Date. Note. https://…", each part a
 * sentence so entries read alike whichever optional fields a source has.
 * Brief (the deck's Sources slide): "Publisher. Title. Date." with the URL as a link on
 * the text rather than printed, so an entry stays short enough to keep on one slide.
 */
export function citedSource(id: string, number: number, facts: FactLookup): CitedSource {
  const s = facts.sources.get(id)!;
  const via = s.citedBy ? facts.sources.get(s.citedBy)?.publisher : undefined;
  const date = s.date ? formatDate(s.date, facts.locale) : undefined;
  const fields = {
    number,
    id,
    publisher: s.publisher,
    ...(s.title !== undefined && { title: s.title }),
    ...(date !== undefined && { date }),
    ...(s.url !== undefined && { url: s.url }),
    ...(via !== undefined && { via }),
    ...(s.note !== undefined && { note: s.note }),
  };
  return withWording(fields, entryWords(facts.locale), sourceLabel(s, facts));
}

/** What an entry's wording needs of the locale: its language, and the word for "via". */
export interface EntryWords {
  lang: string;
  /** "via {source}", "цит. за {source}". */
  via: string;
}

export function entryWords(locale: Pick<Locale, 'lang' | 'labels'>): EntryWords {
  return { lang: locale.lang, via: locale.labels.via };
}

/** A source's fields with its final wording added: its label and its full and brief entries. */
export function withWording(
  fields: Omit<CitedSource, 'label' | 'entry' | 'brief'>,
  words: EntryWords,
  label = fields.publisher,
): CitedSource {
  return { ...fields, label, entry: fullEntry(fields, words), brief: briefEntry(fields, words) };
}

/** "Reuters", or "TASS (via Reuters)" in the document's language: how a source is named on one line. */
export function sourceLabel(source: Source, facts: FactLookup): string {
  const via = source.citedBy ? facts.sources.get(source.citedBy) : undefined;
  return via
    ? `${source.publisher} (${fillLabel(facts.locale.labels.via, { source: via.publisher })})`
    : source.publisher;
}

interface EntryFields {
  publisher: string;
  title?: string;
  date?: string;
  url?: string;
  via?: string;
  note?: string;
}

/** Ends a part with a full stop unless it already ends a sentence. */
function sentence(value: string): string {
  return /[.!?…]$/u.test(value) ? value : `${value}.`;
}

function publisherRuns(fields: EntryFields, words: EntryWords): SourceEntryRun[] {
  // "via" names who relayed the source; a phrase ("as cited by X") is kept as written.
  const via = fields.via
    ? /^\p{Ll}/u.test(fields.via)
      ? fields.via
      : fillLabel(words.via, { source: fields.via })
    : undefined;
  return via
    ? [{ text: fields.publisher, strong: true }, { text: ` (${via}).` }]
    : [{ text: sentence(fields.publisher), strong: true }];
}

function fullEntry(fields: EntryFields, words: EntryWords): SourceEntryRun[] {
  const runs = publisherRuns(fields, words);
  if (fields.title) runs.push({ text: ' ' }, { text: sentence(fields.title), emphasis: true });
  if (fields.date) runs.push({ text: ` ${sentence(fields.date)}` });
  if (fields.note) {
    const note = fields.note.charAt(0).toLocaleUpperCase(words.lang) + fields.note.slice(1);
    runs.push({ text: ` ${sentence(note)}` });
  }
  if (fields.url) {
    runs.push(
      { text: ' ' },
      { text: fields.url, ...(isSafeHref(fields.url) && { href: fields.url.trim() }) },
    );
  }
  return runs;
}

function briefEntry(fields: EntryFields, words: EntryWords): SourceEntryRun[] {
  const href = fields.url && isSafeHref(fields.url) ? fields.url.trim() : undefined;
  // The link sits on the publisher's name: short, so it wraps like text in every viewer
  // (LibreOffice sets a linked run as one field, which breaks badly when it is long).
  const runs = publisherRuns(fields, words).map((run, i) => (i === 0 && href ? { ...run, href } : run));
  if (fields.title) runs.push({ text: ' ' }, { text: sentence(fields.title), emphasis: true });
  if (fields.date) runs.push({ text: ` ${sentence(fields.date)}` });
  return runs;
}

/** An entry's plain text, as a reader sees it. */
export function entryText(runs: readonly SourceEntryRun[]): string {
  return runs.map((run) => run.text).join('');
}
