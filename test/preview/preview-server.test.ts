import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewSession, type PreviewSession } from '../../src/preview/preview-session.js';
import { startPreviewServer, type PreviewServer } from '../../src/preview/preview-server.js';

const GENEVA = path.resolve('data/geneva-2026-02-26.yaml');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request, so the Host header and the path are exactly what a hostile page could send. */
function get(port: number, target: string, host = `127.0.0.1:${port}`, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('preview server', () => {
  let out: string;
  let session: PreviewSession;
  let server: PreviewServer;
  const log: string[] = [];

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'briefkit-preview-'));
    session = createPreviewSession({
      file: GENEVA,
      options: { date: '2026-02-27', config: false, outDir: out },
      log: (line) => log.push(line),
    });
    server = await startPreviewServer(session, { host: '127.0.0.1', port: 0 });
    await session.rebuild([]);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints that URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves the page with a policy that allows no other origin', async () => {
    const reply = await get(server.port, '/');
    expect(reply.status).toBe(200);
    expect(String(reply.headers['content-type'])).toMatch(/^text\/html/);
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(reply.body.toString()).toContain('/assets/preview.js');
    for (const asset of [
      '/assets/preview.js',
      '/assets/preview.css',
      '/pdfjs/pdf.mjs',
      '/pdfjs/pdf.worker.mjs',
      '/assets/fonts.css',
      '/fonts/body-regular.ttf',
    ]) {
      expect((await get(server.port, asset)).status, asset).toBe(200);
    }
  });

  it('refuses a request whose Host header names another host (DNS rebinding): 403', async () => {
    for (const host of [
      'evil.example:80',
      `evil.example:${server.port}`,
      `127.0.0.1.nip.io:${server.port}`,
    ]) {
      const reply = await get(server.port, '/api/state', host);
      expect(reply.status, host).toBe(403);
      expect(reply.body.toString()).not.toContain('geneva');
    }
    expect((await get(server.port, '/api/state', `localhost:${server.port}`)).status).toBe(200);
  });

  it('serves nothing outside its fixed set of paths: 404', async () => {
    for (const target of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/../../package.json',
      '/assets/%2e%2e%2fpackage.json',
      '/etc/passwd',
      '/preview.js',
      '/fonts/../../package.json',
      '/fonts/body-regular.woff',
      '/out/geneva.yaml',
      '/out/../geneva-2026-02-26.yaml',
      '/out/other.pdf',
      '/pdfjs/package.json',
      '/node_modules/pdfjs-dist/package.json',
    ]) {
      expect((await get(server.port, target)).status, target).toBe(404);
    }
    expect((await get(server.port, '/api/state', undefined, 'POST')).status).toBe(405);
  });

  it('serves the current outputs, the same bytes as on disk', async () => {
    const state = session.state();
    expect(state.status).toBe('ok');
    for (const file of [
      'geneva-2026-02-26.pdf',
      'geneva-2026-02-26.pptx',
      'geneva-2026-02-26.manifest.json',
    ]) {
      const reply = await get(server.port, `/out/${file}?v=${state.outputVersion}`);
      expect(reply.status, file).toBe(200);
      expect(reply.body.equals(readFileSync(path.join(out, file))), file).toBe(true);
    }
  });

  it('reports the build: status, stage timings, one SVG per slide', async () => {
    const state = JSON.parse((await get(server.port, '/api/state')).body.toString()) as ReturnType<
      PreviewSession['state']
    >;
    expect(state.status).toBe('ok');
    expect(state.timings.pptx).toBeGreaterThan(0);
    expect(state.slides.length).toBeGreaterThan(10);
    expect(state.slides[0]!.svg).toMatch(/^<svg /);
    expect(state.outputs.pdf).toBe(`/out/geneva-2026-02-26.pdf?v=${state.outputVersion}`);
  });
});
