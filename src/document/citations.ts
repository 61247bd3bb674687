import type { FactLookup } from './fact-lookup.js';
import { citedSource, sourceLabel } from './source-entries.js';
import { sourceLine } from './source-lines.js';
import type { CitedSource, FigureText, SourceLine } from './types.js';
import { unknownIdError } from './unknown-id.js';

/**
 * Numbers sources in the order they are first cited. One registry serves the report
 * and then the deck, so "[3]" names the same source in both outputs, and both list
 * every source either of them cites (see `list`).
 */
export class CitationRegistry {
  private readonly numbers = new Map<string, number>();
  private readonly printed = new Map<string, FigureText>();

  constructor(private readonly facts: FactLookup) {}

  /**
   * A figure as both documents print it (its strings, formatted once, and its source's
   * number), recorded for the documents' `figures` list; cites its source.
   */
  figure(figureId: string, origin = 'document'): FigureText {
    let text = this.printed.get(figureId);
    if (text === undefined) {
      const entry = this.facts.figures.get(figureId);
      if (!entry) throw unknownIdError('figure', figureId, `${origin} Markdown`);
      text = { figureId, ...entry.text, citation: this.cite(entry.figure.source, origin) };
      this.printed.set(figureId, text);
    }
    return text;
  }

  /** Every figure printed so far, in order of first use. */
  figures(): FigureText[] {
    return [...this.printed.values()];
  }

  cite(sourceId: string, origin = 'document'): number {
    let number = this.numbers.get(sourceId);
    if (number === undefined) {
      if (!this.facts.sources.has(sourceId)) throw unknownIdError('source', sourceId, `${origin} Markdown`);
      number = this.numbers.size + 1;
      this.numbers.set(sourceId, number);
    }
    return number;
  }

  /** Every source cited so far, in number order, with its final wording. */
  list(): CitedSource[] {
    return [...this.numbers].map(([id, number]) => citedSource(id, number, this.facts));
  }

  /** "Reuters", or "TASS (via Reuters)". */
  label(sourceId: string): string {
    return sourceLabel(this.facts.sources.get(sourceId)!, this.facts);
  }

  /** "Sources: Reuters [1]; AP [2]" for some source ids, citing each. */
  line(sourceIds: readonly string[], origin?: string): SourceLine {
    const names = new Map(sourceIds.map((id) => [this.cite(id, origin), this.label(id)]));
    return sourceLine(names.keys(), names, this.facts.locale.labels);
  }
}
