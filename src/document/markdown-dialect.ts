import { escapeMarkdown } from './escape-markdown.js';
import type { SlideLayout } from './types.js';

/**
 * briefkit's Markdown dialect: the one place that knows how compose writes it and how
 * parse reads it. Its few extensions reuse plain Markdown syntax, so any Markdown tool
 * still shows something sensible:
 *   [420 drones](fig:drones)             a figure, with its citation
 *   [src](cite:reuters)                  a citation of a source
 *   ![caption](chart:overnight-strikes)  a chart, as a numbered figure
 *   ![caption](table:record-nights)      a table of the briefing, numbered "Table N"
 *   ![caption](image:venue-map)          an image of the briefing, numbered with the charts
 *   ```key-figures                       a callout of large numbers, one figure id a line
 *   <!-- sources -->                     the numbered list of cited sources
 *   # Heading {-}                        an unnumbered heading (report)
 * Deck only: `---` between slides, `<!-- layout: NAME -->`, `<!-- notes -->` before
 * speaker notes, `<!-- agenda -->` for the list of the content slides' titles.
 */
export const FIG_SCHEME = 'fig:';
export const CITE_SCHEME = 'cite:';
export const CHART_SCHEME = 'chart:';
export const TABLE_SCHEME = 'table:';
export const IMAGE_SCHEME = 'image:';
export const KEY_FIGURES_LANG = 'key-figures';
export const SOURCES_MARKER = '<!-- sources -->';

export const LAYOUTS: readonly SlideLayout[] = [
  'title',
  'section',
  'content',
  'chart',
  'key-figures',
  'two-column',
  'quote',
  'sources',
];

/** `# Sources {-}`: a trailing {-} leaves a heading unnumbered (as in Pandoc). */
export const UNNUMBERED = /\s*\{-\}\s*$/;

// ---- writers (compose) ----

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

export function imageImage(imageId: string, caption: string): string {
  return `![${escapeMarkdown(caption)}](${IMAGE_SCHEME}${imageId})`;
}

export function keyFiguresBlock(figureIds: readonly string[]): string {
  return ['```' + KEY_FIGURES_LANG, ...figureIds, '```'].join('\n');
}

export function sourcesMarker(): string {
  return SOURCES_MARKER;
}

// ---- readers (parse, template checks) ----

export type Directive =
  | { name: 'layout'; value: string | undefined }
  | { name: 'notes' }
  | { name: 'agenda' }
  | { name: 'sources' }
  /** Any other comment: documentation in a template, ignored. */
  | { name: 'comment' };

const DIRECTIVE = /^\s*<!--\s*([\w-]+)\s*(?::\s*([\w-]+))?\s*-->\s*$/;

/** What an HTML comment block of the generated Markdown asks for. */
export function readDirective(html: string): Directive {
  const match = DIRECTIVE.exec(html);
  if (!match) return { name: 'comment' };
  const [, name, value] = match;
  switch (name) {
    case 'layout':
      return { name: 'layout', value };
    case 'notes':
    case 'agenda':
    case 'sources':
      return { name };
    default:
      return { name: 'comment' };
  }
}

/** `<!-- layout: NAME -->` written in a template's own text, for checks before it runs. */
export const LAYOUT_IN_TEMPLATE = /<!--\s*layout\s*:\s*([\w-]+)\s*-->/g;

/** `](chart:ID)`, `](fig:ID)` or `](cite:ID)` written out literally in a template. */
export const LITERAL_REF = new RegExp(
  `\\]\\((${CHART_SCHEME}|${FIG_SCHEME}|${CITE_SCHEME})([a-z0-9][a-z0-9-]*)\\)`,
  'g',
);

/** The kind of fact a link scheme names. */
export function schemeKind(scheme: string): 'chart' | 'figure' | 'source' {
  return scheme === CHART_SCHEME ? 'chart' : scheme === FIG_SCHEME ? 'figure' : 'source';
}

export function isLayout(value: string | undefined): value is SlideLayout {
  return value !== undefined && (LAYOUTS as readonly string[]).includes(value);
}
