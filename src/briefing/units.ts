import { editDistance } from './problems.js';

/**
 * What a value's `unit` names. One function decides, so the schema's check, the
 * text, the tables and the charts all read a unit the same way:
 *   "count", "percent"          — plain numbers and percentages (20 means 20%);
 *   "USD", "EUR", "UAH"         — an ISO 4217 currency (three capitals, known to Intl);
 *   "hour", "kilometer", "kilometer-per-hour" — a CLDR unit, which Intl names per language
 *                                 ("5 hours", "5 годин");
 *   anything else ("GW", "km²", "people") — text printed after the number as written.
 */
export type UnitKind =
  | { kind: 'count' }
  | { kind: 'percent' }
  | { kind: 'currency'; code: string }
  | { kind: 'cldr'; unit: string }
  | { kind: 'text'; text: string };

const CURRENCY_CODE = /^[A-Z]{3}$/;

let currencies: Set<string> | undefined;
let cldrUnits: Set<string> | undefined;

/** ISO 4217 codes this Node's Intl knows (Node 20+: supportedValuesOf). */
export function knownCurrencies(): ReadonlySet<string> {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies;
}

/** The CLDR units Intl.NumberFormat formats ("hour", "kilometer", ...); "X-per-Y" is also valid. */
export function knownCldrUnits(): ReadonlySet<string> {
  cldrUnits ??= new Set(Intl.supportedValuesOf('unit'));
  return cldrUnits;
}

export function isCldrUnit(unit: string): boolean {
  const units = knownCldrUnits();
  if (units.has(unit)) return true;
  const per = unit.split('-per-');
  return per.length === 2 && per.every((part) => units.has(part));
}

export function unitKind(unit: string): UnitKind {
  if (unit === 'count') return { kind: 'count' };
  if (unit === 'percent') return { kind: 'percent' };
  if (CURRENCY_CODE.test(unit)) return { kind: 'currency', code: unit };
  if (isCldrUnit(unit)) return { kind: 'cldr', unit };
  return { kind: 'text', text: unit };
}

/** Why a unit cannot be used, or undefined. Three capitals must be a real currency code. */
export function unitProblem(unit: string): string | undefined {
  if (CURRENCY_CODE.test(unit) && !knownCurrencies().has(unit)) {
    return `"${unit}" is not an ISO 4217 currency code`;
  }
  if (unit.trim() !== unit) return `unit "${unit}" has spaces around it`;
  const meant = meantUnit(unit);
  if (meant !== undefined) return `unit "${unit}" looks like a slip (did you mean "${meant}"?)`;
  return undefined;
}

/**
 * Any text is a unit, so a slip in "percent", "count" or a currency code would print as
 * written ("11.1 procent", "4 usd") instead of failing: text that is one of those in
 * other letter case, "%", or a near miss of "count" or "percent", is refused with a guess.
 */
function meantUnit(unit: string): string | undefined {
  if (unit === '%') return 'percent';
  if (isCldrUnit(unit)) return undefined;
  const upper = unit.toUpperCase();
  if (unit !== upper && /^[a-z]{3}$/i.test(unit) && knownCurrencies().has(upper)) return upper;
  const lower = unit.toLowerCase();
  if (!/^[a-z]+$/.test(lower)) return undefined;
  // One slip in "count" ("cents" is a unit of its own), two in "percent".
  return (['count', 'percent'] as const).find((word) =>
    lower === word ? unit !== word : editDistance(lower, word) <= (word === 'count' ? 1 : 2),
  );
}
