import { chartBlock } from '../../fixtures/ir-builders.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFlowItems, type FlowItem } from '../../../src/render/pptx/blocks/flow-items.js';
import { paginateFlow, type FlowPage } from '../../../src/render/pptx/blocks/flow.js';
import { BODY_BOX, toPoints } from '../../../src/render/pptx/geometry.js';
import { titleSteps } from '../../../src/render/pptx/layouts/common.js';
import { deckColors } from '../../../src/render/pptx/layout-deck.js';
import { fitText } from '../../../src/render/pptx/text/fit.js';
import { loadTextMeasurer, WIDTH_SAFETY, type TextMeasurer } from '../../../src/render/pptx/text/measure.js';
import {
  paragraphHeight,
  splitParagraph,
  type TextParagraph,
} from '../../../src/render/pptx/text/paragraph.js';
import { inlinesToRuns, type Run } from '../../../src/render/pptx/text/runs.js';
import { joinLines, wrapRuns } from '../../../src/render/pptx/text/wrap.js';
import type { DeckContext } from '../../../src/render/pptx/types.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { DECK_META, DECK_SOURCES, LONG_TITLE, sampleChartAssets } from '../../fixtures/sample-deck-doc.js';

const theme = defaultTheme();
let measure: TextMeasurer;
let ctx: DeckContext;

const run = (text: string, extra: Partial<Run> = {}): Run => ({
  text,
  bold: false,
  italic: false,
  code: false,
  superscript: false,
  breakBefore: false,
  ...extra,
});
const textOf = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');

beforeAll(async () => {
  measure = await loadTextMeasurer(theme);
  ctx = {
    theme,
    meta: DECK_META,
    sources: DECK_SOURCES,
    assets: sampleChartAssets(),
    images: new Map(),
    options: { charts: 'native' },
    colors: deckColors(theme),
    fonts: { body: theme.fonts.body.family, heading: theme.fonts.heading.family },
    measure,
    addSlide: () => {
      throw new Error('not in these tests');
    },
  };
});

describe('measure', () => {
  it('measures with the theme’s font, widened by the safety margin', () => {
    const regular = measure.width('Geneva', 18);
    expect(regular).toBeGreaterThan(40);
    expect(regular).toBeLessThan(80);
    expect(measure.width('Geneva', 36)).toBeCloseTo(regular * 2, 5);
    expect(measure.width('Geneva', 18, { bold: true })).toBeGreaterThan(regular);
    expect(WIDTH_SAFETY).toBeGreaterThan(1);
  });
});

describe('wrapRuns', () => {
  it('breaks at spaces, drops the space at the break and keeps run styles', () => {
    const runs = [
      run('Two tracks. ', { bold: true }),
      run('U.S. envoy Steve Witkoff met Rustem Umerov in Geneva on Thursday'),
    ];
    const lines = wrapRuns(runs, 200, 18, measure);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(measure.width(textOf(line.runs), 18)).toBeLessThanOrEqual(200 * 1.15);
      expect(textOf(line.runs)).not.toMatch(/^\s|\s$/);
    }
    expect(lines[0]!.runs[0]).toMatchObject({ text: 'Two tracks. ', bold: true });
    expect(textOf(joinLines(lines))).toBe(
      'Two tracks. U.S. envoy Steve Witkoff met Rustem Umerov in Geneva on Thursday',
    );
  });

  it('keeps a citation mark with its word and breaks a word longer than the line', () => {
    const lines = wrapRuns(
      [
        run('drones'),
        run('1', { superscript: true, citation: 1 }),
        run(' https://www.worldbank.org/en/country/ukraine/publication/rdna5'),
      ],
      120,
      18,
      measure,
    );
    expect(textOf(lines[0]!.runs)).toBe('drones1');
    expect(lines.length).toBeGreaterThan(2);
    expect(
      lines
        .slice(1)
        .map((l) => textOf(l.runs))
        .join(''),
    ).toBe('https://www.worldbank.org/en/country/ukraine/publication/rdna5');
  });

  it('honours line breaks', () => {
    const lines = wrapRuns([run('first'), run('second', { breakBefore: true })], 500, 18, measure);
    expect(lines.map((l) => [textOf(l.runs), l.joiner])).toEqual([
      ['first', 'none'],
      ['second', 'break'],
    ]);
  });

  it('wraps the same runs again (tokens kept per run) exactly as fresh copies of them', () => {
    const runs = [
      run('Talks  in Geneva ', { bold: true }),
      run('ended without a\tdate for the next round; '),
      run('verylongwordwithoutanyspacesatallthatmustbreak', { italic: true }),
      run(' after', { breakBefore: true }),
    ];
    const fresh = (): Run[] => runs.map((r) => ({ ...r }));
    for (const [width, size, base] of [
      [200, 18, {}],
      [120, 16, { bold: true }],
      [300, 12, { italic: true }],
      [200, 18, {}],
    ] as const) {
      expect(wrapRuns(runs, width, size, measure, base)).toEqual(
        wrapRuns(fresh(), width, size, measure, base),
      );
    }
  });

  it('keeps apart texts that differ only in a look, a link or a citation', () => {
    const wrapped = (extra: Partial<Run>) =>
      wrapRuns([run('Geneva talks', extra)], 200, 18, measure)[0]!.runs[0];
    const plain = wrapped({})!;
    expect([plain.bold, plain.href, plain.citation]).toEqual([false, undefined, undefined]);
    expect(wrapped({ bold: true })).toMatchObject({ bold: true });
    expect(wrapped({ href: 'https://a.example/' })).toMatchObject({ href: 'https://a.example/' });
    expect(wrapped({ href: 'https://b.example/' })).toMatchObject({ href: 'https://b.example/' });
    expect(wrapped({ citation: 3, superscript: true })).toMatchObject({ citation: 3, superscript: true });
    expect(wrapped({ code: true })).toMatchObject({ code: true });
  });
});

describe('fitText', () => {
  it('keeps a short title at 28 pt on one line', () => {
    const fit = fitText([run('Agenda')], measure, {
      steps: titleSteps(28),
      pitch: 1.1,
      width: toPoints(12.1),
      height: 72,
      bold: true,
    });
    expect(fit).toMatchObject({ size: 28, lines: 1, truncated: false });
  });

  it('shrinks, then wraps a 200-character title, within the box', () => {
    const fit = fitText([run(LONG_TITLE)], measure, {
      steps: titleSteps(28),
      pitch: 1.1,
      width: toPoints(12.1),
      height: 72,
      bold: true,
    });
    expect(fit.truncated).toBe(false);
    expect(fit.size).toBeLessThanOrEqual(20);
    expect(fit.lines).toBeGreaterThanOrEqual(2);
    expect(fit.lines * fit.lineHeight).toBeLessThanOrEqual(72);
  });

  it('cuts text that fits no step with an ellipsis', () => {
    const fit = fitText([run(LONG_TITLE.repeat(3))], measure, {
      steps: titleSteps(28),
      pitch: 1.1,
      width: toPoints(12.1),
      height: 72,
      bold: true,
    });
    expect(fit.truncated).toBe(true);
    expect(textOf(fit.runs)).toMatch(/…$/);
    expect(wrapRuns(fit.runs, toPoints(12.1), fit.size, measure, { bold: true }).length).toBeLessThanOrEqual(
      fit.lines,
    );
  });
});

describe('splitParagraph', () => {
  it('splits between lines and loses no text', () => {
    const paragraph: TextParagraph = {
      runs: inlinesToRuns([
        { type: 'text', text: 'Reconstruction runs into the hundreds of billions of dollars. '.repeat(8) },
      ]),
      size: 18,
      lineHeight: 21.6,
      spaceAfter: 9,
      color: '000000',
      level: 0,
    };
    const width = toPoints(6);
    const [head, tail] = splitParagraph(paragraph, width, 21.6 * 3 + 9, measure)!;
    expect(paragraphHeight(head, width, measure)).toBeLessThanOrEqual(21.6 * 3 + 9);
    expect(`${textOf(head.runs)} ${textOf(tail.runs)}`).toBe(textOf(paragraph.runs).trim());
  });

  it('leaves no widow or orphan: at least two lines on each side, unless the slide is empty', () => {
    const width = toPoints(6);
    const linesOf = (p: TextParagraph): number => Math.round((paragraphHeight(p, width, measure) - 9) / 21.6);
    const paragraph = (words: number): TextParagraph => ({
      runs: inlinesToRuns([{ type: 'text', text: 'Reconstruction costs billions. '.repeat(words) }]),
      size: 18,
      lineHeight: 21.6,
      spaceAfter: 9,
      color: '000000',
      level: 0,
    });
    // Find a paragraph of exactly four lines.
    const four = [...Array(60).keys()].map(paragraph).find((p) => linesOf(p) === 4)!;
    expect(four).toBeDefined();
    // Room for three lines: the head gives one back so that two continue.
    const [head, tail] = splitParagraph(four, width, 21.6 * 3 + 9, measure, 2)!;
    expect([linesOf(head), linesOf(tail)]).toEqual([2, 2]);
    // Room for one line: no orphan head on a slide with content, a split on an empty one.
    expect(splitParagraph(four, width, 21.6 + 9, measure, 2)).toBeUndefined();
    const [alone] = splitParagraph(four, width, 21.6 + 9, measure, 1)!;
    expect(linesOf(alone)).toBe(1);
  });
});

describe('paginateFlow', () => {
  const paginate = (items: FlowItem[]): FlowPage[] =>
    paginateFlow(
      items,
      measure,
      {
        boxFor: () => BODY_BOX,
        chart: { min: toPoints(2.8), max: toPoints(BODY_BOX.h) },
        keyFigures: { min: toPoints(2.5), max: toPoints(3.2) },
      },
      18,
    );
  const bullets = (count: number): FlowItem[] =>
    buildFlowItems(
      [
        {
          type: 'list',
          ordered: false,
          start: 1,
          items: Array.from({ length: count }, (_, i) => [
            { type: 'paragraph' as const, children: [{ type: 'text' as const, text: `Point ${i + 1}` }] },
          ]),
        },
      ],
      ctx,
      { bodySize: 18 },
    );

  it('fills pages without overflowing the body box', () => {
    const pages = paginate(bullets(25));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const bottom = Math.max(...page.placements.map((p) => p.y + p.h));
      expect(bottom).toBeLessThanOrEqual(toPoints(BODY_BOX.h) + 0.01);
    }
    expect(pages.flatMap((page) => page.placements)).toHaveLength(25);
  });

  it('splits a table between rows and repeats nothing but the header', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      [{ type: 'text' as const, text: `row ${i + 1}` }],
      [{ type: 'text' as const, text: String(i) }],
    ]);
    const items = buildFlowItems(
      [
        {
          type: 'table',
          header: [[{ type: 'text', text: 'Row' }], [{ type: 'text', text: 'Value' }]],
          align: ['left', 'right'],
          rows,
        },
      ],
      ctx,
      { bodySize: 18 },
    );
    const pages = paginate(items);
    expect(pages.length).toBeGreaterThan(1);
    const slices = pages
      .flatMap((page) => page.placements.map((p) => p.item))
      .filter((item) => item.kind === 'table');
    expect(slices.flatMap((slice) => slice.table.rows)).toHaveLength(40);
    expect(slices.every((slice) => textOf(slice.table.header[0]!) === 'Row')).toBe(true);
  });

  it('keeps a heading with the paragraph after it', () => {
    const heading: FlowItem[] = buildFlowItems(
      [
        {
          type: 'heading',
          level: 2,
          number: '',
          anchor: 'h',
          children: [{ type: 'text', text: 'Territory' }],
        },
      ],
      ctx,
      { bodySize: 18 },
    );
    const filler = bullets(11);
    const after = buildFlowItems(
      [
        {
          type: 'paragraph',
          children: [{ type: 'text', text: 'Russia demands the rest of the Donetsk region. '.repeat(3) }],
        },
      ],
      ctx,
      { bodySize: 18 },
    );
    const pages = paginate([...filler, ...heading, ...after]);
    const headingPage = pages.findIndex((page) => page.placements.some((p) => p.item === heading[0]));
    const next = pages[headingPage]!.placements.findIndex((p) => p.item === heading[0]);
    expect(pages[headingPage]!.placements[next + 1]).toBeDefined();
  });

  it('lets a chart take the space left on its page', () => {
    const pages = paginate([{ kind: 'chart', block: chartBlock('overnight-strikes', 1, '') }]);
    expect(pages[0]!.placements[0]!.h).toBeCloseTo(toPoints(BODY_BOX.h), 5);
  });
});
