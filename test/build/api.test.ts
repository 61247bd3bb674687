import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/build/hash.js';
import { build, buildFiles, type BuildReport, type BuildResult } from '../../src/index.js';
import { tempDir } from '../helpers/temp.js';

/** The programmatic API, used as the README shows it. */
const root = tempDir('briefkit-api-');

describe("import { build } from 'briefkit'", () => {
  it('returns the PDF, the deck, the manifest and timings without writing a file', async () => {
    const data = path.join(root, 'alone.yaml');
    cpSync('test/fixtures/batch/briefing.yaml', data);
    const result: BuildResult = await build(data, {
      templatesDir: 'test/fixtures/batch/templates',
      date: '2026-03-02',
    });
    expect(result.pdf!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.pptx!.subarray(0, 2).toString()).toBe('PK');
    expect(result.manifest.outputs).toEqual({
      'alone.pdf': sha256(result.pdf!),
      'alone.pptx': sha256(result.pptx!),
    });
    expect(result.manifest.buildDate).toBe('2026-03-02T00:00:00.000Z');
    expect(result.timings.pdf).toBeGreaterThan(0);
    expect(existsSync(path.join(root, 'output'))).toBe(false);
    expect(existsSync('output/alone.pdf')).toBe(false);
  });
});

describe("import { buildFiles } from 'briefkit'", () => {
  it('builds several files on the worker pool, then skips them when nothing changed', async () => {
    const files = ['one', 'two'].map((name) => {
      const file = path.join(root, `${name}.yaml`);
      cpSync('test/fixtures/batch/briefing.yaml', file);
      return file;
    });
    const options = {
      outDir: path.join(root, 'out'),
      templatesDir: 'test/fixtures/batch/templates',
      date: '2026-03-02',
      formats: ['pdf'] as const,
    };
    const steps = new Set<string>();
    const first: BuildReport[] = await buildFiles(files, {
      ...options,
      onStep: (_file, step) => steps.add(step),
    });
    expect(first.map((r) => [r.name, r.status])).toEqual([
      ['one', 'built'],
      ['two', 'built'],
    ]);
    expect([...steps]).toEqual(expect.arrayContaining(['validate', 'compose', 'charts', 'pdf', 'write']));
    const second = await buildFiles(files, options);
    expect(second.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(second[0]!.outputs[0]!.sha256).toBe(first[0]!.outputs[0]!.sha256);
  });
});
