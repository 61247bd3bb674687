import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { build } from '../../src/build/build.js';
import { DATA_LIMITS, DEFAULT_BUILD_LIMITS, resolveBuildLimits } from '../../src/build/limits.js';
import { BriefkitError } from '../../src/errors.js';
import { slowOr } from '../helpers/slow.js';
import { tempDir } from '../helpers/temp.js';
import { failureOf } from './helpers.js';

/**
 * Pathological briefings: each builds within the documented limits or is refused with a
 * clear, located error, quickly. They are generated from the Geneva example (committing
 * megabytes of fixtures would weigh on every clone).
 */
const dir = tempDir('briefkit-limits-');
type Geneva = Record<string, unknown> & {
  people: unknown[];
  charts: Record<string, unknown>[];
  summary: string;
};

function variant(name: string, change: (briefing: Geneva) => void): string {
  const briefing = parse(readFileSync('data/geneva-2026-02-26.yaml', 'utf8')) as Geneva;
  change(briefing);
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(briefing));
  return file;
}

const person = (i: number) => ({
  id: `p${i}`,
  name: `Person ${i}`,
  role: 'Observer',
  side: 'Neither',
  sources: ['reuters'],
});
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('pathological inputs', () => {
  // The full 10,000 rows take ~15 s on two cores: SLOW=1 (CI); npm test builds a tenth of them.
  const rows = slowOr(DATA_LIMITS.people, DATA_LIMITS.people / 10);
  it(`builds a ${rows.toLocaleString('en')}-row table within the time limit and the memory budget`, async () => {
    const file = variant('table', (b) => {
      b.people = [...b.people, ...Array.from({ length: rows - b.people.length }, (_, i) => person(i))];
    });
    const started = performance.now();
    const result = await build(file, { date: '2026-03-01' });
    expect(performance.now() - started).toBeLessThan(DEFAULT_BUILD_LIMITS.timeLimitMs);
    expect(pageCount(result.pdf!)).toBeGreaterThan(rows / 50);
  }, 120_000);

  it('refuses a table row more, with the limit in the message', async () => {
    const error = await failureOf(
      variant('table-plus-one', (b) => {
        b.people = [
          ...b.people,
          ...Array.from({ length: DATA_LIMITS.people + 1 - b.people.length }, (_, i) => person(i)),
        ];
      }),
    );
    expect(error.problems[0]).toMatchObject({
      path: 'people',
      line: 57,
      message: 'too many entries: 10,001',
    });
    expect(error.problems[0]!.expected).toMatch(/^at most 10,000/);
  });

  it('builds a 20,000-character word, and refuses a 100,000-character one', async () => {
    const long = variant('word-20k', (b) => {
      b.summary = 'x'.repeat(DATA_LIMITS.textChars);
    });
    const result = await build(long, { date: '2026-03-01' });
    expect(result.pdf!.length).toBeGreaterThan(0);
    const error = await failureOf(
      variant('word-100k', (b) => {
        b.summary = 'x'.repeat(100_000);
      }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: 'summary',
        message: 'too long: 100,000 characters',
        expected: 'at most 20,000 characters',
      }),
    ]);
  }, 60_000);

  it('refuses 1,000 charts at once, and builds 100', async () => {
    const charts = (n: number) => (b: Geneva) => {
      const extra = Array.from({ length: n - b.charts.length }, (_, i) => ({
        ...structuredClone(b.charts[0]),
        id: `c${i}`,
      }));
      b.charts = [...b.charts, ...extra];
      // Placed, not only declared: every chart is drawn into the report.
      const sections = b.sections as { id: string; charts?: string[] }[];
      sections.find((s) => s.id === 'humanitarian')!.charts = extra
        .slice(0, DATA_LIMITS.charts)
        .map((c) => c.id);
    };
    const error = await failureOf(variant('charts-1000', charts(1000)));
    expect(error.problems).toEqual([
      expect.objectContaining({
        path: 'charts',
        message: 'too many entries: 1,000',
        line: expect.any(Number),
      }),
    ]);
    const started = performance.now();
    const result = await build(variant('charts-100', charts(DATA_LIMITS.charts)), {
      date: '2026-03-01',
      formats: ['pdf'],
    });
    expect(result.pdf!.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(DEFAULT_BUILD_LIMITS.timeLimitMs);
  }, 120_000);

  it('refuses more than 200,000 values before parsing them, in well under a second', async () => {
    const file = path.join(dir, 'values.yaml');
    writeFileSync(file, `title: x\nkeywords: [${Array(250_000).fill('a').join(', ')}]\n`);
    const started = performance.now();
    const error = await failureOf(file);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.problems[0]).toMatchObject({ line: 2, message: 'the file holds more than 200,000 values' });
  });

  it('refuses more than a million characters of text in all', async () => {
    const error = await failureOf(
      variant('text', (b) => {
        b.takeaways = Array.from({ length: 60 }, () => ({ text: 'word '.repeat(4000) }));
      }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^the briefing holds 1,2\d\d,\d\d\d characters of text$/),
        expected: 'at most 1,000,000 (about 500 printed pages)',
      }),
    ]);
  });
});

describe('the build budget', () => {
  it('stops a build over its time limit before the next stage, naming the stage', async () => {
    const error = await build('data/geneva-2026-02-26.yaml', { limits: { timeLimitMs: 1 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).code).toBe('LIMIT_EXCEEDED');
    expect((error as BriefkitError).problems[0]!.message).toMatch(
      // Which stage depends on how quickly the first ones ran (a warm load can take under 1 ms).
      /^the build took [\d.]+ s, over its time limit of 0\.0 s \(stopped before: (validate|compose|parse|charts|pdf|pptx)\)$/,
    );
  });

  it('stops a build over its memory budget', async () => {
    const error = await build('data/geneva-2026-02-26.yaml', { limits: { memoryBudgetMb: 1 } }).catch(
      (e: unknown) => e,
    );
    expect((error as BriefkitError).code).toBe('LIMIT_EXCEEDED');
    expect((error as BriefkitError).problems[0]!.message).toMatch(/over its memory budget of 1 MB/);
  });

  it('reads the limits from the environment, and refuses nonsense there', () => {
    expect(resolveBuildLimits({}, { BRIEFKIT_TIME_LIMIT: '30', BRIEFKIT_MEMORY_BUDGET: '512' })).toEqual({
      timeLimitMs: 30_000,
      memoryBudgetMb: 512,
    });
    expect(() => resolveBuildLimits({}, { BRIEFKIT_TIME_LIMIT: 'soon' })).toThrow(/is not a positive number/);
  });
});
