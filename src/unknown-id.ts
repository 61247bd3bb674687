/**
 * "unknown figure id "x" (did you mean "y"?)": the one wording of this mistake, used by
 * validation, chart checks, template checks, helpers and the parser alike. A top-level
 * module, since every stage that finds the mistake needs it.
 */
export type FactKind = 'figure' | 'source' | 'chart' | 'table' | 'person' | 'section' | 'series' | 'image';

const PLURAL: Record<FactKind, string> = {
  figure: 'figures',
  source: 'sources',
  chart: 'charts',
  table: 'tables',
  person: 'people',
  section: 'sections',
  series: 'series',
  image: 'images',
};

export function unknownIdMessage(kind: FactKind, id: string, guess?: string): string {
  return `unknown ${kind} id "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
}

/** "the id of an entry in the briefing's figures" */
export function unknownIdExpected(kind: FactKind): string {
  return `the id of an entry in the briefing's ${PLURAL[kind]}`;
}
