import { formatMoney, formatNumber, formatPercent } from '../locale/format.js';
import type { Locale } from '../locale/locales.js';
import { getChartWords } from './chart-words.js';
import type { ChartFormat } from './types.js';
import { numberFormat, dateTimeFormat } from '../locale/intl-cache.js';

/** What a chart's values are divided by before they are plotted. */
export function divisorFor(format: ChartFormat): number {
  return format === 'currency-billions' ? 1e9 : 1;
}

/**
 * A value in base units, formatted exactly as the report text prints it
 * ("420", "$800 billion", "20%"), so a data label never disagrees with a sentence.
 */
export function formatValue(
  value: number,
  format: ChartFormat,
  currency: string | undefined,
  locale: Locale,
): string {
  switch (format) {
    case 'count':
      return formatNumber(value, locale, 0);
    case 'percent':
      return formatPercent(value, locale);
    case 'currency-billions':
      return formatMoney(value, currency ?? 'USD', 'billion', locale);
  }
}

/** An axis tick: the plotted (divided) value in the short form, "$800 bn". */
export function formatTick(
  plotted: number,
  format: ChartFormat,
  currency: string | undefined,
  locale: Locale,
): string {
  // Counts and percentages are plotted as they are; only money is divided and written short.
  if (format !== 'currency-billions') return formatValue(plotted, format, currency, locale);
  const { prefix, suffix } = currencyAffixes(currency ?? 'USD', locale, 'short');
  return `${prefix}${formatNumber(plotted, locale, 1)}${suffix}`;
}

/**
 * The Excel number format a native deck chart uses to print the same ticks and
 * labels: '#,##0' for counts, '0"%"' for percent (values are 20, not 0.2, so the
 * sign is a literal), '"$"#,##0" bn"' for US dollars in billions.
 *
 * A format's "," groups digits with the separator of whoever opens the deck, so a
 * Ukrainian deck would show "1,000" on an English computer. Where the briefing's
 * language groups otherwise, the groups are written out as literals in conditional
 * sections ('[>=1000]#" "##0;0'), so "1 000" reads the same on every machine.
 */
export function excelNumberFormat(
  format: ChartFormat,
  currency: string | undefined,
  locale: Locale,
  fractionDigits: number,
  scaleWord: 'short' | 'long' = 'short',
): string {
  const decimals = fractionDigits > 0 ? `.${'0'.repeat(fractionDigits)}` : '';
  switch (format) {
    case 'count':
      return groupedDigits(locale, decimals).join(';');
    case 'percent':
      return `0${decimals}"%"`;
    case 'currency-billions': {
      const { prefix, suffix } = currencyAffixes(currency ?? 'USD', locale, scaleWord);
      return groupedDigits(locale, decimals)
        .map((digits) => digits.replace(/^(\[[^\]]*\])?(.*)$/, `$1${quote(prefix)}$2${quote(suffix)}`))
        .join(';');
    }
  }
}

/** The digit pattern of a format, one entry per section: '#,##0', or literal groups for up to 999 999 999. */
function groupedDigits(locale: Locale, decimals: string): string[] {
  const group =
    numberFormat(locale.numberTag)
      .formatToParts(12345)
      .find((p) => p.type === 'group')?.value ?? ',';
  if (group === ',') return [`#,##0${decimals}`];
  const g = quote(group);
  return [`[>=1000000]#${g}###${g}##0${decimals}`, `[>=1000]#${g}##0${decimals}`, `0${decimals}`];
}

/** 0 when every plotted value is whole, else 1 (charts never need more). */
export function fractionDigitsFor(plotted: readonly number[]): number {
  return plotted.some((v) => !Number.isInteger(Math.round(v * 10) / 10)) ? 1 : 0;
}

/** "1 Feb", or "1 Feb 2026" when a series crosses a year; short enough for an axis. */
export function formatShortDate(isoDate: string, withYear: boolean, locale: Locale): string {
  return dateTimeFormat(locale.dateTag, {
    day: 'numeric',
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * What goes before and after the digits of a short money amount: "$" and " bn"
 * in English, "" and " млрд $" in Ukrainian. Read from Intl so the currency sign
 * sits where the language puts it.
 */
function currencyAffixes(
  currency: string,
  locale: Locale,
  scaleWord: 'short' | 'long',
): { prefix: string; suffix: string } {
  // Data labels name the currency as the report's text does ("800 млрд доларів США"); ticks use the
  // narrow sign. 5 gives the form a noun takes after a scale word ("доларів", not "долар").
  const parts = numberFormat(locale.numberTag, {
    style: 'currency',
    currency,
    currencyDisplay: scaleWord === 'long' ? locale.currencyDisplay : 'narrowSymbol',
    maximumFractionDigits: 0,
  }).formatToParts(5);
  const numeric = parts.findIndex((p) => p.type === 'integer');
  const text = (from: number, to: number): string =>
    parts
      .slice(from, to)
      .map((p) => p.value)
      .join('')
      .replace(/\s+/g, ' ');
  const after = text(numeric + 1, parts.length).trim();
  // Data labels use the report's word ("billion") so they read like the text; ticks use "bn".
  const word = scaleWord === 'long' ? locale.scaleWords.billion : getChartWords(locale).billionShort;
  return { prefix: text(0, numeric), suffix: ` ${word}${after ? ` ${after}` : ''}` };
}

/** An Excel format literal: '"$"', or nothing for an empty string. */
function quote(literal: string): string {
  return literal === '' ? '' : `"${literal.replace(/"/g, '')}"`;
}
