import { statSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.js';

/** The one briefing file a long-running command (watch, preview) works on: never none, several or a folder. */
export function oneBriefingFile(command: 'watch' | 'preview', args: readonly string[]): string {
  if (args.length !== 1) {
    fail('USAGE_ERROR', {
      message: `${command} takes exactly one briefing file`,
      expected: `briefkit ${command} <file.yaml>${command === 'preview' ? ' [--port N] [--open]' : ''}`,
    });
  }
  const file = args[0]!;
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory())
    fail('USAGE_ERROR', {
      message: `${command} takes one briefing file, and ${file} is a folder`,
      expected: `briefkit ${command} ${path.join(file, '<name>.yaml')} (one ${command} per briefing), or briefkit build ${file}`,
    });
  return file;
}

/** Resolves on the caller's abort signal, else on Ctrl+C or SIGTERM. */
export function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return signal.aborted
      ? Promise.resolve()
      : new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
  }
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
