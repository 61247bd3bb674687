import type { Facts } from '../compose/facts.js';
import { sourceDate, sourceLabel } from '../compose/facts.js';
import type { CitedSource } from './types.js';

/**
 * Numbers sources in the order they are first cited. One registry serves the report
 * and then the deck, so "[3]" names the same source in both outputs.
 */
export class CitationRegistry {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly facts: Facts) {}

  cite(sourceId: string): number {
    let number = this.numbers.get(sourceId);
    if (number === undefined) {
      if (!this.facts.sources.has(sourceId)) throw new Error(`unknown source id "${sourceId}"`);
      number = this.numbers.size + 1;
      this.numbers.set(sourceId, number);
    }
    return number;
  }

  /** The cited sources so far, in number order, formatted for the reader. */
  list(): CitedSource[] {
    return [...this.numbers].map(([id, number]) => {
      const s = this.facts.sources.get(id)!;
      const via = s.citedBy ? this.facts.sources.get(s.citedBy)?.publisher : undefined;
      const date = sourceDate(s, this.facts);
      return {
        number,
        id,
        publisher: s.publisher,
        ...(s.title !== undefined && { title: s.title }),
        ...(date !== undefined && { date }),
        ...(s.url !== undefined && { url: s.url }),
        ...(via !== undefined && { via }),
        ...(s.note !== undefined && { note: s.note }),
      };
    });
  }

  label(sourceId: string): string {
    return sourceLabel(this.facts.sources.get(sourceId)!, this.facts);
  }
}
