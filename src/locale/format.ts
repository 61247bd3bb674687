import type { Figure } from '../briefing/types.js';
import type { Locale } from './locales.js';
import { dateTimeFormat, listFormat } from './intl-cache.js';
import { formatAmount, nounFor } from './values.js';

/** The parts of a formatted figure, so a callout can print the number large. */
export interface FormattedFigure {
  /** "about" */
  prefix: string;
  /** "$800 billion", "420", "20%" */
  value: string;
  /** "drones" */
  suffix: string;
  /** "about $800 billion" — the one string both outputs print. */
  text: string;
}

/**
 * A figure as both outputs print it: qualifier, amount with its unit and scale, and noun
 * in the plural form its number needs ("about $4 million", "21 дрон", "9.2 GW").
 */
export function formatFigure(figure: Figure, locale: Locale): FormattedFigure {
  const prefix = figure.qualifier ? locale.qualifiers[figure.qualifier] : '';
  const amount = formatAmount(figure.value, figure, locale);
  const suffix = figure.noun ? nounFor(figure.noun, figure.value, figure, amount.scale, locale) : '';
  const text = [prefix, amount.text, suffix].filter((part) => part !== '').join(' ');
  return { prefix, value: amount.text, suffix, text };
}

/** "26 February 2026" — dates are calendar dates, so they are formatted in UTC. */
export function formatDate(isoDate: string, locale: Locale): string {
  return dateTimeFormat(locale.dateTag, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

export function formatList(items: readonly string[], locale: Locale): string {
  return listFormat(locale.numberTag, { type: locale.listType }).format(items);
}
