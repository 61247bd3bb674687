import fc from 'fast-check';

/**
 * Valid briefings of every shape the schema allows: each optional field present or
 * left out, each list empty or not, every unit, scale, qualifier and chart type, ids
 * that cross-reference correctly. Built-in templates must turn every one of them into
 * a report and a deck (issue 17, finding 12: a section with points and neither summary
 * nor notes passed validation and failed in the deck template).
 */
const word = fc.constantFrom(
  'Widgets',
  'counted',
  'in',
  'March',
  'talks',
  'resumed',
  'Київ',
  'Ωmega',
  '1,200',
);
const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => `${w.join(' ')}.`);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const date = fc.constantFrom('2026-03-01', '2024-02-29', '2025-12-31');

/** Drops the keys whose value is undefined: YAML and JSON have no "undefined". */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const counts = { sources: 3, figures: 4, series: 2, people: 2 };
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

export const validBriefing = fc
  .record({
    sources: fc.integer({ min: 1, max: counts.sources }),
    figures: fc.integer({ min: 0, max: counts.figures }),
    series: fc.integer({ min: 0, max: counts.series }),
    people: fc.integer({ min: 0, max: counts.people }),
  })
  .chain((n) => {
    const sourceIds = ids('s', n.sources);
    const figureIds = ids('f', n.figures);
    const seriesIds = ids('ser', n.series);
    const personIds = ids('p', n.people);
    const source = fc.constantFrom(...sourceIds);
    const sources = fc.array(source, { minLength: 1, maxLength: 2 });
    // Text, sometimes citing a figure inline.
    const text =
      figureIds.length === 0
        ? sentence
        : fc
            .tuple(sentence, opt(fc.constantFrom(...figureIds)))
            .map(([s, f]) => (f ? `${s} About {fig:${f}}.` : s));
    const point = fc.record({ text, sources: opt(sources) }).map(clean);
    const unitOf = (i: number) => (['count', 'percent', 'USD', 'count'] as const)[i % 4]!;
    const figures = fc.tuple(
      ...figureIds.map((fid, i) =>
        fc
          .record({
            id: fc.constant(fid),
            label: sentence,
            value:
              unitOf(i) === 'count'
                ? fc.integer({ min: 1, max: 1e9 })
                : fc.double({ min: -1e12, max: 1e12, noNaN: true }),
            unit: fc.constant(unitOf(i)),
            noun: unitOf(i) === 'count' ? opt(fc.constantFrom('drones', 'people')) : fc.constant(undefined),
            scale:
              unitOf(i) === 'USD'
                ? opt(fc.constantFrom('none', 'thousand', 'million', 'billion'))
                : fc.constant(undefined),
            qualifier: opt(fc.constantFrom('about', 'almost', 'roughly', 'more than', 'at least', 'up to')),
            period: opt(sentence),
            asOf: date,
            source,
            note: opt(sentence),
          })
          .map(clean),
      ),
    );
    const series = fc.tuple(
      ...seriesIds.map((sid) =>
        fc
          .record({
            id: fc.constant(sid),
            label: sentence,
            synthetic: opt(fc.boolean()),
            source,
            points: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 5 }).map((values) =>
              values.map((v, i) => ({
                date: `2026-02-${String(i + 1).padStart(2, '0')}`,
                drones: v,
                missiles: v % 7,
              })),
            ),
          })
          .map(clean),
      ),
    );
    const chartSpecs: fc.Arbitrary<Record<string, unknown>>[] = [];
    // Counts only on figure charts (one unit per chart); series on charts over time.
    const countFigures = figureIds.filter((_, i) => unitOf(i) === 'count');
    if (countFigures.length > 0) {
      chartSpecs.push(
        fc
          .record({
            type: fc.constantFrom('bar', 'horizontal-bar', 'doughnut'),
            title: sentence,
            subtitle: opt(sentence),
            figures: fc.subarray(countFigures, { minLength: 1 }),
            dataLabels: opt(fc.boolean()),
            alt: opt(sentence),
          })
          .map(clean),
      );
    }
    if (seriesIds.length > 0) {
      chartSpecs.push(
        fc
          .record({
            type: fc.constantFrom('line', 'stacked-bar', 'grouped-bar', 'bar'),
            title: sentence,
            series: fc.constantFrom(...seriesIds),
            xTitle: opt(sentence),
            yTitle: opt(sentence),
          })
          .map(clean),
      );
    }
    const charts =
      chartSpecs.length === 0
        ? fc.constant([])
        : fc
            .array(fc.oneof(...chartSpecs), { maxLength: 3 })
            .map((list) => list.map((chart, i) => ({ id: `c${i}`, ...chart })));
    return fc
      .tuple(fc.constant({ sourceIds, figureIds, personIds }), figures, series, charts)
      .chain(([known, figureList, seriesList, chartList]) => {
        const chartIds = chartList.map((c) => c.id as string);
        const section = fc
          .record({
            title: sentence,
            summary: opt(text),
            points: opt(fc.array(point, { maxLength: 3 })),
            quotes:
              known.personIds.length === 0
                ? fc.constant(undefined)
                : opt(
                    fc.array(fc.record({ text, by: fc.constantFrom(...known.personIds), sources }), {
                      maxLength: 2,
                    }),
                  ),
            figures:
              known.figureIds.length === 0 ? fc.constant(undefined) : opt(fc.subarray(known.figureIds)),
            charts: chartIds.length === 0 ? fc.constant(undefined) : opt(fc.subarray(chartIds)),
            notes: opt(text),
          })
          .map(clean)
          // A section needs a summary or a point (schema): give it one point when it has neither.
          .map((s) =>
            s.summary === undefined && (s.points?.length ?? 0) === 0
              ? { ...s, points: [{ text: 'A point.' }] }
              : s,
          );
        return fc
          .record({
            title: sentence,
            shortTitle: opt(fc.constantFrom('Short', 'Brief')),
            subtitle: opt(sentence),
            date,
            place: opt(sentence),
            audience: opt(sentence),
            organisation: opt(sentence),
            author: opt(sentence),
            locale: opt(fc.constantFrom('en', 'uk')),
            keywords: opt(fc.array(word, { maxLength: 3 })),
            summary: text,
            meeting: opt(
              fc.record({
                date,
                city: word,
                parties: fc.array(word, { minLength: 1, maxLength: 3 }),
                tracks: fc.array(fc.record({ title: sentence, text }), { minLength: 1, maxLength: 2 }),
                sources,
              }),
            ),
            people: fc.tuple(
              ...known.personIds.map((pid) =>
                fc.record({ id: fc.constant(pid), name: word, role: sentence, side: word, sources }),
              ),
            ),
            keyFigures:
              known.figureIds.length === 0 ? fc.constant(undefined) : opt(fc.subarray(known.figureIds)),
            sections: fc
              .array(section, { minLength: 1, maxLength: 3 })
              .map((list) => list.map((s, i) => ({ id: `sec${i}`, ...s }))),
            watch: opt(
              fc.array(fc.record({ title: sentence, text, sources: opt(sources) }).map(clean), {
                maxLength: 2,
              }),
            ),
            takeaways: opt(fc.array(point, { maxLength: 2 })),
            faq: opt(fc.array(fc.record({ question: sentence, answer: text, sources }), { maxLength: 2 })),
            sources: fc.tuple(
              ...known.sourceIds.map((sid, i) =>
                fc
                  .record({
                    id: fc.constant(sid),
                    publisher: word,
                    title: opt(sentence),
                    date: opt(date),
                    url: opt(fc.constantFrom('https://example.org/a', 'mailto:desk@example.org')),
                    citedBy: i > 0 ? opt(fc.constant('s0')) : fc.constant(undefined),
                    note: opt(sentence),
                  })
                  .map(clean),
              ),
            ),
          })
          .map((b) => clean({ ...b, figures: figureList, series: seriesList, charts: chartList }));
      });
  });
