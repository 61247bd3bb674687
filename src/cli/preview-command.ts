import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { displayPath } from '../display-path.js';
import { watchTargets } from '../watch/watch-targets.js';
import { fail } from '../errors.js';
import type { CliValues } from './args.js';
import { resolveBuildSettings } from './build-settings.js';
import type { CliIo } from './io.js';
import { oneBriefingFile, untilStopped } from './one-briefing.js';

/** The preview's port unless --port says otherwise. */
export const DEFAULT_PREVIEW_PORT = 4780;

/**
 * `briefkit preview <file> [--port N] [--host H] [--open]` (also `watch --serve`):
 * builds, serves the report and the deck side by side at http://127.0.0.1:<port>/,
 * and rebuilds on every change of the data, a template, the config or the theme, as
 * `watch` does; the page updates itself. Stops on Ctrl+C.
 */
export async function previewCommand(args: string[], values: CliValues, io: CliIo): Promise<number> {
  const file = oneBriefingFile('preview', args);
  const settings = resolveBuildSettings(values, io.env ?? process.env);
  const port = parsePort(values.port);
  const host = values.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    io.err(
      `warning: --host ${host} lets other machines on the network read this briefing's outputs; the preview has no login`,
    );
  }
  // The server, pdf.js's path and chokidar load only for preview.
  const [{ createPreviewSession }, { startPreviewServer }, { watchFiles }] = await Promise.all([
    import('../preview/preview-session.js'),
    import('../preview/preview-server.js'),
    import('../watch/watch-files.js'),
  ]);
  const session = createPreviewSession({
    file,
    options: settings.options,
    log: (line) => io.err(line),
  });
  const server = await startPreviewServer(session, { host, port });
  await session.rebuild([]);
  const watched = await watchTargets(file, settings.options);
  const watcher = watchFiles({
    ...watched,
    onChange: async (changed) => {
      io.err(`changed: ${changed.map((f) => displayPath(f)).join(', ')}`);
      await session.rebuild(changed);
      const added = await watcher.add((await watchTargets(file, settings.options)).files);
      if (added.length > 0) io.err(`watching also ${added.map((p) => displayPath(p)).join(', ')}`);
    },
  });
  await watcher.ready;
  const shown = [...watched.files.filter(existsSync), ...watched.folders];
  io.err(`watching ${shown.map((p) => displayPath(p)).join(', ')}`);
  io.out(`preview: ${server.url}  (Ctrl+C to stop)`);
  if (values.open) openBrowser(server.url, io);
  await untilStopped(io.signal);
  await watcher.close();
  await server.close();
  return 0;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PREVIEW_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    fail('USAGE_ERROR', {
      message: `--port ${value} is not a port`,
      expected: 'a whole number from 0 to 65535 (0: any free port)',
    });
  }
  return port;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Opens the page in the user's browser; a machine without one just keeps the printed URL. */
function openBrowser(url: string, io: CliIo): void {
  const [command, ...rest] =
    process.platform === 'darwin'
      ? ['open']
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '""']
        : ['xdg-open'];
  try {
    const child = spawn(command!, [...rest, url], { stdio: 'ignore', detached: true });
    child.on('error', () => io.err(`could not open a browser; open ${url} yourself`));
    child.unref();
  } catch {
    io.err(`could not open a browser; open ${url} yourself`);
  }
}
