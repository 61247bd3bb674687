import type { Briefing, Figure } from '../briefing/types.js';
import type { FigureStrings } from '../document/types.js';
import { formatFigure } from '../locale/format.js';
import type { Locale } from '../locale/locales.js';
import { divisorOf, formatTick, formatValue, valueFormatFor } from './chart-format.js';

/** The amount a chart plots for a figure: its value, or a range's upper end. */
export function plottedValue(value: Figure['value']): number {
  return typeof value === 'number' ? value : value[1];
}

/**
 * A figure's printed forms, each formatted once here: in running text ("about $800
 * billion"), as a key figure (the number large, the words around it), as a data label (the
 * plotted amount, "$800 billion") and on a value axis ("$800 bn"). It lives with the charts
 * because two of its forms are chart forms (chart-format.ts); the document carries the record.
 */
export function figureStrings(figure: Figure, locale: Locale): FigureStrings {
  const formatted = formatFigure(figure, locale);
  const plotted = plottedValue(figure.value);
  const format = valueFormatFor(figure.scale, figure.unit, figure.decimals, [{ values: [plotted] }]);
  return {
    inline: formatted.text,
    keyFigure: { prefix: formatted.prefix, value: formatted.value, suffix: formatted.suffix },
    dataLabel: formatValue(plotted, format, locale),
    axis: formatTick(plotted / divisorOf(format), format, locale),
  };
}

/** Every figure of a briefing with its printed forms, by id. */
export function figureStringsOf(briefing: Briefing, locale: Locale): Map<string, FigureStrings> {
  return new Map(briefing.figures.map((f) => [f.id, figureStrings(f, locale)]));
}
