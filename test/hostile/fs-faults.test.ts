import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { BuildResult } from '../../src/build/build.js';
import { writeFilesAtomic } from '../../src/build/write-atomic.js';
import { writeOutputs } from '../../src/build/write-outputs.js';
import { BriefkitError } from '../../src/errors.js';

// The disk "fills up" halfway through the n-th temporary file (a real full disk cannot be
// made in a test), and renames can be slowed down and recorded, to see how writes order.
const disk = vi.hoisted(() => ({ fullAtTemp: 0, temps: 0, slowRenames: false, renames: [] as string[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const open: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    if (!String(args[0]).endsWith('.tmp') || ++disk.temps !== disk.fullAtTemp) return handle;
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'writeFile') {
          return async (data: Uint8Array) => {
            await target.writeFile(data.subarray(0, data.length >> 1));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          };
        }
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  const rename: typeof actual.rename = async (from, to) => {
    if (disk.slowRenames) {
      const text = await actual.readFile(from, 'utf8');
      const tag = text.startsWith('{') ? (JSON.parse(text) as { tag: string }).tag : text.slice(0, 1);
      disk.renames.push(`${tag}:${path.basename(String(to))}`);
      // A barrier: the first rename waits (up to a second) for a second writer to reach
      // its renames too, so two unlocked writers overlap whatever the machine's load.
      for (let waited = 0; disk.renames.length < 2 && waited < 1000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return actual.rename(from, to);
  };
  return { ...actual, open, rename };
});

describe('a full disk while writing the outputs', () => {
  it('leaves the previous outputs as they were, no temporary file and no lock, and says why', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefkit-full-'));
    for (const file of ['x.pdf', 'x.pptx', 'x.manifest.json'])
      writeFileSync(path.join(dir, file), `old ${file}`);
    const result = {
      name: 'x',
      pdf: Buffer.alloc(100_000, 'p'),
      pptx: Buffer.alloc(100_000, 'd'),
      manifest: { tag: 'new' },
    } as unknown as BuildResult;
    disk.temps = 0;
    disk.fullAtTemp = 2; // the deck, after the PDF was written in full
    const error = await writeOutputs(result, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).code).toBe('OUTPUT_ERROR');
    expect((error as BriefkitError).problems[0]).toMatchObject({
      file: path.join(dir, 'x.pptx'),
      message: 'could not write the output: no space left on the disk (ENOSPC)',
    });
    for (const file of ['x.pdf', 'x.pptx', 'x.manifest.json']) {
      expect(readFileSync(path.join(dir, file), 'utf8')).toBe(`old ${file}`);
    }
    expect(readdirSync(dir).sort()).toEqual(['x.manifest.json', 'x.pdf', 'x.pptx']);
  });
});

describe('two builds of one briefing writing at the same time', () => {
  const result = (tag: string) =>
    ({
      name: 'x',
      pdf: Buffer.from(`${tag} pdf`),
      pptx: Buffer.from(`${tag} deck`),
      manifest: { tag },
    }) as unknown as BuildResult;
  const manifestTag = (dir: string) =>
    JSON.parse(readFileSync(path.join(dir, 'x.manifest.json'), 'utf8')) as { tag: string };

  it("never interleave: one build's files go into place, then the other's", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefkit-lock-'));
    disk.fullAtTemp = 0;
    disk.renames = [];
    disk.slowRenames = true;
    try {
      await Promise.all([writeOutputs(result('a'), dir), writeOutputs(result('b'), dir)]);
    } finally {
      disk.slowRenames = false;
    }
    const order = disk.renames;
    const first = order[0]!.slice(0, 1);
    const second = first === 'a' ? 'b' : 'a';
    expect(order).toEqual([
      `${first}:x.pdf`,
      `${first}:x.pptx`,
      `${first}:x.manifest.json`,
      `${second}:x.pdf`,
      `${second}:x.pptx`,
      `${second}:x.manifest.json`,
    ]);
    expect(manifestTag(dir).tag).toBe(second);
  });

  it('would interleave without the lock (so the test above can fail)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'briefkit-nolock-'));
    const files = (tag: string) =>
      ['pdf', 'pptx'].map((ext) => ({ file: path.join(dir, `x.${ext}`), data: `${tag} ${ext}` }));
    disk.renames = [];
    disk.slowRenames = true;
    try {
      await Promise.all([writeFilesAtomic(files('a')), writeFilesAtomic(files('b'))]);
    } finally {
      disk.slowRenames = false;
    }
    // Both PDFs went into place before either deck: a's PDF with b's deck was on disk in between.
    expect(disk.renames.slice(0, 2).sort()).toEqual(['a:x.pdf', 'b:x.pdf']);
  });
});
