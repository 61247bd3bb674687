import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../src/build/hash.js';
import { build, type BuildResult } from '../../src/index.js';
import { readPdf } from '../helpers/pdf.js';
import { runBin } from '../helpers/run-bin.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Reproducible builds: the same inputs and SOURCE_DATE_EPOCH give the same bytes, in
 * this process, in a second build in the same process (pptxgenjs counts charts per
 * process) and in a fresh process in another time zone; another date gives other bytes.
 */
const GENEVA = 'data/geneva-2026-02-26.yaml';
const EPOCH = 1772150400; // 2026-02-27T00:00:00Z
const out = tempDir('briefkit-repro-');
let first: BuildResult;
let second: BuildResult;

beforeAll(async () => {
  vi.stubEnv('SOURCE_DATE_EPOCH', String(EPOCH));
  first = await build(GENEVA);
  second = await build(GENEVA);
  vi.unstubAllEnvs();
}, 120_000);

describe('two builds with the same SOURCE_DATE_EPOCH', () => {
  it('give the same SHA-256 for the PDF and the deck', () => {
    expect(sha256(first.pdf!)).toBe(sha256(second.pdf!));
    expect(sha256(first.pptx!)).toBe(sha256(second.pptx!));
    expect(first.manifest).toEqual(second.manifest);
  });

  it('give the same bytes from the bundled CLI in a fresh process and another time zone', () => {
    const env = { SOURCE_DATE_EPOCH: String(EPOCH), TZ: 'Pacific/Kiritimati', LANG: 'uk_UA.UTF-8' };
    const result = runBin(['build', GENEVA, '--out', out], { env });
    expect(result.err).not.toContain('error');
    expect(result.code).toBe(0);
    expect(sha256(readFileSync(path.join(out, 'geneva-2026-02-26.pdf')))).toBe(sha256(first.pdf!));
    expect(sha256(readFileSync(path.join(out, 'geneva-2026-02-26.pptx')))).toBe(sha256(first.pptx!));
  });

  it('date the PDF by the build date, with a file ID that is not random', async () => {
    const pdf = await readPdf(first.pdf!);
    expect(pdf.info.CreationDate).toBe('D:20260227000000Z');
    expect(pdf.info.ModDate).toBe('D:20260227000000Z');
    const id = /\/ID \[<([0-9a-f]+)>/.exec(first.pdf!.toString('latin1'))?.[1];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(second.pdf!.toString('latin1')).toContain(`/ID [<${id}>`);
  });

  it('date every zip entry of the deck by the build date, in the same order', async () => {
    const [a, b] = await Promise.all([JSZip.loadAsync(first.pptx!), JSZip.loadAsync(second.pptx!)]);
    const names = Object.keys(a.files);
    expect(names).toEqual(Object.keys(b.files));
    expect(names[0]).toBe('[Content_Types].xml');
    const dates = new Set(Object.values(a.files).map((entry) => entry.date.getTime()));
    expect([...dates]).toEqual([EPOCH * 1000]);
    const core = await a.file('docProps/core.xml')!.async('string');
    expect(core).toContain('2026-02-27T00:00:00Z');
  });
});

describe('a build with another date', () => {
  it('gives different bytes for both files', async () => {
    const other = await build(GENEVA, { date: new Date((EPOCH + 86_400) * 1000) });
    expect(sha256(other.pdf!)).not.toBe(sha256(first.pdf!));
    expect(sha256(other.pptx!)).not.toBe(sha256(first.pptx!));
  });
});
