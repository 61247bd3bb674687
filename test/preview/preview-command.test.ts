import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';

describe('briefkit preview: the command line', () => {
  it.each([
    [
      ['preview'],
      'error: preview takes exactly one briefing file  (expected briefkit preview <file.yaml> [--port N] [--open])',
    ],
    [['preview', 'a.yaml', 'b.yaml'], 'error: preview takes exactly one briefing file'],
    [['preview', 'data'], 'error: preview takes one briefing file, and data is a folder'],
    // watch --serve is the preview.
    [['watch', '--serve', 'a.yaml', 'b.yaml'], 'error: preview takes exactly one briefing file'],
    [['preview', 'data/geneva-2026-02-26.yaml', '--port', 'http'], 'error: --port http is not a port'],
    [['preview', 'data/geneva-2026-02-26.yaml', '--port', '70000'], 'error: --port 70000 is not a port'],
    [['preview', 'data/geneva-2026-02-26.yaml', '--port'], 'error: --port needs a value'],
    [
      ['build', 'data/geneva-2026-02-26.yaml', '--port', '80'],
      'error: --port is not an option of briefkit build',
    ],
  ])('%j is a usage error', async (argv, message) => {
    const { code, err } = await runCliCaptured(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
