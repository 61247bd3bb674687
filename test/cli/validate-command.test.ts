import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';

describe('briefkit validate', () => {
  it('accepts the example with exit code 0', async () => {
    const { code, out } = await runCliCaptured(['validate', 'data/geneva-2026-02-26.yaml']);
    expect(code).toBe(0);
    expect(out).toMatch(/valid \(\d+ sections/);
  });

  it('prints located problems and exits 1 for a broken briefing', async () => {
    const { code, err } = await runCliCaptured(['validate', 'test/fixtures/briefings/wrong-type.yaml']);
    expect(code).toBe(1);
    expect(err).toContain(
      'test/fixtures/briefings/wrong-type.yaml:7:12  figures[0].value  wrong type: "twelve hundred"  (expected a finite number, or a list [low, high])',
    );
  });

  it('reports every briefing, valid or not, and exits 1 if any is invalid', async () => {
    const { code, out, err } = await runCliCaptured([
      'validate',
      'test/fixtures/briefings/wrong-type.yaml',
      'data/geneva-2026-02-26.yaml',
      'nope.yaml',
    ]);
    expect(code).toBe(1);
    expect(err).toContain('test/fixtures/briefings/wrong-type.yaml:7:12  figures[0].value');
    expect(out).toMatch(/geneva-2026-02-26\.yaml: valid/);
    expect(err).toContain('nope.yaml');
  });

  it('checks the briefings inside a folder, as build does', async () => {
    const { code, out } = await runCliCaptured(['validate', 'data']);
    expect(code).toBe(0);
    expect(out).toMatch(/geneva-2026-02-26\.yaml: valid \(\d+ sections/);
    const empty = await mkdtemp(path.join(tmpdir(), 'briefkit-validate-'));
    try {
      expect((await runCliCaptured(['validate', empty])).code).toBe(1);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('exits 1 for a missing file, 2 for a bad command line', async () => {
    expect((await runCliCaptured(['validate', 'nope.yaml'])).code).toBe(1);
    expect((await runCliCaptured(['frobnicate'])).code).toBe(2);
    expect((await runCliCaptured(['build', '--bogus-flag', 'x.yaml'])).code).toBe(2);
    expect((await runCliCaptured([])).code).toBe(2);
  });

  it('prints help with exit code 0', async () => {
    const { code, out } = await runCliCaptured(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('briefkit build <file|folder>');
  });
});
