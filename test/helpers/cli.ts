import { runCli } from '../../src/cli/run-cli.js';

/** Runs the CLI in-process, capturing what a user would see. */
export async function runCliCaptured(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
