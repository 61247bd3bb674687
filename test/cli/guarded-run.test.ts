import { describe, expect, it } from 'vitest';
import { runsGuarded } from '../../src/cli/guarded-run.js';
import { VERSION } from '../../src/version.js';
import { runBin } from '../helpers/run-bin.js';
import { tempDir } from '../helpers/temp.js';

const GENEVA = 'data/geneva-2026-02-26.yaml';

describe('which commands run in the guarded worker', () => {
  it('is a build of one briefing file and validate; a batch, watch, preview, init and help stay in the main thread', () => {
    expect(runsGuarded(['build', GENEVA])).toBe(true);
    expect(runsGuarded(['--out', 'x', 'build', GENEVA, '--format', 'pdf'])).toBe(true);
    expect(runsGuarded(['validate', GENEVA, 'data'])).toBe(true);
    expect(runsGuarded(['build', 'data'])).toBe(false);
    expect(runsGuarded(['build', GENEVA, GENEVA])).toBe(false);
    expect(runsGuarded(['build', 'missing.yaml'])).toBe(false);
    expect(runsGuarded(['build', GENEVA, '--help'])).toBe(false);
    for (const command of ['watch', 'preview', 'init', 'schema', 'help'])
      expect(runsGuarded([command, GENEVA])).toBe(false);
    expect(runsGuarded(['--version'])).toBe(false);
  });

  it('--version alone is answered by the entry, the same as the CLI answers it', () => {
    const alone = runBin(['--version']);
    const withOthers = runBin(['--version', '--quiet']);
    expect(alone).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
    expect(withOthers).toEqual(alone);
  });

  it('builds, reports and exits as the main thread would, canvas included (deck charts as pictures)', () => {
    const out = tempDir();
    const built = runBin(['build', GENEVA, '--out', out, '--deck-charts', 'image', '--json']);
    expect(built.code, built.err).toBe(0);
    expect(JSON.parse(built.out)).toMatchObject({ ok: true, totals: { built: 1 } });
    const wrong = runBin(['build', 'test/fixtures/briefings/minimal.yaml', '--out', out, '--format', 'gif']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/^error: .*--format/m);
    expect(wrong.err).not.toMatch(/at .*\.(c?js|ts):\d+/);
  });
});
