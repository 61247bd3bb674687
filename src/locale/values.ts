import { numberFormat, pluralRules } from './intl-cache.js';
import type { Locale } from './locales.js';
import { unitKind } from '../briefing/units.js';

export const scales = ['none', 'thousand', 'million', 'billion'] as const;
export type Scale = (typeof scales)[number];
export type ScaleSetting = Scale | 'auto';

const divisors: Record<Scale, number> = { none: 1, thousand: 1e3, million: 1e6, billion: 1e9 };

export function scaleDivisor(scale: Scale): number {
  return divisors[scale];
}

/** How a value prints: its unit, its scale (`auto` picks one per value), and fixed decimals. */
export interface ValueFormat {
  unit: string;
  scale?: ScaleSetting | undefined;
  decimals?: number | undefined;
}

/** A value, or a range written [low, high]. */
export type Amount = number | readonly [number, number];

/** Money is written "$4 million" by default; other units in full unless a scale is given. */
export function defaultScale(unit: string): ScaleSetting {
  return unitKind(unit).kind === 'currency' ? 'auto' : 'none';
}

/**
 * The scale `auto` picks for a value: millions from a million, billions from a billion
 * (from 999.95 million, which would otherwise round to "1,000.0 million"), else in full.
 */
export function autoScale(magnitude: number): Scale {
  const m = Math.abs(magnitude);
  if (m >= 999.95e6) return 'billion';
  if (m >= 1e6) return 'million';
  return 'none';
}

export function resolveScale(magnitude: number, format: ValueFormat): Scale {
  const setting = format.scale ?? defaultScale(format.unit);
  return setting === 'auto' ? autoScale(magnitude) : setting;
}

/** Fraction digits: `decimals` when given; else 1 for scaled values and percentages, 0 for counts, up to 2 otherwise. */
export function fractionDigits(format: ValueFormat, scale: Scale): { min: number; max: number } {
  if (format.decimals !== undefined) return { min: format.decimals, max: format.decimals };
  const kind = unitKind(format.unit).kind;
  if (scale !== 'none' || kind === 'percent') return { min: 0, max: 1 };
  if (kind === 'count') return { min: 0, max: 0 };
  return { min: 0, max: 2 };
}

function intlOptions(format: ValueFormat, scale: Scale, locale: Locale): Intl.NumberFormatOptions {
  const digits = fractionDigits(format, scale);
  const base = { minimumFractionDigits: digits.min, maximumFractionDigits: digits.max };
  const unit = unitKind(format.unit);
  switch (unit.kind) {
    case 'count':
    case 'text':
      return base;
    case 'percent':
      return { ...base, style: 'percent' };
    case 'currency':
      return { ...base, style: 'currency', currency: unit.code, currencyDisplay: locale.currencyDisplay };
    case 'cldr':
      return { ...base, style: 'unit', unit: unit.unit, unitDisplay: 'long' };
  }
}

const NUMERIC = new Set(['integer', 'group', 'decimal', 'fraction', 'minusSign', 'plusSign']);

interface Split {
  before: string;
  digits: string;
  after: string;
}

/** A formatted number cut into what comes before its digits, the digits, and what follows. */
function split(parts: readonly Intl.NumberFormatPart[]): Split {
  const first = parts.findIndex((p) => NUMERIC.has(p.type));
  let last = first;
  parts.forEach((p, i) => {
    if (NUMERIC.has(p.type)) last = i;
  });
  const join = (from: number, to: number): string =>
    parts
      .slice(from, to)
      .map((p) => p.value)
      .join('');
  return { before: join(0, first), digits: join(first, last + 1), after: join(last + 1, parts.length) };
}

export interface FormattedAmount {
  /** "$4 million", "9.2 GW", "98.6%", "$10,000–20,000". */
  text: string;
  /** The scale the amount is written in. */
  scale: Scale;
}

/**
 * A value (or a range) with its unit, per locale: Intl formats the digits, currency and
 * CLDR unit names; a scale word goes right after the digits ("$4 million", "4 млн доларів
 * США"); a text unit follows the number ("9.2 GW"). A range shares one scale and one unit:
 * "$10,000–20,000", "10–20%", "2–5 годин".
 */
export function formatAmount(amount: Amount, format: ValueFormat, locale: Locale): FormattedAmount {
  const [low, high] = typeof amount === 'number' ? [amount, amount] : amount;
  const range = typeof amount !== 'number';
  const scale = resolveScale(Math.max(Math.abs(low), Math.abs(high)), format);
  const divisor = divisors[scale];
  const unit = unitKind(format.unit);
  const intl = numberFormat(locale.numberTag, intlOptions(format, scale, locale));
  const toIntl = (v: number): number => (unit.kind === 'percent' ? v / divisor / 100 : v / divisor);
  const highParts = split(intl.formatToParts(toIntl(high)));
  // After a scale word a currency or unit takes one form whatever the number: "1,5 млрд
  // доларів", never "1,5 млрд долара". Intl gives that form for 5 (genitive plural in Ukrainian).
  const affixes = scale === 'none' ? highParts : split(intl.formatToParts(5));
  const lowDigits = range ? split(intl.formatToParts(toIntl(low))).digits : '';
  let digits = range ? `${lowDigits}–${highParts.digits}` : highParts.digits;
  if (scale !== 'none') digits += ` ${locale.scaleWords[scale]}`;
  // Intl's spacing around a currency or unit becomes ordinary spaces; the digits keep theirs.
  const space = (text: string): string => text.replace(/\s+/g, ' ');
  let text = `${space(affixes.before)}${digits}${space(affixes.after)}`;
  if (unit.kind === 'text' && unit.text !== '') text += ` ${unit.text}`;
  return { text: text.trim(), scale };
}

/** selectRange is ES2023 Intl (Node 20+); TypeScript's ES2023 lib does not declare it yet. */
type RangeRules = Intl.PluralRules & { selectRange(start: number, end: number): Intl.LDMLPluralRule };

/** The plural forms of a noun; `other` is required, as in CLDR. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Noun = string | PluralForms;

/**
 * The form of a noun after an amount, chosen with Intl.PluralRules for the locale:
 * "1 drone", "2 drones"; "21 дрон", "22 дрони", "25 дронів". After a scale word the
 * noun takes the form it takes after 5 ("1,5 млн дронів", "1.5 million drones").
 */
export function nounFor(
  noun: Noun,
  amount: Amount,
  format: ValueFormat,
  scale: Scale,
  locale: Locale,
): string {
  if (typeof noun === 'string') return noun;
  const digits = fractionDigits(format, scale);
  const rules = pluralRules(locale.numberTag, {
    minimumFractionDigits: digits.min,
    maximumFractionDigits: digits.max,
  });
  const divisor = divisors[scale];
  let category: Intl.LDMLPluralRule;
  if (scale !== 'none') category = rules.select(5);
  else if (typeof amount === 'number') category = rules.select(amount);
  else category = (rules as RangeRules).selectRange(amount[0] / divisor, amount[1] / divisor);
  return noun[category] ?? noun.other;
}
