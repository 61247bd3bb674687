import { describe, expect, it } from 'vitest';
import { loadBriefing } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { resolveChart } from '../../src/charts/resolve-chart.js';
import { resolveFacts } from '../../src/compose/facts.js';
import { getLocale } from '../../src/locale/locales.js';
import { defaultTheme } from '../../src/theme/default-theme.js';

/** test/fixtures/data/uk-briefing.yaml: plural nouns, money and time columns in Ukrainian. */
async function facts() {
  const briefing = validateBriefing(await loadBriefing('test/fixtures/data/uk-briefing.yaml'));
  const locale = getLocale(briefing.locale);
  return { briefing, locale, facts: resolveFacts(briefing, locale) };
}

describe('a Ukrainian briefing with plural nouns and time columns', () => {
  it('prints each figure with the noun form its number needs', async () => {
    const { facts: f } = await facts();
    const text = (id: string) => f.figures.get(id)!.text.inline.replace(/\u00a0/g, ' ');
    expect(['one', 'two', 'five', 'twenty-one', 'twenty-two', 'twenty-five', 'eleven'].map(text)).toEqual([
      '1 дрон',
      '2 дрони',
      '5 дронів',
      '21 дрон',
      '22 дрони',
      '25 дронів',
      '11 дронів',
    ]);
    expect(text('repair')).toBe('4 млн доларів США');
  });

  it('formats table cells and chart axis labels for the period and language', async () => {
    const { briefing, locale, facts: f } = await facts();
    const cells = f.tables.get('monthly')!.cells;
    expect(cells[1]![0]).toMatch(/^червень 2025/);
    expect(cells[1]![1]).toBe('II кв. 2025');
    const chart = resolveChart(briefing.charts[0]!, briefing, defaultTheme(), locale);
    expect(chart.categories).toEqual(['трав. 2025', 'черв. 2025']);
  });
});
