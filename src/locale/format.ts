import type { Figure } from '../briefing/types.js';
import type { Locale } from './locales.js';
import { numberFormat, dateTimeFormat, listFormat } from './intl-cache.js';

const scaleDivisors = { none: 1, thousand: 1e3, million: 1e6, billion: 1e9 } as const;

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

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 1): string {
  return numberFormat(locale.numberTag, { maximumFractionDigits }).format(value);
}

export function formatPercent(value: number, locale: Locale): string {
  return numberFormat(locale.numberTag, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/**
 * "$800 billion" in English, "800 млрд доларів США" in Ukrainian: Intl formats the
 * amount and names the currency; the scale word goes right after the digits.
 */
export function formatMoney(
  value: number,
  currency: string,
  scale: keyof typeof scaleDivisors,
  locale: Locale,
): string {
  const scaled = value / scaleDivisors[scale];
  const format = numberFormat(locale.numberTag, {
    style: 'currency',
    currency,
    currencyDisplay: locale.currencyDisplay,
    minimumFractionDigits: 0,
    maximumFractionDigits: scale === 'none' ? 2 : 1,
  });
  const parts = format.formatToParts(scaled);
  if (scale === 'none') return parts.map((p) => p.value).join('');
  // After a scale word the currency takes one form whatever the number: "1,5 млрд доларів",
  // never "1,5 млрд долара". Intl gives that form for 5 (genitive plural in Ukrainian).
  const afterScale = format.formatToParts(5).find((p) => p.type === 'currency')?.value;
  for (const part of parts) if (part.type === 'currency' && afterScale) part.value = afterScale;
  const numeric = new Set(['integer', 'group', 'decimal', 'fraction']);
  let lastNumeric = -1;
  parts.forEach((p, i) => {
    if (numeric.has(p.type)) lastNumeric = i;
  });
  const word = locale.scaleWords[scale];
  return parts
    .map((p, i) => (i === lastNumeric ? `${p.value}\u00a0${word}` : p.value))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export function formatFigure(figure: Figure, locale: Locale): FormattedFigure {
  const prefix = figure.qualifier ? locale.qualifiers[figure.qualifier] : '';
  let value: string;
  let suffix = '';
  if (figure.unit === 'count') {
    value = formatNumber(figure.value, locale, 0);
    suffix = figure.noun ?? '';
  } else if (figure.unit === 'percent') {
    value = formatPercent(figure.value, locale);
  } else {
    value = formatMoney(figure.value, figure.unit, figure.scale, locale);
  }
  const text = [prefix, value, suffix].filter((part) => part !== '').join(' ');
  return { prefix, value, suffix, text };
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
