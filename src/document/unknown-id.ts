import { BriefkitError } from '../errors.js';

export type FactKind = 'figure' | 'source' | 'chart' | 'table' | 'person' | 'section' | 'series';

const PLURAL: Record<FactKind, string> = {
  figure: 'figures',
  source: 'sources',
  chart: 'charts',
  table: 'tables',
  person: 'people',
  section: 'sections',
  series: 'series',
};

/** `unknown figure id "x"` — the one wording of this mistake, wherever it is found. */
export function unknownIdMessage(kind: FactKind, id: string, guess?: string): string {
  return `unknown ${kind} id "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
}

/** "the id of an entry in the briefing's figures" */
export function unknownIdExpected(kind: FactKind): string {
  return `the id of an entry in the briefing's ${PLURAL[kind]}`;
}

/** A located template error for an id the generated Markdown names but the briefing lacks. */
export function unknownIdError(kind: FactKind, id: string, file: string, context = ''): BriefkitError {
  return new BriefkitError('TEMPLATE_ERROR', {
    file,
    message: `${unknownIdMessage(kind, id)}${context}`,
    expected: unknownIdExpected(kind),
  });
}
