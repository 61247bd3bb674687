import { Lexer, type Token, type Tokens } from 'marked';
import { documentContext, parseBlocks } from './parse-blocks.js';
import { parseInlines, plainText } from './parse-inline.js';
import type { Block, DocumentMeta, ReportDoc } from './types.js';
import type { CitationRegistry } from './citations.js';
import type { FactLookup } from './fact-lookup.js';
import { uniqueAnchor } from './anchors.js';
import { readDirective, UNNUMBERED } from './markdown-dialect.js';

/** The report's Markdown → ReportDoc: numbered headings, figures, citations, sources. */
export function parseReport(
  markdown: string,
  meta: DocumentMeta,
  facts: FactLookup,
  citations: CitationRegistry,
): ReportDoc {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const ctx = documentContext({ facts, citations, origin: 'report' });
  const counters = [0, 0, 0];
  const anchors = new Set<string>();
  const blocks: Block[] = [];
  let pending: Token[] = [];
  const flush = () => {
    for (const block of parseBlocks(pending, ctx)) blocks.push(block);
    pending = [];
  };
  for (const token of tokens) {
    if (token.type === 'heading') {
      flush();
      const heading = token as Tokens.Heading;
      const level = Math.min(Math.max(heading.depth, 1), 3) as 1 | 2 | 3;
      const raw = heading.tokens;
      const last = raw[raw.length - 1];
      const unnumbered = last?.type === 'text' && UNNUMBERED.test(last.raw);
      const inlineTokens = unnumbered
        ? [
            ...raw.slice(0, -1),
            {
              ...last,
              raw: last.raw.replace(UNNUMBERED, ''),
              text: (last as Tokens.Text).text.replace(UNNUMBERED, ''),
            } as Token,
          ]
        : raw;
      let number = '';
      if (!unnumbered) {
        counters[level - 1]! += 1;
        for (let i = level; i < counters.length; i++) counters[i] = 0;
        number = counters.slice(0, level).join('.');
      }
      const children = parseInlines(inlineTokens, ctx);
      blocks.push({
        type: 'heading',
        level,
        number,
        children,
        anchor: uniqueAnchor(plainText(children), anchors),
      });
    } else if (token.type === 'html' && readDirective((token as Tokens.HTML).text).name === 'sources') {
      flush();
      // The list is titled, so it is in the contents and the outline.
      if (blocks.at(-1)?.type !== 'heading') {
        blocks.push({
          type: 'heading',
          level: 1,
          number: '',
          children: [{ type: 'text', text: meta.labels.sources }],
          anchor: uniqueAnchor('sources', anchors),
        });
      }
      blocks.push({ type: 'sources' });
    } else {
      pending.push(token);
    }
  }
  flush();
  return { meta, blocks, sources: citations.list(), figures: citations.figures() };
}
