import { describe, expect, it } from 'vitest';
import { getLocale } from '../../src/locale/locales.js';
import { formatAmount, nounFor } from '../../src/locale/values.js';
import { formatFigure } from '../../src/locale/format.js';
import type { Figure } from '../../src/briefing/types.js';

const en = getLocale('en');
const uk = getLocale('uk');
const nbsp = (text: string): string => text.replace(/\u00a0/g, ' ');

describe('formatAmount: units and scales', () => {
  it('writes money of a million or more in millions or billions, per value, and smaller money in full', () => {
    expect(formatAmount(4e6, { unit: 'USD' }, en).text).toBe('$4 million');
    expect(formatAmount(225e6, { unit: 'EUR' }, en).text).toBe('€225 million');
    expect(formatAmount(1.2e9, { unit: 'EUR' }, en).text).toBe('€1.2 billion');
    expect(formatAmount(20000, { unit: 'USD' }, en).text).toBe('$20,000');
    // 999,999,999 would round to "1,000.0 million": it is a billion.
    expect(formatAmount(999_999_999, { unit: 'USD' }, en).text).toBe('$1 billion');
    expect(formatAmount(4e6, { unit: 'USD' }, uk).text).toBe('4 млн доларів США');
  });

  it('keeps a fixed scale when one is given, and writes other units in full by default', () => {
    expect(formatAmount(4e6, { unit: 'USD', scale: 'billion' }, en).text).toBe('$0 billion');
    expect(formatAmount(3_700_000, { unit: 'count' }, en).text).toBe('3,700,000');
    expect(formatAmount(3_700_000, { unit: 'count', scale: 'auto' }, en).text).toBe('3.7 million');
  });

  it('prints unit text after the number, CLDR units in the language, and decimals as asked', () => {
    expect(formatAmount(9.2, { unit: 'GW' }, en).text).toBe('9.2 GW');
    expect(formatAmount(9.2, { unit: 'GW' }, uk).text).toBe('9,2 GW');
    expect(formatAmount(16, { unit: 'hour' }, en).text).toBe('16 hours');
    expect(formatAmount(16, { unit: 'hour' }, uk).text).toBe('16 годин');
    expect(formatAmount(98.6, { unit: 'percent', decimals: 1 }, en).text).toBe('98.6%');
    expect(formatAmount(98, { unit: 'percent', decimals: 1 }, en).text).toBe('98.0%');
  });

  it('writes ranges with one unit and one scale', () => {
    expect(formatAmount([10000, 20000], { unit: 'USD' }, en).text).toBe('$10,000–20,000');
    expect(nbsp(formatAmount([10000, 20000], { unit: 'USD' }, uk).text)).toBe('10 000–20 000 доларів США');
    expect(formatAmount([10, 20], { unit: 'percent' }, en).text).toBe('10–20%');
    expect(formatAmount([2e6, 3.5e6], { unit: 'USD' }, en).text).toBe('$2–3.5 million');
  });
});

describe('nounFor: plural forms', () => {
  const drone = { one: 'дрон', few: 'дрони', many: 'дронів', other: 'дрона' };
  it('picks the Ukrainian form for 1, 2, 5, 21, 22, 25 and 11', () => {
    const forms = [1, 2, 5, 21, 22, 25, 11].map((n) => nounFor(drone, n, { unit: 'count' }, 'none', uk));
    expect(forms).toEqual(['дрон', 'дрони', 'дронів', 'дрон', 'дрони', 'дронів', 'дронів']);
  });

  it('takes the form for 5 after a scale word, and falls back to "other"', () => {
    expect(nounFor(drone, 1.5e6, { unit: 'count' }, 'million', uk)).toBe('дронів');
    expect(nounFor({ one: 'drone', other: 'drones' }, 1, { unit: 'count' }, 'none', en)).toBe('drone');
    expect(nounFor({ other: 'drones' }, 1, { unit: 'count' }, 'none', en)).toBe('drones');
  });

  it('prints a figure with qualifier, amount, unit and noun', () => {
    const figure = {
      id: 'd',
      label: 'Drones',
      value: 22,
      unit: 'count',
      noun: drone,
      qualifier: 'about',
      asOf: '2025-01-01',
      source: 's',
    } as Figure;
    expect(formatFigure(figure, uk)).toMatchObject({
      prefix: 'близько',
      value: '22',
      suffix: 'дрони',
      text: 'близько 22 дрони',
    });
  });
});
