import { FIGURE_REF } from '../briefing/figure-refs.js';
import type { Briefing } from '../briefing/types.js';
import { escapeMarkdown } from '../document/escape-markdown.js';
import type { Facts } from './facts.js';
import { figureLink } from '../document/markdown-dialect.js';

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
  return toView(briefing, facts);
}

function toView(value: unknown, facts: Facts): unknown {
  if (typeof value === 'string') return textToMarkdown(value, facts);
  if (Array.isArray(value)) return value.map((item) => toView(item, facts));
  if (value !== null && typeof value === 'object') {
    const out = Object.create(VIEW_PROTOTYPE) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, {
        value: toView(item, facts),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** Escapes a text field and turns its figure references into cited figures. */
export function textToMarkdown(text: string, facts: Facts): string {
  const links: string[] = [];
  // Swap references for private-use placeholders so escaping and whitespace
  // normalisation see the text around them exactly as written.
  const marked = text.replace(FIGURE_REF, (whole, id: string) => {
    const entry = facts.figures.get(id);
    // Validation guarantees the id exists; keep the reference visible if it somehow does not.
    links.push(entry ? figureLink(id, entry.formatted.text) : escapeMarkdown(whole));
    return `\uE000${links.length - 1}\uE001`;
  });
  return escapeMarkdown(marked).replace(/\uE000(\d+)\uE001/g, (_, n: string) => links[Number(n)]!);
}
