import { describe, expect, it } from 'vitest';
import { figureSchema } from '../../src/briefing/schema.js';
import { figureStrings } from '../../src/charts/figure-text.js';
import { en, uk } from './fixture.js';

const figure = (input: Record<string, unknown>) =>
  figureSchema.parse({ id: 'f', label: 'F', asOf: '2026-02-26', source: 's', unit: 'count', ...input });

describe('a figure’s printed forms, formatted once', () => {
  it('gives one string for each place a figure is printed', () => {
    const money = figure({ value: 800e9, unit: 'USD', qualifier: 'about' });
    expect(figureStrings(money, en)).toEqual({
      inline: 'about $800 billion',
      keyFigure: { prefix: 'about', value: '$800 billion', suffix: '' },
      dataLabel: '$800 billion',
      axis: '$800 bn',
    });
    const drones = figureStrings(figure({ value: 420, noun: { one: 'drone', other: 'drones' } }), en);
    expect([drones.inline, drones.keyFigure.suffix, drones.dataLabel, drones.axis]).toEqual([
      '420 drones',
      'drones',
      '420',
      '420',
    ]);
  });

  it('labels a range by the end a chart plots, in the locale’s words', () => {
    const range = figureStrings(figure({ value: [2e9, 5e9], unit: 'USD' }), uk);
    expect(range.inline.replace(/\s/g, ' ')).toBe('2–5 млрд доларів США');
    expect(range.dataLabel.replace(/\s/g, ' ')).toBe('5 млрд доларів США');
    expect(range.axis.replace(/\s/g, ' ')).toBe('5 млрд $');
  });
});
