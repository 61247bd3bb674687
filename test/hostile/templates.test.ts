import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { BriefkitError, type Problem } from '../../src/errors.js';
import { readPdf } from '../helpers/pdf.js';
import { hostile, HOSTILE } from './helpers.js';

async function templateProblems(folder: string): Promise<readonly Problem[]> {
  const error = await build(hostile('valid.yaml'), {
    templatesDir: `${HOSTILE}/templates/${folder}`,
    formats: ['pdf'],
  }).catch((e: unknown) => e);
  if (!(error instanceof BriefkitError))
    throw new Error(`${folder}: expected a BriefkitError, got ${String(error)}`);
  expect(error.code).toBe('TEMPLATE_ERROR');
  return error.problems;
}

const file = (folder: string) => `${HOSTILE}/templates/${folder}/report.md.hbs`;

describe('templates fail loudly and precisely', () => {
  it('names the file and line of a chart helper with an unknown id', async () => {
    expect(await templateProblems('bad-chart-helper')).toEqual([
      { file: file('bad-chart-helper'), line: 6, column: 1, message: 'unknown chart id "no-such-chart"' },
    ]);
  });

  it('names the file, line and column of a chart written in Markdown with an unknown id', async () => {
    expect(await templateProblems('bad-chart-link')).toEqual([
      expect.objectContaining({
        file: file('bad-chart-link'),
        line: 6,
        column: 12,
        message: 'unknown chart id "no-such-chart"',
      }),
    ]);
  });

  it('names the file and line of a missing field, never printing a blank', async () => {
    expect(await templateProblems('missing-field')).toEqual([
      {
        file: file('missing-field'),
        line: 4,
        column: 3,
        message: 'missing field "subtitel" (did you mean "subtitle"?)',
      },
    ]);
  });

  it('names the file and line of an unknown helper', async () => {
    expect(await templateProblems('unknown-helper')).toEqual([
      expect.objectContaining({ file: file('unknown-helper'), line: 4, message: 'unknown helper "shout"' }),
    ]);
  });

  it('refuses right-to-left text in a template, with its line', async () => {
    expect(await templateProblems('rtl-template')).toEqual([
      expect.objectContaining({
        file: file('rtl-template'),
        line: 4,
        message: expect.stringMatching(/^right-to-left text is not supported yet/),
      }),
    ]);
  });
});

describe('links written in a template', () => {
  it('become links only for http, https and mailto; the rest print as text', async () => {
    const result = await build(hostile('valid.yaml'), {
      templatesDir: `${HOSTILE}/templates/unsafe-links`,
      formats: ['pdf'],
      date: '2026-03-01',
    });
    const pdf = await readPdf(result.pdf!);
    const urls = pdf.pages.flatMap((page) => page.links.flatMap((link) => (link.url ? [link.url] : [])));
    expect(urls.sort()).toEqual(['https://example.org/ok', 'mailto:desk@example.org']);
    const text = pdf.pages.map((page) => page.lines.map((line) => line.text).join(' ')).join(' ');
    expect(text).toContain('click me local data ok mail');
  });
});
