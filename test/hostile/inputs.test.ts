import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';
import { cases } from './corpus.js';
import { failureOf, hostile } from './helpers.js';
import { tempDir } from '../helpers/temp.js';

/** Each case of the corpus is refused with its exact code, location, path and message, never a crash. */
describe('hostile input corpus', () => {
  it.each(cases)('$fixture: $code at its line', async ({ fixture, code, problem }) => {
    const error = await failureOf(hostile(fixture));
    expect(error.code).toBe(code);
    const matcher = Object.fromEntries(
      Object.entries(problem).map(([key, value]) => [
        key,
        value instanceof RegExp ? expect.stringMatching(value) : value,
      ]),
    );
    expect(error.problems).toContainEqual(expect.objectContaining({ ...matcher, file: hostile(fixture) }));
    // Whatever the data held, nothing reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('has a test for every fixture file in the corpus', async () => {
    const { readdirSync } = await import('node:fs');
    const covered = new Set([
      ...cases.map((c) => c.fixture),
      'valid.yaml',
      'data-is-text.yaml',
      'text-from-anywhere.yaml',
    ]);
    const files = readdirSync('test/fixtures/hostile').filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('refuses a file over 5 MB before reading it', async () => {
    const dir = tempDir('briefkit-hostile-');
    const file = path.join(dir, 'too-large.yaml');
    // Generated, not committed: 5 MB of fixture would weigh on every clone.
    writeFileSync(file, `title: ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const error = await failureOf(file);
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.problems[0]).toMatchObject({
      file,
      message: 'the file is 5.0 MB',
      expected: 'at most 5 MB',
    });
  });

  it('exits with code 1 and one located line per problem, for every case', async () => {
    for (const { fixture } of cases.slice(0, 6)) {
      const { code, err } = await runCliCaptured(['validate', hostile(fixture)]);
      expect(code).toBe(1);
      expect(err).toMatch(new RegExp(`${hostile(fixture).replace(/\./g, '\\.')}:\\d+:\\d+ `));
    }
  });
});
