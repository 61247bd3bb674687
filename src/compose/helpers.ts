import type { HelperOptions } from 'handlebars';
import { formatDate, formatList } from '../locale/format.js';
import { escapeMarkdown, unescapeMarkdown } from '../document/escape-markdown.js';
import type { Facts } from './facts.js';
import {
  chartImage,
  citeLink,
  figureLink,
  keyFiguresBlock,
  sourcesMarker,
  tableImage,
  imageImage,
} from '../document/markdown-dialect.js';
import { unknownIdMessage } from '../document/unknown-id.js';

/** A helper's mistake in a template; the environment adds the template file. */
export class TemplateUsageError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

// Handlebars passes positional arguments, then its options object.
type Helper = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The documented helpers (README, "Templates"). Each returns Markdown; numbers are
 * printed only through `fig`, so every number in an output is a cited figure.
 */
export function createHelpers(facts: Facts): Record<string, Helper> {
  const fail = (options: HelperOptions | undefined, message: string): never => {
    const loc = (options as { loc?: { start: { line: number; column: number } } } | undefined)?.loc;
    throw new TemplateUsageError(message, loc?.start.line, loc ? loc.start.column + 1 : undefined);
  };
  const idArg = (value: unknown, options: HelperOptions, what: string): string => {
    if (typeof value !== 'string' || value === '') fail(options, `${what} needs an id, got ${typeof value}`);
    return unescapeMarkdown(value as string);
  };
  const figure = (id: string, options: HelperOptions) =>
    facts.figures.get(id) ?? fail(options, unknownIdMessage('figure', id));

  return {
    /** {{fig "drones"}} → "420 drones" with its citation; part="value" | "label" | "noun" for pieces. */
    fig(id: unknown, options: HelperOptions) {
      const key = idArg(id, options, 'fig');
      const entry = figure(key, options);
      const part = options.hash?.part as string | undefined;
      if (part === 'label') return escapeMarkdown(entry.figure.label);
      if (part === 'value') return figureLink(key, entry.text.keyFigure.value);
      if (part !== undefined) fail(options, `fig part="${part}" is not known (use "value" or "label")`);
      return figureLink(key, entry.text.inline);
    },
    /** {{cite sources}} or {{cite "reuters"}}: citation marks for one or more source ids. */
    cite(...args: unknown[]) {
      const options = args.pop() as HelperOptions;
      const ids = args.flat().filter((v) => v !== undefined && v !== null);
      return ids
        .map((v) => {
          const key = idArg(v, options, 'cite');
          if (!facts.sources.has(key)) fail(options, unknownIdMessage('source', key));
          return citeLink(key);
        })
        .join('');
    },
    /** {{chart "overnight-strikes"}}: the chart as a numbered figure; optional caption="...". */
    chart(id: unknown, options: HelperOptions) {
      const key = idArg(id, options, 'chart');
      const chart = facts.charts.get(key) ?? fail(options, unknownIdMessage('chart', key));
      const caption = captionOption(options, chart.title);
      return chartImage(key, caption);
    },
    /** {{table "record-nights"}}: the table as "Table N — title" with its source line; optional caption="...". */
    table(id: unknown, options: HelperOptions) {
      const key = idArg(id, options, 'table');
      const entry = facts.tables.get(key) ?? fail(options, unknownIdMessage('table', key));
      const caption = captionOption(options, entry.table.title);
      return tableImage(key, caption);
    },
    /** {{image "venue-map"}}: the image as a numbered figure with its alt text, credit and source; optional caption="...". */
    image(id: unknown, options: HelperOptions) {
      const key = idArg(id, options, 'image');
      const image = facts.images.get(key) ?? fail(options, unknownIdMessage('image', key));
      const caption = captionOption(options, image.caption);
      return imageImage(key, caption);
    },
    /** {{keyFigures keyFigures}}: a callout of large numbers for a list of figure ids. */
    keyFigures(ids: unknown, options: HelperOptions) {
      if (!Array.isArray(ids) || ids.length === 0)
        fail(options, 'keyFigures needs a non-empty list of figure ids');
      const keys = (ids as unknown[]).map((v) => idArg(v, options, 'keyFigures'));
      keys.forEach((k) => figure(k, options));
      return keyFiguresBlock(keys);
    },
    /** {{date meeting.date}} → "26 February 2026" in the briefing's language. */
    date(value: unknown, options: HelperOptions) {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
        fail(options, 'date needs a YYYY-MM-DD date');
      // 2026-13-45 has the shape but is no day of any calendar.
      const day = new Date(`${value as string}T00:00:00Z`);
      if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value)
        fail(options, `date "${value as string}" is not a real calendar date`);
      return escapeMarkdown(formatDate(value as string, facts.locale));
    },
    /** {{person "witkoff"}} → "Steve Witkoff"; role=true adds ", U.S. envoy". */
    person(id: unknown, options: HelperOptions) {
      const key = idArg(id, options, 'person');
      const p = facts.people.get(key) ?? fail(options, unknownIdMessage('person', key));
      return escapeMarkdown(options.hash?.role ? `${p.name}, ${p.role}` : p.name);
    },
    /**
     * {{label "sources"}}: a word from the locale, e.g. "Sources" or "Джерела". A label with
     * `{name}` slots takes named arguments, already Markdown (data values, helper output):
     * {{label "agendaMeeting" parties=(join parties) city=city date=(date date)}}.
     */
    label(key: unknown, options: HelperOptions) {
      const labels = facts.locale.labels as unknown as Record<string, string>;
      // {{label}} alone passes Handlebars' options object as the key.
      if (typeof key !== 'string')
        fail(options ?? (key as HelperOptions), 'label needs a label name: {{label "sources"}}');
      if (!Object.hasOwn(labels, key as string)) fail(options, `unknown label "${String(key)}"`);
      const hash = (options.hash ?? {}) as Record<string, unknown>;
      // Only the label's own words are escaped; the slots' values already are.
      return labels[key as string]!.split(/(\{\w+\})/)
        .map((part, i) => {
          // escapeMarkdown trims, so the spaces around a slot are kept aside.
          if (i % 2 === 0)
            return part.replace(
              /^(\s*)([\s\S]*?)(\s*)$/,
              (_m, lead: string, core: string, trail: string) =>
                `${lead}${core === '' ? '' : escapeMarkdown(core)}${trail}`,
            );
          const name = part.slice(1, -1);
          const value = hash[name];
          if (value === undefined || value === null)
            fail(options, `label "${key as string}" needs ${name}=… (its text has {${name}})`);
          return String(value);
        })
        .join('');
    },
    /** {{sources}}: where the numbered list of cited sources goes. */
    sources() {
      return sourcesMarker();
    },
    /** {{#with (section "territory")}}…{{/with}}: a section by id, so templates choose the order. */
    section(id: unknown, options: HelperOptions) {
      const key = idArg(id, options, 'section');
      const root = options.data?.root as { sections?: { id: string }[] } | undefined;
      return root?.sections?.find((s) => s.id === key) ?? fail(options, unknownIdMessage('section', key));
    },
    /** {{join parties}} → "United States and Ukraine" in the briefing's language; {{join list ", "}} with a separator. */
    join(list: unknown, separator: unknown, options?: HelperOptions) {
      if (!Array.isArray(list)) fail(options ?? (separator as HelperOptions), 'join needs a list');
      const items = (list as unknown[]).map(String);
      return typeof separator === 'string' ? items.join(separator) : formatList(items, facts.locale);
    },
    /** {{#if (eq a b)}} */
    eq(a: unknown, b: unknown) {
      return a === b;
    },
  };
}

export const helperNames = [
  'fig',
  'cite',
  'chart',
  'table',
  'image',
  'keyFigures',
  'date',
  'person',
  'label',
  'sources',
  'section',
  'join',
  'eq',
] as const;

/** A figure helper's `caption="..."`, else the caption the briefing gives it, unescaped for the Markdown writer. */
function captionOption(options: HelperOptions, fallback: string): string {
  const given = options.hash?.caption;
  return unescapeMarkdown(typeof given === 'string' ? given : fallback);
}
