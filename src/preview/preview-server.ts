import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { fail } from '../errors.js';
import { pageAsset, fontFaceCss, themeFontFile } from './preview-assets.js';
import type { PreviewSession } from './preview-session.js';

export interface PreviewServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Content Security Policy of every response: the page loads only its own assets (no
 * external request is possible from it), pdf.js's worker comes from this server, and
 * the slides' pictures are data: URLs inside the SVG.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The preview's HTTP server. Safe by default: it listens on the given host only
 * (127.0.0.1 unless told otherwise), answers 403 to a request whose Host header names
 * another host (a DNS-rebinding page cannot read it), and serves a fixed set of paths:
 * the page and its assets, pdf.js, the theme's fonts, the build state and event stream,
 * and the current outputs from memory. Anything else is 404; nothing else is read from disk.
 */
export async function startPreviewServer(
  session: PreviewSession,
  options: PreviewServerOptions,
): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let allowed: (host: string) => boolean = () => false;
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error');
      else response.destroy();
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!allowed((request.headers.host ?? '').toLowerCase())) {
      send(response, 403, 'text/plain; charset=utf-8', 'forbidden: unknown Host header');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://preview.invalid');
    const route = url.pathname;
    if (route === '/api/events') return events(response);
    if (route === '/api/state') {
      send(response, 200, TYPES['.json']!, JSON.stringify(session.state()));
      return;
    }
    if (route === '/assets/fonts.css') {
      const theme = session.theme();
      send(response, 200, TYPES['.css']!, theme ? fontFaceCss(theme) : '');
      return;
    }
    if (route.startsWith('/fonts/')) {
      const theme = session.theme();
      const file = theme ? themeFontFile(theme, route.slice('/fonts/'.length)) : undefined;
      if (file) return sendFile(request, response, file);
    }
    if (route.startsWith('/out/')) return output(response, decodeURIComponent(route.slice('/out/'.length)));
    const asset = pageAsset(route);
    if (asset) return sendFile(request, response, asset);
    send(response, 404, 'text/plain; charset=utf-8', 'not found');
  };

  const output = (response: ServerResponse, file: string): void => {
    const outputs = session.outputs();
    const name = session.state().name;
    const body =
      file === `${name}.pdf`
        ? outputs?.pdf
        : file === `${name}.pptx`
          ? outputs?.pptx
          : file === `${name}.manifest.json`
            ? outputs?.manifest
            : undefined;
    if (body === undefined) {
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    const ext = file.slice(file.lastIndexOf('.'));
    if (ext !== '.pdf') {
      response.setHeader('Content-Disposition', `attachment; filename="${file.replace(/["\\\r\n]/g, '_')}"`);
    }
    send(response, 200, TYPES[ext]!, body);
  };

  const events = (response: ServerResponse): void => {
    response.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    const write = (): void => {
      const { version, status } = session.state();
      response.write(`data: ${JSON.stringify({ version, status })}\n\n`);
    };
    write();
    const unsubscribe = session.subscribe(write);
    clients.add(response);
    response.on('close', () => {
      unsubscribe();
      clients.delete(response);
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL'
          ? portProblem(error, options)
          : error,
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  allowed = allowedHosts(options.host, shown, port);
  return {
    url: `http://${shown}:${port}/`,
    port,
    close: async () => {
      for (const client of clients) client.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's kept-alive connections would hold Ctrl+C up until they time out.
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * The Host headers the page may arrive with: the bound address and localhost; bound to
 * every interface (--host 0.0.0.0), this machine's name and addresses. A page on another
 * name that resolves here (DNS rebinding) is refused.
 */
function allowedHosts(host: string, shown: string, port: number): (header: string) => boolean {
  const names = new Set([shown, 'localhost', '127.0.0.1', '[::1]']);
  if (host === '0.0.0.0' || host === '::') {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? [])
        names.add(address.family === 'IPv6' ? `[${address.address}]` : address.address);
    }
  }
  const allowed = new Set([...names].map((name) => `${name.toLowerCase()}:${port}`));
  return (header) => allowed.has(header);
}

function portProblem(error: NodeJS.ErrnoException, options: PreviewServerOptions): never {
  return fail('USAGE_ERROR', {
    message:
      error.code === 'EADDRINUSE'
        ? `port ${options.port} on ${options.host} is in use`
        : `cannot listen on ${options.host}:${options.port} (${error.code})`,
    expected: 'a free port (--port N, or --port 0 for any free one)',
  });
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

async function sendFile(request: IncomingMessage, response: ServerResponse, file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    send(response, 404, 'text/plain; charset=utf-8', 'not found');
    return;
  }
  const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
  response.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': info.size,
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
