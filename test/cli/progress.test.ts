import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BuildReport, BuildStep, BuildTask } from '../../src/build/build-report.js';
import type { CliIo, Terminal } from '../../src/cli/io.js';
import { progressDisplay } from '../../src/cli/report/progress-display.js';
import { runCli } from '../../src/cli/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/** A terminal that records what was written, as a user's screen would receive it. */
function fakeTerminal(stdoutIsTerminal = true): Terminal & { text: () => string } {
  const chunks: string[] = [];
  return {
    write: (t) => void chunks.push(t),
    columns: () => 120,
    stdoutIsTerminal,
    text: () => chunks.join(''),
  };
}

const task: BuildTask = {
  file: 'data/alpha.yaml',
  options: { outDir: 'output', date: new Date(0) },
};

afterEach(() => vi.useRealTimers());

describe('the progress display', () => {
  it('shows each step of a briefing as it runs, then the briefing done with its timings', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const terminal = fakeTerminal();
    const display = progressDisplay(terminal, { color: true, showOutputs: true });
    display.start([task]);
    const steps: BuildStep[] = [
      'check',
      'load',
      'validate',
      'compose',
      'parse',
      'charts',
      'pdf',
      'pptx',
      'write',
    ];
    for (const step of steps) {
      display.step(task, step);
      vi.advanceTimersByTime(100);
    }
    const timings = {
      load: 5,
      validate: 7,
      compose: 20,
      parse: 3,
      charts: 90,
      pdf: 400,
      pptx: 200,
      write: 2,
      total: 730,
    };
    const report: BuildReport = {
      file: task.file,
      name: 'alpha',
      status: 'built',
      outputs: [{ format: 'pdf', file: 'output/alpha.pdf', sha256: 'x', bytes: 1 }],
      timings,
      errors: [],
      exitCode: 0,
    };
    display.done(report);
    display.finish([report], 900);
    const screen = terminal.text();
    for (const label of ['validating', 'composing', 'charts', 'PDF', 'deck'])
      expect(screen).toMatch(new RegExp(`alpha\\s+${label}\\s+\\d+ ms`));
    expect(screen).toContain('alpha  done in 730 ms');
    expect(screen).toContain('validating 12 ms · composing 23 ms · charts 90 ms · PDF 400 ms · deck 200 ms');
    expect(screen).toContain('→ output/alpha.pdf');
    expect(screen).toContain('\x1b[1A'); // redrawn in place
    expect(screen).toContain('\x1b[32m✓'); // in colour
  });
});

describe('choosing the output', () => {
  const out = tempDir('briefkit-progress-');
  const args = ['build', 'test/fixtures/batch/briefing.yaml', '--templates', 'test/fixtures/batch/templates'];
  const run = async (env: NodeJS.ProcessEnv, extra: string[] = [], stdoutIsTerminal = true) => {
    const terminal = fakeTerminal(stdoutIsTerminal);
    const lines = { out: [] as string[], err: [] as string[] };
    const io: CliIo = { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l), terminal, env };
    const code = await runCli([...args, '--out', out, '--format', 'pdf', '--force', ...extra], io);
    return { code, screen: terminal.text(), out: lines.out.join('\n'), err: lines.err.join('\n') };
  };

  it('draws on a terminal, and lists the outputs there when stdout is the terminal too', async () => {
    const result = await run({});
    expect(result.code).toBe(0);
    expect(result.screen).toContain('briefing  done in');
    expect(result.screen).toContain(`→ ${out}/briefing.pdf`);
    expect(result.out).toBe('');
    expect(result.err).toBe('');
  });

  it('keeps stdout for scripts when it is a pipe, and drops colour with NO_COLOR', async () => {
    const result = await run({ NO_COLOR: '1' }, [], false);
    expect(result.out).toBe(`built ${out}/briefing.pdf`);
    expect(result.screen).toContain('briefing  done in');
    for (const color of ['\x1b[31m', '\x1b[32m', '\x1b[36m']) expect(result.screen).not.toContain(color);
  });

  it('prints plain lines in CI and with --quiet', async () => {
    const ci = await run({ CI: 'true' });
    expect(ci.screen).toBe('');
    expect(ci.out).toBe(`built ${out}/briefing.pdf`);
    expect(ci.err).toMatch(/briefing\.yaml: done in .* \(validating .* PDF \d+/);
    const quiet = await run({}, ['--quiet']);
    expect(quiet.screen).toBe('');
    expect(quiet.out).toBe(`built ${out}/briefing.pdf`);
    expect(quiet.err).toBe('');
  });
});
