import { BriefkitError, type Problem } from '../errors.js';
import { briefingSchema } from './schema.js';
import { problemAt, problemsFromZod, closest, type DataPath } from './problems.js';
import { findFigureRefs } from './figure-refs.js';
import { checkChartSpec } from '../charts/check-chart-spec.js';
import type { Briefing, LoadedBriefing, SourceMap } from './types.js';

/**
 * Checks a loaded briefing against the schema and every cross-reference, and
 * reports all problems at once. Returns a typed Briefing with defaults filled in.
 */
export function validateBriefing(loaded: LoadedBriefing): Briefing {
  // reportInput: issues carry the offending value, so messages can quote it.
  const parsed = briefingSchema.safeParse(loaded.raw, { reportInput: true });
  if (!parsed.success) {
    throw new BriefkitError(
      'VALIDATION_ERROR',
      problemsFromZod(parsed.error.issues, loaded.sourceMap, briefingSchema),
    );
  }
  const problems = checkReferences(parsed.data, loaded.sourceMap);
  if (problems.length > 0) throw new BriefkitError('VALIDATION_ERROR', problems);
  return parsed.data;
}

/** Ids are unique per list, and every id used somewhere points at something that exists. */
export function checkReferences(briefing: Briefing, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  const ids = {
    sources: collectIds(briefing.sources, 'sources', map, problems),
    figures: collectIds(briefing.figures, 'figures', map, problems),
    series: collectIds(briefing.series, 'series', map, problems),
    charts: collectIds(briefing.charts, 'charts', map, problems),
    people: collectIds(briefing.people, 'people', map, problems),
    sections: collectIds(briefing.sections, 'sections', map, problems),
  };
  const expect = (kind: keyof typeof ids, id: string, at: DataPath): void => {
    if (ids[kind].has(id)) return;
    const guess = closest(id, [...ids[kind]]);
    problems.push(
      problemAt(
        map,
        at,
        `unknown ${singular[kind]} id "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        `the id of an entry in \`${kind}\``,
      ),
    );
  };

  briefing.sources.forEach((s, i) => s.citedBy && expect('sources', s.citedBy, ['sources', i, 'citedBy']));
  briefing.figures.forEach((f, i) => expect('sources', f.source, ['figures', i, 'source']));
  briefing.series.forEach((s, i) => expect('sources', s.source, ['series', i, 'source']));
  briefing.people.forEach((p, i) =>
    p.sources.forEach((s, j) => expect('sources', s, ['people', i, 'sources', j])),
  );
  briefing.keyFigures.forEach((f, i) => expect('figures', f, ['keyFigures', i]));
  briefing.meeting?.sources.forEach((s, j) => expect('sources', s, ['meeting', 'sources', j]));
  briefing.sections.forEach((section, i) => {
    section.figures?.forEach((f, j) => expect('figures', f, ['sections', i, 'figures', j]));
    section.charts?.forEach((c, j) => expect('charts', c, ['sections', i, 'charts', j]));
    section.points?.forEach((p, j) =>
      p.sources?.forEach((s, k) => expect('sources', s, ['sections', i, 'points', j, 'sources', k])),
    );
    section.quotes?.forEach((q, j) => {
      expect('people', q.by, ['sections', i, 'quotes', j, 'by']);
      q.sources.forEach((s, k) => expect('sources', s, ['sections', i, 'quotes', j, 'sources', k]));
    });
  });
  for (const list of ['watch', 'takeaways', 'faq'] as const) {
    briefing[list].forEach((item, i) =>
      item.sources?.forEach((s, k) => expect('sources', s, [list, i, 'sources', k])),
    );
  }
  briefing.charts.forEach((chart, i) => {
    for (const problem of checkChartSpec(chart, briefing)) {
      const at: DataPath = ['charts', i, ...problem.path];
      problems.push(problemAt(map, at, problem.message, problem.expected));
    }
  });
  for (const ref of findFigureRefs(briefing)) {
    expect('figures', ref.figureId, ref.path);
  }
  return problems;
}

const singular = {
  sources: 'source',
  figures: 'figure',
  series: 'series',
  charts: 'chart',
  people: 'person',
  sections: 'section',
} as const;

function collectIds(
  items: readonly { id: string }[],
  list: string,
  map: SourceMap,
  problems: Problem[],
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else
      problems.push(
        problemAt(
          map,
          [list, i, 'id'],
          `duplicate id "${item.id}", already used by ${list}[${first}]`,
          'a unique id',
        ),
      );
  });
  return new Set(seen.keys());
}
