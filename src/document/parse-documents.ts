import { CitationRegistry } from './citations.js';
import type { FactLookup } from './fact-lookup.js';
import { parseDeck } from './parse-deck.js';
import { parseReport } from './parse-report.js';
import type { DeckDoc, DocumentMeta, ReportDoc } from './types.js';

/**
 * Both documents from their Markdown, with one citation registry: the report numbers
 * sources first, the deck reuses its numbers, and both then list every source that
 * either cites, so a number means the same source in text, figures, key figures,
 * charts, tables, quotes and both Sources lists. Both also carry the same record of
 * every figure printed (FigureText: its strings and its source's number).
 */
export function parseDocuments(
  markdown: { report: string; deck: string },
  meta: DocumentMeta,
  facts: FactLookup,
): { report: ReportDoc; deck: DeckDoc } {
  const citations = new CitationRegistry(facts);
  const report = parseReport(markdown.report, meta, facts, citations);
  const deck = parseDeck(markdown.deck, meta, facts, citations);
  const sources = citations.list();
  const figures = citations.figures();
  return { report: { ...report, sources, figures }, deck: { ...deck, sources, figures } };
}
