import type { ChartType } from '../briefing/types.js';
import type { Locale } from '../locale/locales.js';

/**
 * The few words charts print or speak that the locale does not supply: chart
 * type names for alt text, the measures of a strike log, the synthetic-data
 * warning and the short scale word used on axis ticks ("$800 bn").
 * They live here rather than in locale/ because only charts use them.
 */
export interface ChartWords {
  types: Record<ChartType, string>;
  measures: { drones: string; missiles: string; regions: string };
  synthetic: string;
  /** Short scale words for ticks and native deck charts, where "billion" is too wide. */
  scaleShort: { thousand: string; million: string; billion: string };
  /** "from 1 February 2026 to 28 February 2026" */
  range: (from: string, to: string) => string;
  /** "lowest 120, highest 600, last 420" */
  summary: (low: string, high: string, last: string) => string;
  points: (count: number) => string;
}

const en: ChartWords = {
  types: {
    bar: 'Bar chart',
    'horizontal-bar': 'Horizontal bar chart',
    'stacked-bar': 'Stacked bar chart',
    'grouped-bar': 'Grouped bar chart',
    line: 'Line chart',
    area: 'Area chart',
    doughnut: 'Doughnut chart',
  },
  measures: { drones: 'Drones', missiles: 'Missiles', regions: 'Regions struck' },
  synthetic: 'Synthetic data',
  scaleShort: { thousand: 'k', million: 'm', billion: 'bn' },
  range: (from, to) => `from ${from} to ${to}`,
  summary: (low, high, last) => `lowest ${low}, highest ${high}, last ${last}`,
  points: (count) => (count === 1 ? '1 point' : `${count} points`),
};

const uk: ChartWords = {
  types: {
    bar: 'Стовпчикова діаграма',
    'horizontal-bar': 'Горизонтальна стовпчикова діаграма',
    'stacked-bar': 'Стовпчикова діаграма з накопиченням',
    'grouped-bar': 'Згрупована стовпчикова діаграма',
    line: 'Лінійна діаграма',
    area: 'Діаграма з областями',
    doughnut: 'Кільцева діаграма',
  },
  measures: { drones: 'Дрони', missiles: 'Ракети', regions: 'Уражені області' },
  synthetic: 'Синтетичні дані',
  scaleShort: { thousand: 'тис.', million: 'млн', billion: 'млрд' },
  range: (from, to) => `з ${from} по ${to}`,
  summary: (low, high, last) => `найменше ${low}, найбільше ${high}, останнє ${last}`,
  points: (count) => `точок: ${count}`,
};

const byLang: Record<string, ChartWords> = { en, uk };

export function getChartWords(locale: Locale): ChartWords {
  return byLang[locale.lang] ?? en;
}
