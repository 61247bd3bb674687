import { describe, expect, it, vi } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

// As on a machine where npm skipped canvas's install script: the package is there, its
// native part is not.
vi.mock('chartjs-node-canvas', () => {
  throw new Error("Cannot find module '../build/Release/canvas.node'");
});

const out = tempDir('briefkit-no-canvas-');

describe('without a built canvas', () => {
  it('a picture-chart build stops with the command that fixes it (exit 1), not a stack trace', async () => {
    const result = await runCliCaptured([
      'build',
      'data/geneva-2026-02-26.yaml',
      '--deck-charts',
      'image',
      '--format',
      'pptx',
      '--out',
      out,
      '--quiet',
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'error: a picture chart (--deck-charts image) needs the canvas package, which cannot be loaded here',
    );
    expect(result.err).toContain('npm pkg set allowScripts.canvas=true --json && npm rebuild canvas');
    expect(result.err).not.toContain('internal error');
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('the default build (native deck charts) does not need it', async () => {
    const result = await runCliCaptured(['build', 'data/geneva-2026-02-26.yaml', '--out', out, '--quiet']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });
});
