import { FIGURE_REF } from '../briefing/figure-refs.js';
import { briefingSchema } from '../briefing/schema.js';
import type { Briefing } from '../briefing/types.js';
import { escapeMarkdown } from '../document/escape-markdown.js';
import type { Facts } from './facts.js';
import { citeLink, figureLink } from '../document/markdown-dialect.js';
import { restorePieces, takeInlineMarkup } from './inline-markup.js';
import { unwrapSchema, type ZodDefLike } from '../briefing/zod-schema-node.js';

/**
 * What templates see: the briefing with every string made safe for Markdown, and
 * every `{fig:ID}` in text replaced by the figure's formatted, cited form.
 * Objects inherit nothing: in strict mode `{{constructor}}` or `{{__proto__}}` is
 * then a "missing field" error naming the template line, rather than a silent blank
 * (Handlebars' own guard, also on, would deny the inherited property quietly). Keys
 * are defined, not assigned, so even a `__proto__` key could not change a prototype.
 */
/**
 * The prototype of every object a template sees: no properties at all, so nothing is
 * inherited, apart from the one way to turn it into text that Handlebars' own error
 * messages need (a symbol, which no template can name).
 */
const VIEW_PROTOTYPE: object = Object.freeze(
  Object.create(null, { [Symbol.toPrimitive]: { value: () => '[briefing data]' } }) as object,
);

export function createTemplateView(briefing: Briefing, facts: Facts): unknown {
  return toView(briefing, facts, briefingSchema, briefing.markup === 'inline');
}

/**
 * The text fields (several paragraphs) that `markup: inline` applies to; one-line fields
 * (titles, labels, names) stay literal.
 */
const TEXT_FIELDS = new Set(['summary', 'text', 'notes', 'answer']);

/**
 * The briefing's values made safe for Markdown, and every field its schema knows present
 * in each mapping, a field the briefing leaves out as undefined: strict templates then
 * tell a misspelt field (an error) from an optional one left out (falsy, and blank).
 */
function toView(value: unknown, facts: Facts, schema: unknown, markup: boolean, key = ''): unknown {
  if (typeof value === 'string') return textToMarkdown(value, facts, markup && TEXT_FIELDS.has(key));
  const def = unwrapSchema(schema);
  if (Array.isArray(value)) return value.map((item) => toView(item, facts, def?.element, markup));
  if (value !== null && typeof value === 'object') {
    const out = Object.create(VIEW_PROTOTYPE) as Record<string, unknown>;
    const fields = shapeOf(def);
    const define = (key: string, item: unknown): void => {
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    };
    for (const [key, item] of Object.entries(value)) {
      define(
        key,
        key === 'summary' && isPoint(item)
          ? pointToMarkdown(item, facts, markup)
          : toView(item, facts, fields[key], markup, key),
      );
    }
    for (const key of Object.keys(fields)) if (!Object.hasOwn(out, key)) define(key, undefined);
    return out;
  }
  return value;
}

function isPoint(value: unknown): value is { text: string; sources?: string[] } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'text' in value;
}

/**
 * A summary written as a point, `{ text, sources }`, is the text followed by its citation
 * marks, so every template that prints `{{summary}}` cites it without a change.
 */
function pointToMarkdown(point: { text: string; sources?: string[] }, facts: Facts, markup: boolean): string {
  return textToMarkdown(point.text, facts, markup) + (point.sources ?? []).map(citeLink).join('');
}

/** An object's fields by name (a union's: every option's), each with its schema. */
function shapeOf(def: ZodDefLike | undefined): Record<string, unknown> {
  if (def?.type === 'object') return def.shape ?? {};
  if (def?.type === 'union') {
    const merged: Record<string, unknown> = {};
    for (const option of def.options ?? [])
      for (const [k, v] of Object.entries(shapeOf(unwrapSchema(option)))) merged[k] ??= v;
    return merged;
  }
  return {};
}

/** Escapes a text field and turns its figure references into cited figures. */
export function textToMarkdown(text: string, facts: Facts, markup = false): string {
  const pieces: string[] = [];
  // Swap references for private-use placeholders so escaping and whitespace
  // normalisation see the text around them exactly as written.
  const marked = text.replace(FIGURE_REF, (whole, id: string, part: string | undefined) => {
    const entry = facts.figures.get(id);
    // `|value`: the number with its unit, without qualifier or noun; still cited.
    const shown = entry && (part === 'value' ? entry.text.keyFigure.value : entry.text.inline);
    // Validation guarantees the id exists; keep the reference visible if it somehow does not.
    pieces.push(shown !== undefined ? figureLink(id, shown) : escapeMarkdown(whole));
    return `\uE000${pieces.length - 1}\uE001`;
  });
  const withMarkup = markup ? takeInlineMarkup(marked, pieces) : marked;
  return restorePieces(escapeMarkdown(withMarkup), pieces);
}
