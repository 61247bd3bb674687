import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/build/hash.js';
import type { JsonSummary } from '../../src/cli/report/json-summary.js';
import { runCliCaptured } from '../helpers/cli.js';
import { runBin } from '../helpers/run-bin.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Twenty briefings, one of them broken, built as a batch by the bundled CLI on the
 * worker pool; then the same twenty in three shards through the in-process CLI.
 */
const root = tempDir('briefkit-batch-');
const data = path.join(root, 'data');
const out = path.join(root, 'output');
const fixture = readFileSync('test/fixtures/batch/briefing.yaml', 'utf8');
const brokenLine = fixture.split('\n').findIndex((line) => line.includes('value: 340')) + 1;
const common = ['--templates', 'test/fixtures/batch/templates', '--out', out, '--date', '2026-03-02'];
const names = Array.from({ length: 20 }, (_, i) => `b${String(i + 1).padStart(2, '0')}`);
let batch: { code: number; out: string; err: string };

beforeAll(() => {
  mkdirSync(data);
  for (const name of names) {
    const text = fixture.replace('Batch test briefing', `Batch test briefing ${name}`);
    writeFileSync(
      path.join(data, `${name}.yaml`),
      name === 'b07' ? text.replace('value: 340', 'value: three hundred') : text,
    );
  }
  batch = runBin(['build', data, ...common, '--json']);
}, 120_000);

describe('briefkit build over 20 briefings with one broken', () => {
  it('builds the other 19, reports the broken one with its location, and exits 1', () => {
    expect(batch.code).toBe(1);
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(19);
    expect(files.filter((f) => f.endsWith('.pptx'))).toHaveLength(19);
    expect(files.some((f) => f.startsWith('b07.'))).toBe(false);
    expect(batch.err).toContain(`b07.yaml:${brokenLine}:12  figures[1].value  wrong type: "three hundred"`);
    expect(batch.err).toContain('20 briefings: 19 built, 1 failed');
  });

  it('prints a JSON summary with outputs, hashes, timings and located errors', () => {
    const summary = JSON.parse(batch.out) as JsonSummary;
    expect(summary.ok).toBe(false);
    expect(summary.totals).toMatchObject({ briefings: 20, built: 19, skipped: 0, failed: 1 });
    const broken = summary.briefings.find((b) => b.name === 'b07')!;
    expect(broken.status).toBe('failed');
    expect(broken.errors[0]).toMatchObject({
      code: 'VALIDATION_ERROR',
      line: brokenLine,
      column: 12,
      path: 'figures[1].value',
    });
    expect(broken.errors[0]!.file).toMatch(/b07\.yaml$/);
    const built = summary.briefings.find((b) => b.name === 'b01')!;
    expect(built.timings.total).toBeGreaterThan(0);
    expect(built.timings.pdf).toBeGreaterThan(0);
    for (const output of built.outputs) {
      expect(sha256(readFileSync(path.join(out, path.basename(output.file))))).toBe(output.sha256);
    }
  });
});

describe('--shard i/n', () => {
  it('1/3, 2/3 and 3/3 together build every briefing exactly once', async () => {
    const seen: string[] = [];
    const codes: number[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      // One pool thread: in this process each one starts by loading the sources through tsx.
      const result = await runCliCaptured([
        'build',
        data,
        ...common,
        '--shard',
        shard,
        '--jobs',
        '1',
        '--json',
      ]);
      const summary = JSON.parse(result.out) as JsonSummary;
      expect(summary.shard).toBe(shard);
      expect(summary.briefings.length).toBeGreaterThanOrEqual(6);
      expect(summary.briefings.length).toBeLessThanOrEqual(7);
      // The batch above built them with the same inputs: only the broken one does work.
      for (const b of summary.briefings) expect(b.status).toBe(b.name === 'b07' ? 'failed' : 'skipped');
      seen.push(...summary.briefings.map((b) => b.name));
      codes.push(result.code);
    }
    expect([...seen].sort()).toEqual(names);
    expect(codes.sort()).toEqual([0, 0, 1]);
  });
});

describe('--json', () => {
  it('prints a document with the problem even when the command line is wrong', async () => {
    const result = await runCliCaptured(['build', data, '--shard', '4/3', '--json']);
    expect(result.code).toBe(2);
    const summary = JSON.parse(result.out) as JsonSummary;
    expect(summary.ok).toBe(false);
    expect(summary.errors[0]).toMatchObject({ code: 'USAGE_ERROR', message: '--shard 4/3 is not a shard' });
  });
});
