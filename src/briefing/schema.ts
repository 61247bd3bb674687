/**
 * The briefing format, defined once. Types (./types.ts) and the editor schema
 * (schema/briefing.schema.json, `npm run schema`) are both derived from it.
 *
 * Text fields are plain text: nothing in them is read as Markdown or as a template.
 * The one extension is a figure reference, `{fig:ID}`, which prints that figure
 * formatted with its unit and cites its source (see README, "Text fields").
 */
// A namespace import lets the bundler drop what briefkit never uses (zod's ~250 locale files).
import * as z from 'zod';
import { DATA_LIMITS as MAX } from './limits.js';
import { unitProblem } from './units.js';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens')
  .max(64);

/** A calendar date written YYYY-MM-DD; YAML dates are read as strings (see load.ts). */
const isoDate = z.iso.date({ message: 'a real calendar date written YYYY-MM-DD' });

/** Text shown to readers: one line or several paragraphs separated by a blank line. */
// Only spaces would print as a blank where a reader expects words: as good as missing.
const visible = /\S/;
const text = z
  .string()
  .min(1, { error: 'non-empty text', abort: true })
  .max(MAX.textChars)
  .regex(visible, 'text, not only spaces');
const line = z
  .string()
  .min(1, { error: 'non-empty text', abort: true })
  .max(MAX.lineChars)
  .regex(visible, 'text, not only spaces');

/** A number within the documented magnitude (see DATA_LIMITS.valueMagnitude). */
const magnitude = z.number().finite().min(-MAX.valueMagnitude).max(MAX.valueMagnitude);

const sourceRef = id.describe('The id of an entry in `sources`.');
const figureRef = id.describe('The id of an entry in `figures`.');
const chartRef = id.describe('The id of an entry in `charts`.');
const seriesRef = id.describe('The id of an entry in `series`.');
const personRef = id.describe('The id of an entry in `people`.');
const tableRef = id.describe('The id of an entry in `tables`.');
const columnRef = id.describe("The id of a column of the chart's `table`.");
const imageRef = id.describe('The id of an entry in `images`.');

export const sourceSchema = z
  .object({
    id,
    publisher: line.describe('Who published it, e.g. "Reuters".'),
    title: line.optional().describe('Title of the article, report or profile.'),
    date: isoDate.optional().describe('Publication date.'),
    // Bounded before it is parsed as a URL.
    url: z
      .string()
      .max(MAX.urlChars, { abort: true })
      .url({ protocol: /^(https?|mailto)$/ })
      .optional()
      .describe('Link; http, https or mailto only.'),
    citedBy: sourceRef
      .optional()
      .describe('Id of the source that reported this one (e.g. TASS as cited by Reuters).'),
    note: line.optional(),
  })
  .strict();

/** `unit`: count, percent, an ISO 4217 currency, a CLDR unit, or any unit text (see locale/units.ts). */
const unit = z
  .string()
  .min(1, { error: 'non-empty text', abort: true })
  .max(40)
  .regex(visible, 'text, not only spaces')
  .superRefine((value, ctx) => {
    const problem = unitProblem(value);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        message: problem,
        params: { expected: 'count, percent, a currency code such as USD, or a unit such as GW or hour' },
      });
    }
  })
  .describe(
    '"count", "percent", an ISO 4217 currency code ("USD"), a CLDR unit Intl names per language ("hour", "kilometer"), or any unit text printed after the number ("GW", "km²", "people").',
  );

const scale = z
  .enum(['auto', 'none', 'thousand', 'million', 'billion'])
  .describe(
    '"auto" writes each value of a million or more in millions or billions and smaller values in full (the default for money); "none", "thousand", "million" or "billion" fixes one scale.',
  );

const decimals = z.number().int().min(0).max(6).describe('How many digits to print after the decimal point.');

const pluralForms = z
  .object({
    zero: line.optional(),
    one: line.optional(),
    two: line.optional(),
    few: line.optional(),
    many: line.optional(),
    other: line.describe('The form for every number no other key covers (required).'),
  })
  .strict()
  .describe(
    'Plural forms chosen for the number with Intl.PluralRules, e.g. { one: дрон, few: дрони, many: дронів, other: дрона }.',
  );

const noun = z
  .union([line, pluralForms])
  .describe('The word printed after the number, e.g. "drones", or its plural forms for the locale.');

const finite = magnitude;

/** A value, or a range [low, high]. */
const amount = z
  .union([finite, z.tuple([finite, finite])])
  .describe('The number, in base units (dollars, not billions); or a range [low, high].');

export const figureSchema = z
  .object({
    id,
    label: line.describe('What the number is, e.g. "Drones launched overnight".'),
    value: amount,
    unit,
    noun: noun.optional(),
    scale: scale.optional(),
    decimals: decimals.optional(),
    qualifier: z
      .enum(['about', 'almost', 'roughly', 'more than', 'at least', 'up to'])
      .optional()
      .describe('Printed before the value: "about $800 billion".'),
    period: line.optional().describe('What the value covers, e.g. "over the next ten years".'),
    asOf: isoDate.describe('The date the value is measured at.'),
    source: sourceRef,
    note: line.optional(),
  })
  .strict()
  .superRefine((figure, ctx) => {
    const values = typeof figure.value === 'number' ? [figure.value] : figure.value;
    if (typeof figure.value !== 'number' && figure.value[0] > figure.value[1]) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `a range whose low ${figure.value[0]} exceeds its high ${figure.value[1]}`,
        params: { expected: '[low, high] with low at most high' },
      });
    }
    const expected = 'a whole number, 0 or more, for unit "count"';
    if (figure.unit !== 'count') return;
    if ((figure.decimals ?? 0) > 0) ctx.addIssue(countDecimalsIssue());
    for (const value of values) {
      if (value < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `a negative count: ${value}`,
          params: { expected },
        });
      } else if (!Number.isInteger(value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `a count with a fraction: ${value}`,
          params: { expected },
        });
      }
    }
  });

/** `decimals` on a count would print "1.00 drones": counts are whole numbers. */
export function countDecimalsIssue() {
  return {
    code: 'custom' as const,
    path: ['decimals'],
    message: 'a count is a whole number, so it has no decimals',
    params: { expected: 'no decimals, or a unit of measure such as GW or hour' },
  };
}

export const seriesPointSchema = z
  .object({
    date: isoDate,
    drones: z.number().int().nonnegative().max(MAX.valueMagnitude).optional(),
    missiles: z.number().int().nonnegative().max(MAX.valueMagnitude).optional(),
    regions: z.number().int().nonnegative().max(MAX.valueMagnitude).optional(),
  })
  .strict();

export const seriesSchema = z
  .object({
    id,
    label: line,
    synthetic: z
      .boolean()
      .default(false)
      .describe('True for made-up test data; printed as such on the chart.'),
    source: sourceRef,
    points: z.array(seriesPointSchema).min(1, 'at least one point').max(MAX.seriesPoints),
  })
  .strict();

export const columnTypes = ['text', 'number', 'date', 'month', 'quarter', 'year'] as const;

export const columnSchema = z
  .object({
    id: id.describe('The key rows use for this column.'),
    label: line.describe('The column heading, and the dataset name when a chart plots it.'),
    type: z
      .enum(columnTypes)
      .optional()
      .describe(
        'text, number, date (YYYY-MM-DD), month (YYYY-MM), quarter (YYYY-Q1) or year (YYYY); default: number when a unit is given, else text.',
      ),
    unit: unit.optional(),
    scale: scale.optional(),
    decimals: decimals.optional(),
  })
  .strict();

/** A cell: a number, a range [low, high], text (up to a text field's length), or null for an empty cell. */
// A text cell may be as long as a text field: the report splits a row taller than a page.
const cell = z.union([finite, z.tuple([finite, finite]), text, z.null()]);

export const rowSchema = z
  .object({
    sources: z
      .array(sourceRef)
      .min(1)
      .max(MAX.listItems)
      .optional()
      .describe("Sources of this row, cited after its first cell; default: the table's source."),
  })
  .catchall(cell)
  .describe('One row: a value per column id; a column left out is an empty cell.');

export const tableSchema = z
  .object({
    id,
    title: line.describe('The caption: "Table 2 — <title>".'),
    source: sourceRef.optional().describe('Default source of every row.'),
    note: line.optional().describe('Printed under the table, after its source line.'),
    columns: z.array(columnSchema).min(1, 'at least one column').max(MAX.tableColumns),
    rows: z.array(rowSchema).max(MAX.tableRows),
  })
  .strict();

export const imageSchema = z
  .object({
    id,
    file: z
      .string()
      .min(1, { error: 'a file path', abort: true })
      .max(1_000)
      .regex(/\.(png|jpe?g|svg)$/i, 'a file name ending .png, .jpg, .jpeg or .svg')
      .describe(
        'The image file (PNG, JPEG or SVG), relative to the briefing and inside the project folder, e.g. "images/map.svg".',
      ),
    alt: line.describe(
      "What the image shows, for readers who cannot see it: the PDF's Figure /Alt and the deck picture's description.",
    ),
    caption: line.describe('The caption: "Figure 3 — <caption>"; figures are numbered with the charts.'),
    credit: line
      .optional()
      .describe('Who made the picture, printed under it as written, e.g. "Photo: Jane Doe / Reuters".'),
    source: sourceRef
      .optional()
      .describe("The source the picture comes from: cited under it like a chart's source."),
  })
  .strict();

export const chartTypes = [
  'bar',
  'horizontal-bar',
  'stacked-bar',
  'grouped-bar',
  'line',
  'area',
  'doughnut',
] as const;

export const chartSchema = z
  .object({
    id,
    type: z.enum(chartTypes),
    title: line,
    subtitle: line.optional(),
    figures: z
      .array(figureRef)
      .min(1, 'at least one figure id')
      .max(MAX.chartItems)
      .optional()
      .describe('Figure ids, one bar each.'),
    series: seriesRef.optional().describe('A series id, for charts over time.'),
    datasets: z
      .array(
        z
          .object({
            label: line.describe('The name of the dataset, shown in the legend.'),
            figures: z
              .array(figureRef)
              .min(1, 'at least one figure id')
              .max(MAX.chartItems)
              .describe('Figure ids, one per label.'),
          })
          .strict(),
      )
      .min(1, 'at least one dataset')
      .max(MAX.chartDatasets)
      .optional()
      .describe('Several datasets of figures over shared `labels`, e.g. launched and stopped per night.'),
    table: tableRef.optional().describe('A table id: the chart plots its columns.'),
    x: columnRef.optional().describe('The table column along the category or time axis.'),
    y: z
      .array(columnRef)
      .min(1, 'at least one column id')
      .max(MAX.chartDatasets)
      .optional()
      .describe('Table column ids, one dataset each, labelled by the column label.'),
    labels: z
      .array(line)
      .max(MAX.chartItems)
      .optional()
      .describe("Category labels; default: each figure's label."),
    xTitle: line.optional().describe('Title of the x axis.'),
    yTitle: line.optional().describe('Title of the y axis.'),
    yMin: finite.optional().describe('Lowest value of the value axis, in base units; both outputs use it.'),
    yMax: finite.optional().describe('Highest value of the value axis, in base units; both outputs use it.'),
    scale: scale.optional().describe('The scale of the axis and data labels; default: from the data.'),
    format: z
      .enum(['count', 'currency-billions', 'percent'])
      .optional()
      .describe("Default: from the figures' unit."),
    dataLabels: z.boolean().default(true),
    colors: z
      .array(z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #RRGGBB'))
      .max(MAX.chartItems)
      .optional(),
    alt: line.optional().describe('Alt text; generated from the data when not given.'),
  })
  .strict();

/** A statement with the sources that support it. */
export const pointSchema = z
  .object({
    text,
    sources: z.array(sourceRef).min(1).max(MAX.listItems).optional(),
  })
  .strict();

/** A summary: plain text, or a point with its sources. */
const summary = z.union([text, pointSchema]);

export const personSchema = z
  .object({
    id,
    name: line,
    role: line,
    side: line.optional().describe('Who they speak for, e.g. "United States".'),
    sources: z.array(sourceRef).min(1).max(MAX.listItems),
  })
  .strict();

export const quoteSchema = z
  .object({
    text,
    by: personRef.describe('A person id.'),
    sources: z.array(sourceRef).min(1).max(MAX.listItems),
  })
  .strict();

export const sectionSchema = z
  .object({
    id,
    title: line,
    summary: summary.optional().describe('Opening paragraph(s) of the section: text, or { text, sources }.'),
    points: z.array(pointSchema).max(MAX.points).optional(),
    quotes: z.array(quoteSchema).max(MAX.quotes).optional(),
    figures: z
      .array(figureRef)
      .max(MAX.keyFigures)
      .optional()
      .describe('Figure ids to show as key figures in this section.'),
    charts: z.array(chartRef).max(MAX.charts).optional().describe('Chart ids shown in this section.'),
    tables: z.array(tableRef).max(MAX.tables).optional().describe('Table ids shown in this section.'),
    images: z.array(imageRef).max(MAX.images).optional().describe('Image ids shown in this section.'),
    notes: text.optional().describe("Speaker notes for this section's slides."),
  })
  .strict()
  // A section may be only a chart, a table or a picture (a data annex); one with nothing to show is a slip.
  .refine(
    (s) =>
      s.summary !== undefined ||
      [s.points, s.quotes, s.figures, s.charts, s.tables, s.images].some((list) => (list?.length ?? 0) > 0),
    {
      message: 'an empty section',
      params: { expected: 'a summary, points, quotes, figures, charts, tables or images' },
    },
  );

export const faqSchema = z
  .object({ question: line, answer: text, sources: z.array(sourceRef).min(1).max(MAX.listItems) })
  .strict();

export const briefingSchema = z
  .object({
    $schema: z.string().max(MAX.urlChars).optional(),
    title: line,
    shortTitle: line.max(60).optional().describe('Used in running headers and slide footers.'),
    subtitle: line.optional(),
    date: isoDate.describe('The date the briefing is about.'),
    place: line.optional(),
    audience: line.optional().describe('Audience or classification line for the cover.'),
    organisation: line.optional().describe('Issuing organisation.'),
    author: line.optional(),
    locale: z.enum(['en', 'uk']).default('en'),
    markup: z
      .enum(['none', 'inline'])
      .default('none')
      .describe(
        '"inline": text fields (summaries, points, notes, answers; not one-line fields) may use **bold**, _italic_ and [links](https://…). Default "none": text prints literally.',
      ),
    keywords: z.array(line).max(MAX.listItems).default([]),
    summary: summary.describe('The bottom line, a paragraph or two: text, or { text, sources }.'),
    meeting: z
      .object({
        date: isoDate,
        city: line,
        parties: z.array(line).min(1).max(MAX.listItems),
        tracks: z
          .array(z.object({ title: line, text }).strict())
          .min(1)
          .max(MAX.listItems),
        sources: z.array(sourceRef).min(1).max(MAX.listItems),
      })
      .strict()
      .optional(),
    people: z.array(personSchema).max(MAX.people).default([]),
    keyFigures: z
      .array(figureRef)
      .max(MAX.keyFigures)
      .default([])
      .describe('Figure ids for the key-figures callout and slide.'),
    sections: z.array(sectionSchema).min(1, 'at least one section').max(MAX.sections),
    watch: z
      .array(pointSchema.extend({ title: line }).strict())
      .max(MAX.listItems)
      .default([])
      .describe('What to watch next.'),
    takeaways: z.array(pointSchema).max(MAX.listItems).default([]),
    faq: z.array(faqSchema).max(MAX.listItems).default([]),
    figures: z.array(figureSchema).max(MAX.figures).default([]),
    series: z.array(seriesSchema).max(MAX.series).default([]),
    tables: z
      .array(tableSchema)
      .max(MAX.tables)
      .default([])
      .describe(
        'Tables of typed columns and sourced rows, shown where a section lists them and plotted by charts.',
      ),
    charts: z.array(chartSchema).max(MAX.charts).default([]),
    images: z
      .array(imageSchema)
      .max(MAX.images)
      .default([])
      .describe(
        'Pictures (PNG, JPEG, SVG) with alt text and a caption, shown where a section lists them and numbered with the charts.',
      ),
    sources: z.array(sourceSchema).min(1, 'at least one source').max(MAX.sources),
  })
  .strict();

export type BriefingInput = z.input<typeof briefingSchema>;
