import { closest, type DataPath } from './problems.js';

/**
 * `{fig:drones}` inside a text field prints that figure, formatted, with its citation;
 * `{fig:drones|value}` prints only the number with its unit (no qualifier, no noun),
 * still cited.
 */
export const FIGURE_REF = /\{fig:([a-z0-9][a-z0-9-]*)(?:\|(value))?\}/g;

/** The modifiers a reference may take after `|`. */
export const FIGURE_REF_MODIFIERS = ['value'] as const;

/** Anything that starts like a reference: `{fig`, any spacing or case, up to its closing brace. */
const REF_LIKE = /\{\s*fig\b[^{}\n]{0,80}\}?/gi;

export interface FigureRef {
  figureId: string;
  path: DataPath;
}

export interface MalformedRef {
  text: string;
  path: DataPath;
  message: string;
  expected: string;
}

/** Every figure reference in every text field, with where it is, so unknown ids are located errors. */
export function findFigureRefs(value: unknown, path: DataPath = []): FigureRef[] {
  if (typeof value === 'string') {
    return [...value.matchAll(FIGURE_REF)].map((m) => ({ figureId: m[1]!, path }));
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => findFigureRefs(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findFigureRefs(item, [...path, key]));
  }
  return [];
}

/**
 * References written almost right (`{fig:A}`, `{fig: a}`, `{fig:a|values}`, `{fig:a`):
 * each is a located error, never printed raw. `figureIds` gives the did-you-mean.
 */
export function findMalformedRefs(
  value: unknown,
  figureIds: readonly string[],
  path: DataPath = [],
): MalformedRef[] {
  if (typeof value === 'string') {
    if (!/\{\s*fig/i.test(value)) return [];
    const out: MalformedRef[] = [];
    for (const match of value.matchAll(REF_LIKE)) {
      const text = match[0];
      if (new RegExp(`^${FIGURE_REF.source}$`).test(text)) continue;
      out.push({ text, path, ...explain(text, figureIds) });
    }
    return out;
  }
  if (Array.isArray(value))
    return value.flatMap((item, i) => findMalformedRefs(item, figureIds, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findMalformedRefs(item, figureIds, [...path, key]));
  }
  return [];
}

function explain(text: string, figureIds: readonly string[]): { message: string; expected: string } {
  const expected = '{fig:ID} or {fig:ID|value}, the id exactly as in `figures` (lower-case, no spaces)';
  if (!text.endsWith('}')) return { message: `figure reference "${text}" is not closed with "}"`, expected };
  const inner = /^\{\s*fig\s*:?\s*([^|}]*?)\s*(?:\|\s*([^}]*?)\s*)?\}$/i.exec(text);
  const id = inner?.[1] ?? '';
  const modifier = inner?.[2];
  if (modifier !== undefined && !(FIGURE_REF_MODIFIERS as readonly string[]).includes(modifier)) {
    const guess = closest(modifier, FIGURE_REF_MODIFIERS);
    return {
      message: `figure reference "${text}" has an unknown modifier "${modifier}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      expected,
    };
  }
  const guess = figureIds.includes(id.toLowerCase()) ? id.toLowerCase() : closest(id, figureIds);
  const suggestion = guess ? ` (did you mean "{fig:${guess}${modifier ? `|${modifier}` : ''}}"?)` : '';
  return { message: `malformed figure reference "${text}"${suggestion}`, expected };
}
