import type { DataPath } from './problems.js';

/** `{fig:drones}` inside a text field: prints that figure, formatted, with its citation. */
export const FIGURE_REF = /\{fig:([a-z0-9][a-z0-9-]*)\}/g;

export interface FigureRef {
  figureId: string;
  path: DataPath;
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
