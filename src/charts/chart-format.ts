import { numberFormat } from '../locale/intl-cache.js';
import type { Locale } from '../locale/locales.js';
import { unitKind } from '../briefing/units.js';
import {
  autoScale,
  defaultScale,
  formatAmount,
  scaleDivisor,
  type Scale,
  type ScaleSetting,
} from '../locale/values.js';
import { getChartWords } from './chart-words.js';

/**
 * How a chart's values are written. `axisScale` is one scale for the whole axis (values
 * are divided by its divisor before plotting), or `per-value` when the chart's scale is
 * `auto` and its values need different ones ("$4 million" beside "$1.2 billion"): then
 * values are plotted in full and each tick and label picks its own scale.
 */
export interface ChartValueFormat {
  unit: string;
  axisScale: Scale | 'per-value';
  decimals?: number;
}

/**
 * One scale for the axis when the setting fixes one, or when `auto` gives every value
 * the same; else each value keeps its own ("$4 million" beside "$1.2 billion").
 */
export function valueFormatFor(
  setting: ScaleSetting | undefined,
  unit: string,
  decimals: number | undefined,
  datasets: readonly { values: readonly (number | null)[] }[],
): ChartValueFormat {
  const scale = setting ?? defaultScale(unit);
  const base = { unit, ...(decimals !== undefined && { decimals }) };
  if (scale !== 'auto') return { ...base, axisScale: scale };
  const values = datasets.flatMap((d) => d.values.filter((v): v is number => v !== null));
  const scales = new Set(values.map(autoScale));
  return { ...base, axisScale: scales.size <= 1 ? ([...scales][0] ?? 'none') : 'per-value' };
}

export function divisorOf(format: ChartValueFormat): number {
  return format.axisScale === 'per-value' ? 1 : scaleDivisor(format.axisScale);
}

/**
 * A value in base units as the report's text prints it ("420", "$4 million", "20%",
 * "9.2 GW"), so a data label never disagrees with a sentence.
 */
export function formatValue(value: number, format: ChartValueFormat, locale: Locale): string {
  const scale = format.axisScale === 'per-value' ? 'auto' : format.axisScale;
  return formatAmount(value, { unit: format.unit, scale, decimals: format.decimals }, locale).text;
}

/** An axis tick: the plotted (divided) value in the short form, "$800 bn", "9.2 GW". */
export function formatTick(
  plotted: number,
  format: ChartValueFormat,
  locale: Locale,
  fixedDigits?: number,
): string {
  const scale = format.axisScale === 'per-value' ? autoScale(plotted) : format.axisScale;
  const shown = format.axisScale === 'per-value' ? plotted / scaleDivisor(scale) : plotted;
  const { prefix, suffix } = unitAffixes(format.unit, locale, 'short', scale);
  // An axis of one scale prints every tick with its step's digits, as the deck's format does.
  const fixed = fixedDigits !== undefined && format.axisScale !== 'per-value';
  const digits = numberFormat(
    locale.numberTag,
    fixed
      ? { minimumFractionDigits: fixedDigits, maximumFractionDigits: fixedDigits }
      : { maximumFractionDigits: 1 },
  ).format(shown);
  if (unitKind(format.unit).kind === 'percent') return `${digits}${suffix}`;
  return `${prefix}${digits}${suffix}`;
}

/**
 * The Excel number format a native deck chart uses to print the same ticks and
 * labels: '#,##0' for counts, '0"%"' for percent (values are 20, not 0.2, so the
 * sign is a literal), '"$"#,##0" bn"' for US dollars in billions. A per-value scale
 * becomes conditional sections that divide by a thousand per trailing comma:
 * '[>=999950000]"$"#,##0.0,,," billion";[>=1000000]"$"#,##0.0,," million";"$"#,##0'.
 *
 * A format's "," groups digits with the separator of whoever opens the deck, so a
 * Ukrainian deck would show "1,000" on an English computer. Where the briefing's
 * language groups otherwise, the groups are written out as literals in conditional
 * sections ('[>=1000]#" "##0;0'), so "1 000" reads the same on every machine.
 */
export function excelNumberFormat(
  format: ChartValueFormat,
  locale: Locale,
  fractionDigits: number,
  scaleWord: 'short' | 'long' = 'short',
  values: readonly number[] = [],
): string {
  const decimals = fractionDigits > 0 ? `.${'0'.repeat(fractionDigits)}` : '';
  const wrap = (digits: string, scale: Scale): string => {
    const { prefix, suffix } = unitAffixes(format.unit, locale, scaleWord, scale);
    return digits.replace(/^(\[[^\]]*\])?(.*)$/, `$1${quote(prefix)}$2${quote(suffix)}`);
  };
  if (format.axisScale === 'per-value') {
    // Each scale shows a decimal only if one of its values needs it: "$4 million", "$1.2 billion".
    const digitsFor = (scale: Scale): string => {
      const inScale = values.filter((v) => autoScale(v) === scale).map((v) => v / scaleDivisor(scale));
      const n = format.decimals ?? Math.max(fractionDigitsFor(inScale), fractionDigits > 0 ? 1 : 0);
      return n > 0 ? `.${'0'.repeat(n)}` : '';
    };
    const full = groupedDigits(locale, decimals);
    return [
      wrap(`[>=999950000]0${digitsFor('billion')},,,`, 'billion'),
      wrap(`[>=1000000]0${digitsFor('million')},,`, 'million'),
      wrap(full[full.length - 2] ?? full[0]!, 'none').replace(/^\[[^\]]*\]/, ''),
    ].join(';');
  }
  const scale = format.axisScale;
  // Percentages never reach a thousand: no grouping.
  if (unitKind(format.unit).kind === 'percent') return wrap(`0${decimals}`, scale);
  return groupedDigits(locale, decimals)
    .map((digits) => wrap(digits, scale))
    .join(';');
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

/**
 * What goes before and after the digits of a short amount: "$" and " bn" in English,
 * "" and " млрд $" in Ukrainian; " GW" for a text unit; " год" for a CLDR unit. Read from
 * Intl so the currency sign or unit sits where the language puts it.
 */
export function unitAffixes(
  unit: string,
  locale: Locale,
  display: 'short' | 'long',
  scale: Scale,
): { prefix: string; suffix: string } {
  const words = getChartWords(locale);
  const word =
    scale === 'none' ? '' : display === 'long' ? locale.scaleWords[scale] : words.scaleShort[scale];
  const kind = unitKind(unit);
  let options: Intl.NumberFormatOptions | undefined;
  if (kind.kind === 'currency') {
    // Data labels name the currency as the report's text does ("800 млрд доларів США"); ticks use
    // the narrow sign. 5 gives the form a noun takes after a scale word ("доларів", not "долар").
    options = {
      style: 'currency',
      currency: kind.code,
      currencyDisplay: display === 'long' ? locale.currencyDisplay : 'narrowSymbol',
      maximumFractionDigits: 0,
    };
  } else if (kind.kind === 'cldr') {
    options = { style: 'unit', unit: kind.unit, unitDisplay: display === 'long' ? 'long' : 'short' };
  }
  let prefix = '';
  let after = '';
  if (options) {
    const parts = numberFormat(locale.numberTag, options).formatToParts(5);
    const numeric = parts.findIndex((p) => p.type === 'integer');
    const text = (from: number, to: number): string =>
      parts
        .slice(from, to)
        .map((p) => p.value)
        .join('')
        .replace(/\s+/g, ' ');
    prefix = text(0, numeric);
    after = text(numeric + 1, parts.length).trim();
  } else if (kind.kind === 'percent') {
    after = '%';
  } else if (kind.kind === 'text') {
    after = kind.text;
  }
  if (kind.kind === 'percent' && word === '') return { prefix: '', suffix: '%' };
  const suffix = [word, after].filter((s) => s !== '').join(' ');
  return { prefix, suffix: suffix === '' ? '' : ` ${suffix}` };
}

/** An Excel format literal: '"$"', or nothing for an empty string. */
function quote(literal: string): string {
  return literal === '' ? '' : `"${literal.replace(/"/g, '')}"`;
}
