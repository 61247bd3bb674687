import { boundedCache } from '../cache/index.js';

/**
 * Intl formatters by locale and options, for the life of the process. Creating one
 * loads and parses locale data (tens of microseconds warm, far more cold) and a build
 * formats hundreds of numbers, dates and lists with a handful of distinct formats.
 * Formatters are immutable, so sharing them changes nothing but the time.
 */
type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat | Intl.PluralRules;
const formatters = boundedCache<Formatter>({ name: 'Intl formatters', maxEntries: 256 });

function cached<T extends Formatter>(kind: string, tag: string, options: object, create: () => T): T {
  return formatters.get(`${kind}\0${tag}\0${JSON.stringify(options)}`, create) as T;
}

export function numberFormat(tag: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', tag, options, () => new Intl.NumberFormat(tag, options));
}

export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached('date', tag, options, () => new Intl.DateTimeFormat(tag, options));
}

export function listFormat(tag: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  return cached('list', tag, options, () => new Intl.ListFormat(tag, options));
}

export function pluralRules(tag: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  return cached('plural', tag, options, () => new Intl.PluralRules(tag, options));
}
