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

export const figureSchema = z
  .object({
    id,
    label: line.describe('What the number is, e.g. "Drones launched overnight".'),
    value: magnitude.describe('The number, in base units (dollars, not billions).'),
    unit: z
      .union([z.enum(['count', 'percent']), z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code')])
      .describe('"count", "percent", or an ISO 4217 currency code such as "USD".'),
    noun: line.optional().describe('For counts: the word printed after the number, e.g. "drones".'),
    scale: z
      .enum(['none', 'thousand', 'million', 'billion'])
      .default('none')
      .describe('How money is written.'),
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
    const expected = 'a whole number, 0 or more, for unit "count"';
    if (figure.unit === 'count' && figure.value < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `a negative count: ${figure.value}`,
        params: { expected },
      });
    } else if (figure.unit === 'count' && !Number.isInteger(figure.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `a count with a fraction: ${figure.value}`,
        params: { expected },
      });
    }
  });

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

export const chartTypes = [
  'bar',
  'horizontal-bar',
  'stacked-bar',
  'grouped-bar',
  'line',
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
    labels: z
      .array(line)
      .max(MAX.chartItems)
      .optional()
      .describe("Category labels; default: each figure's label."),
    xTitle: line.optional(),
    yTitle: line.optional(),
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

export const personSchema = z
  .object({
    id,
    name: line,
    role: line,
    side: line.describe('Who they speak for, e.g. "United States".'),
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
    summary: text.optional().describe('Opening paragraph(s) of the section.'),
    points: z.array(pointSchema).max(MAX.points).optional(),
    quotes: z.array(quoteSchema).max(MAX.quotes).optional(),
    figures: z
      .array(figureRef)
      .max(MAX.keyFigures)
      .optional()
      .describe('Figure ids to show as key figures in this section.'),
    charts: z.array(chartRef).max(MAX.charts).optional().describe('Chart ids shown in this section.'),
    notes: text.optional().describe("Speaker notes for this section's slides."),
  })
  .strict()
  .refine((s) => s.summary !== undefined || (s.points?.length ?? 0) > 0, {
    message: 'an empty section',
    params: { expected: 'a summary or at least one point' },
  });

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
    keywords: z.array(line).max(MAX.listItems).default([]),
    summary: text.describe('The bottom line, a paragraph or two.'),
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
    charts: z.array(chartSchema).max(MAX.charts).default([]),
    sources: z.array(sourceSchema).min(1, 'at least one source').max(MAX.sources),
  })
  .strict();

export type BriefingInput = z.input<typeof briefingSchema>;
