import { escapeMarkdown } from './escape-markdown.js';

/**
 * briefkit's few extensions to Markdown, written here and read in document/.
 * They reuse plain Markdown syntax so any Markdown tool still shows something sensible:
 *   [420 drones](fig:drones)          a figure, with its citation
 *   [src](cite:reuters)               a citation of a source
 *   ![caption](chart:overnight-strikes)  a chart, as a numbered figure
 *   ![caption](table:record-nights)      a table of the briefing, numbered "Table N"
 *   ```key-figures                    a callout of large numbers, one figure id a line
 *   <!-- sources -->                  the numbered list of cited sources
 * Deck only: `---` between slides, `<!-- layout: NAME -->`, `<!-- notes -->` before speaker notes.
 */
export const FIG_SCHEME = 'fig:';
export const CITE_SCHEME = 'cite:';
export const CHART_SCHEME = 'chart:';
export const TABLE_SCHEME = 'table:';
export const KEY_FIGURES_LANG = 'key-figures';

export function figureLink(id: string, formattedText: string): string {
  return `[${escapeMarkdown(formattedText)}](${FIG_SCHEME}${id})`;
}

export function citeLink(sourceId: string): string {
  return `[src](${CITE_SCHEME}${sourceId})`;
}

export function chartImage(chartId: string, caption: string): string {
  return `![${escapeMarkdown(caption)}](${CHART_SCHEME}${chartId})`;
}

export function tableImage(tableId: string, caption: string): string {
  return `![${escapeMarkdown(caption)}](${TABLE_SCHEME}${tableId})`;
}

export function keyFiguresBlock(figureIds: readonly string[]): string {
  return ['```' + KEY_FIGURES_LANG, ...figureIds, '```'].join('\n');
}
