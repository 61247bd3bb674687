import type { Token, Tokens } from 'marked';
import { BriefkitError } from '../errors.js';
import type { CitationRegistry } from './citations.js';
import { normalizeMarks } from './citation-marks.js';
import type { FactLookup } from './fact-lookup.js';
import { isSafeHref } from './links.js';
import { CITE_SCHEME, FIG_SCHEME } from './markdown-dialect.js';
import type { Inline } from './types.js';
import { plainText } from './plain-text.js';
import { unknownIdError } from './unknown-id.js';

export { plainText };

export interface InlineContext {
  facts: FactLookup;
  citations: CitationRegistry;
  /** Names the Markdown being parsed in errors: "report" or "deck". */
  origin: string;
}

/**
 * Marked's inline tokens → IR inlines, with briefkit's fig: and cite: links resolved
 * and citation marks grouped, sorted and deduplicated.
 */
export function parseInlines(tokens: readonly Token[] | undefined, ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) for (const inline of parseInline(token, ctx)) out.push(inline);
  return normalizeMarks(mergeText(out));
}

function parseInline(token: Token, ctx: InlineContext): Inline[] {
  switch (token.type) {
    case 'text': {
      const t = token as Tokens.Text;
      return t.tokens ? parseInlines(t.tokens, ctx) : [{ type: 'text', text: decodeEntities(t.text) }];
    }
    case 'escape':
      return [{ type: 'text', text: (token as Tokens.Escape).text }];
    case 'strong':
      return [{ type: 'strong', children: parseInlines((token as Tokens.Strong).tokens, ctx) }];
    case 'em':
      return [{ type: 'emphasis', children: parseInlines((token as Tokens.Em).tokens, ctx) }];
    case 'del':
      return parseInlines((token as Tokens.Del).tokens, ctx);
    case 'codespan':
      return [{ type: 'code', text: decodeEntities((token as Tokens.Codespan).text) }];
    case 'br':
      return [{ type: 'break' }];
    case 'link':
      return parseLink(token as Tokens.Link, ctx);
    case 'html':
      // Inline HTML in a template prints as written: briefkit does not interpret HTML.
      return [{ type: 'text', text: (token as Tokens.HTML).text }];
    case 'image':
      throw new BriefkitError('TEMPLATE_ERROR', {
        file: `${ctx.origin} Markdown`,
        message: `an image in running text: ${token.raw}`,
        expected: 'a chart on a line of its own, written ![caption](chart:ID) or {{chart "ID"}}',
      });
    default:
      return [{ type: 'text', text: token.raw }];
  }
}

function parseLink(token: Tokens.Link, ctx: InlineContext): Inline[] {
  const href = token.href;
  if (href.startsWith(FIG_SCHEME)) {
    const id = href.slice(FIG_SCHEME.length);
    if (!ctx.facts.figures.has(id)) throw unknownIdError('figure', id, `${ctx.origin} Markdown`);
    // The link's text is the figure's inline string (or its value alone), as compose wrote it.
    const { citation } = ctx.citations.figure(id, ctx.origin);
    return [
      {
        type: 'figure',
        figureId: id,
        text: plainText(parseInlines(token.tokens, ctx)),
        citation,
        marks: [citation],
      },
    ];
  }
  if (href.startsWith(CITE_SCHEME)) {
    const id = href.slice(CITE_SCHEME.length);
    if (!ctx.facts.sources.has(id)) throw unknownIdError('source', id, `${ctx.origin} Markdown`);
    return [{ type: 'citation', number: ctx.citations.cite(id, ctx.origin) }];
  }
  const children = parseInlines(token.tokens, ctx);
  return isSafeHref(href) ? [{ type: 'link', href: href.trim(), children }] : children;
}

function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (inline.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { type: 'text', text: last.text + inline.text };
    else out.push(inline);
  }
  return out;
}

/** Marked keeps `&amp;`-style entities from templates in text; readers want the characters. */
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
