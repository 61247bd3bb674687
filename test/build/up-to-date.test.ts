import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../src/build/hash.js';
import type { Manifest } from '../../src/build/manifest.js';
import { BUILD, VERSION } from '../../src/version.js';
import { runCliCaptured } from '../helpers/cli.js';
import { runBin } from '../helpers/run-bin.js';
import { tempProject } from '../helpers/temp.js';

/** The manifest records every input and output; a build whose inputs match it is skipped. */
const project = tempProject({ templates: true, prefix: 'briefkit-uptodate-' });
const { data, out } = project;
const templates = project.templates!;
const args = (...extra: string[]) => [
  'build',
  data,
  '--templates',
  templates,
  '--out',
  out,
  '--format',
  'pdf',
  ...extra,
];
const pinned = args('--date', '2026-03-02');
const readManifest = () =>
  JSON.parse(readFileSync(path.join(out, 'briefing.manifest.json'), 'utf8')) as Manifest;
const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

describe('the manifest and skipping up-to-date builds', () => {
  it('records the tool, the build date and the SHA-256 of every input and output', async () => {
    const first = await runCliCaptured(pinned);
    expect(first.code).toBe(0);
    expect(first.err).toContain('done in');
    const manifest = readManifest();
    expect(manifest).toMatchObject({
      tool: 'briefkit',
      version: VERSION,
      build: BUILD,
      buildDate: '2026-03-02T00:00:00.000Z',
    });
    expect(manifest.inputs[rel(data)]).toBe(sha256(readFileSync(data)));
    expect(manifest.inputs[rel(path.join(templates, 'report.md.hbs'))]).toBe(
      sha256(readFileSync(path.join(templates, 'report.md.hbs'))),
    );
    expect(manifest.inputs['templates/partials/section.hbs']).toBe(
      sha256(readFileSync('templates/partials/section.hbs')),
    );
    expect(manifest.inputs['theme:default']).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest.inputs).filter((k) => k.endsWith('.ttf')).length).toBeGreaterThanOrEqual(4);
    expect(manifest.outputs['briefing.pdf']).toBe(sha256(readFileSync(path.join(out, 'briefing.pdf'))));
  });

  it('skips a second build with the same inputs and says so', async () => {
    const before = statSync(path.join(out, 'briefing.pdf')).mtimeMs;
    const second = await runCliCaptured(pinned);
    expect(second.code).toBe(0);
    expect(second.err).toContain('up to date, skipped');
    expect(second.out).toMatch(/skipped .*briefing\.pdf \(up to date\)/);
    expect(statSync(path.join(out, 'briefing.pdf')).mtimeMs).toBe(before);
  });

  it('skips a build dated "now" too: only a pinned date that differs forces a rebuild', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '');
    expect((await runCliCaptured(args())).err).toContain('up to date, skipped');
    vi.unstubAllEnvs();
    expect((await runCliCaptured(args('--date', '2026-03-03'))).err).toContain('done in');
    expect((await runCliCaptured(pinned)).err).toContain('done in');
  });

  it('rebuilds when a template changes', async () => {
    const report = path.join(templates, 'report.md.hbs');
    writeFileSync(report, readFileSync(report, 'utf8').replace('{{summary}}', '{{summary}}\n\nEdited.'));
    const result = await runCliCaptured(pinned);
    expect(result.err).toContain('done in');
    expect(readManifest().inputs[rel(report)]).toBe(sha256(readFileSync(report)));
    expect((await runCliCaptured(pinned)).err).toContain('up to date, skipped');
  });

  it("rebuilds when briefkit's own code changed (another build of the same version)", () => {
    // The bundled CLI: a build from the sources cannot tell one state of its code from another.
    // --force: the manifest on disk was written from the sources, which no build id overrules.
    const built = runBin([...pinned, '--force']);
    expect(built.code).toBe(0);
    const manifest = readManifest();
    expect(manifest.build).toBe(readFileSync('dist/build-id.txt', 'utf8').trim());
    expect(runBin(pinned).err).toContain('up to date, skipped');
    writeFileSync(
      path.join(out, 'briefing.manifest.json'),
      JSON.stringify({ ...manifest, build: 'an-older-build' }),
    );
    expect(runBin(pinned).err).toContain('done in');
    expect(readManifest().build).toBe(manifest.build);
    // From the sources (vitest runs them), the recorded build is left alone.
    expect(BUILD).toBe('source');
  });

  it('rebuilds with --force, when an output is gone, and when the options change', async () => {
    expect((await runCliCaptured([...pinned, '--force'])).err).toContain('done in');
    rmSync(path.join(out, 'briefing.pdf'));
    expect((await runCliCaptured(pinned)).err).toContain('done in');
    expect((await runCliCaptured([...pinned, '--page-size', 'Letter'])).err).toContain('done in');
  });
});
