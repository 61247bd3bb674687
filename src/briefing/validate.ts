import { BriefkitError, type Problem } from '../errors.js';
import { unknownIdMessage } from '../unknown-id.js';
import { briefingSchema } from './schema.js';
import { problemAt, problemsFromZod, closest, type DataPath } from './problems.js';
import { checkText } from './check-text.js';
import { checkSizes } from './check-sizes.js';
import { findFigureRefs, findMalformedRefs } from './figure-refs.js';
import { checkTables } from './check-tables.js';
import { checkChartSpec } from './check-chart-spec.js';
import type { Briefing, LoadedBriefing, SourceMap } from './types.js';
import { ZOD_PARSE_OPTIONS } from './zod-schema-node.js';

/** More than this many problems means the wrong file or a generated one gone wrong: show the first ones. */
const MAX_PROBLEMS = 100;

/**
 * Checks a loaded briefing against the schema, every cross-reference and the text
 * rules (no right-to-left text yet, a bounded total), and reports all problems at
 * once. Returns a typed Briefing with defaults filled in.
 */
export function validateBriefing(loaded: LoadedBriefing): Briefing {
  const map = loaded.sourceMap;
  if (loaded.raw === null || loaded.raw === undefined) {
    const at = map.locate([]) ?? { line: 1, column: 1 };
    throw new BriefkitError('VALIDATION_ERROR', {
      file: loaded.file,
      ...at,
      message: 'the file holds no data (only comments or an empty document)',
      expected: 'a briefing: title, date, summary, sections and sources',
    });
  }
  // reportInput: issues carry the offending value, so messages can quote it.
  const parsed = briefingSchema.safeParse(loaded.raw, ZOD_PARSE_OPTIONS);
  const problems = parsed.success
    ? []
    : problemsFromZod(parsed.error.issues, map, briefingSchema, MAX_PROBLEMS);
  // concat, not push(...): a spread of a very long list overflows the stack.
  let all = problems.concat(checkText(loaded.raw, map));
  if (parsed.success) all = all.concat(checkReferences(parsed.data, map), checkSizes(parsed.data, map));
  if (all.length > 0) throw new BriefkitError('VALIDATION_ERROR', capProblems(all));
  return parsed.data!;
}

function capProblems(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { message: `and more problems: only the first ${MAX_PROBLEMS} are shown` },
  ];
}

/** Ids are unique per list, and every id used somewhere points at something that exists. */
export function checkReferences(briefing: Briefing, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  const ids = {
    sources: collectIds(briefing.sources, 'sources', map, problems),
    figures: collectIds(briefing.figures, 'figures', map, problems),
    series: collectIds(briefing.series, 'series', map, problems),
    tables: collectIds(briefing.tables, 'tables', map, problems),
    charts: collectIds(briefing.charts, 'charts', map, problems),
    images: collectIds(briefing.images, 'images', map, problems),
    people: collectIds(briefing.people, 'people', map, problems),
    sections: collectIds(briefing.sections, 'sections', map, problems),
  };
  const expect = (kind: keyof typeof ids, id: string, at: DataPath): void => {
    if (ids[kind].has(id)) return;
    // Only the first problems are shown: locating and guessing the rest would be work for nothing.
    if (problems.length > MAX_PROBLEMS) return;
    const guess = closest(id, [...ids[kind]]);
    problems.push(
      problemAt(map, at, unknownIdMessage(singular[kind], id, guess), `the id of an entry in \`${kind}\``),
    );
  };

  briefing.sources.forEach((s, i) => s.citedBy && expect('sources', s.citedBy, ['sources', i, 'citedBy']));
  briefing.figures.forEach((f, i) => expect('sources', f.source, ['figures', i, 'source']));
  briefing.series.forEach((s, i) => expect('sources', s.source, ['series', i, 'source']));
  briefing.images.forEach(
    (m, i) => m.source !== undefined && expect('sources', m.source, ['images', i, 'source']),
  );
  briefing.tables.forEach((t, i) => {
    if (t.source !== undefined) expect('sources', t.source, ['tables', i, 'source']);
    t.rows.forEach((row, r) =>
      row.sources?.forEach((s, k) => expect('sources', s, ['tables', i, 'rows', r, 'sources', k])),
    );
  });
  const rowSource = {
    yaml: !/\.json$/i.test(map.file),
    locateKey: (path: DataPath) => map.locateKey?.(path),
  };
  for (const problem of checkTables(briefing, rowSource)) {
    problems.push(problemAt(map, problem.path, problem.message, problem.expected));
  }
  const summarySources = (summary: Briefing['summary'] | undefined, at: DataPath): void => {
    if (typeof summary === 'object')
      summary.sources?.forEach((s, k) => expect('sources', s, [...at, 'sources', k]));
  };
  summarySources(briefing.summary, ['summary']);
  briefing.people.forEach((p, i) =>
    p.sources.forEach((s, j) => expect('sources', s, ['people', i, 'sources', j])),
  );
  briefing.keyFigures.forEach((f, i) => expect('figures', f, ['keyFigures', i]));
  briefing.meeting?.sources.forEach((s, j) => expect('sources', s, ['meeting', 'sources', j]));
  briefing.sections.forEach((section, i) => {
    section.figures?.forEach((f, j) => expect('figures', f, ['sections', i, 'figures', j]));
    section.charts?.forEach((c, j) => expect('charts', c, ['sections', i, 'charts', j]));
    section.tables?.forEach((t, j) => expect('tables', t, ['sections', i, 'tables', j]));
    section.images?.forEach((m, j) => expect('images', m, ['sections', i, 'images', j]));
    summarySources(section.summary, ['sections', i, 'summary']);
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
  for (const bad of findMalformedRefs(briefing, [...ids.figures])) {
    problems.push(problemAt(map, bad.path, bad.message, bad.expected));
  }
  return problems;
}

const singular = {
  sources: 'source',
  figures: 'figure',
  series: 'series',
  tables: 'table',
  charts: 'chart',
  images: 'image',
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
