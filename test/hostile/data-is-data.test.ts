import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build/build.js';
import { BriefkitError } from '../../src/errors.js';
import { readPdf } from '../helpers/pdf.js';
import { readChart, readPptx } from '../helpers/pptx.js';
import { GENERIC_TEMPLATES, hostile, HOSTILE } from './helpers.js';

/** The hostile strings of data-is-text.yaml, as a reader must see them in both outputs. */
const LITERALS = [
  '{{constructor}} {{#each this}}x{{/each}} {{> section}} **not bold** _not italic_ `not code`',
  '# not a heading <b>not bold</b> <script>alert(1)</script> [click](javascript:alert(1)) <https://example.org>',
  '{{title}} | not | a | table',
  // The chart's title: a figure caption in the PDF, a native chart title in the deck.
  '<b>Widgets</b> & "quotes" ]]> {{chart "x"}} </c:v>',
];

const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('data is data: values print literally, nothing in them runs', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await build(hostile('data-is-text.yaml'), {
      templatesDir: GENERIC_TEMPLATES,
      date: '2026-03-01',
    });
  });

  it('prints template, Markdown and HTML syntax in data as written, in the PDF', async () => {
    const pdf = await readPdf(result.pdf!);
    const text = flat(pdf.pages.map((page) => page.lines.map((line) => line.text).join(' ')).join(' '));
    for (const literal of LITERALS) expect(text).toContain(literal);
    // Control characters are visible, not swallowed: the font has no control pictures, so "�".
    expect(text).toContain('bell� escape� end');
  });

  it('prints the same in the deck', async () => {
    const deck = await readPptx(result.pptx!);
    const text = flat(deck.slides.map((slide) => [...slide.text, slide.notes].join(' ')).join(' '));
    for (const literal of LITERALS.slice(0, 3)) expect(text).toContain(literal);
    const chart = await readChart(deck, deck.slides.flatMap((slide) => slide.charts)[0]!);
    expect(chart.title).toBe(LITERALS[3]);
    expect(text).toContain('bell� escape� end');
  });

  it('makes no link from data, and none to anything but http, https or mailto', async () => {
    const pdf = await readPdf(result.pdf!);
    const urls = pdf.pages.flatMap((page) => page.links.flatMap((link) => (link.url ? [link.url] : [])));
    expect(urls).toEqual(['https://example.org/report']);
    const deck = await readPptx(result.pptx!);
    for (const link of deck.slides.flatMap((slide) => slide.links))
      expect(link).toMatch(/^(https?:|mailto:)/);
  });

  it('warns, with the location, about the characters it could not show', () => {
    expect(result.result.warnings).toEqual([
      expect.objectContaining({
        file: hostile('data-is-text.yaml'),
        line: 20,
        path: 'sections[0].points[0].text',
        message: expect.stringMatching(
          /^control character U\+0007, control character U\+001B cannot be shown/,
        ),
      }),
    ]);
  });

  it('keeps {{constructor}} in a template from reaching a prototype: a located error, not a blank', async () => {
    const error = await build(hostile('valid.yaml'), {
      templatesDir: `${HOSTILE}/templates/constructor`,
      formats: ['pdf'],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).problems).toEqual([
      {
        file: `${HOSTILE}/templates/constructor/report.md.hbs`,
        line: 4,
        column: 3,
        message: 'missing field "constructor"',
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
