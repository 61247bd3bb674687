import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheKind, codeCacheLocation, readCodeCache, writeCodeCache } from '../../src/cli/code-cache.js';
import { loadBundle } from '../../src/cli/load-bundle.js';
import { tempDir } from '../helpers/temp.js';

/** A package laid out as installed: <project>/node_modules/briefkit/dist/<name>. */
function installedBundle(source: string, name = 'cli-main.cjs'): { project: string; bundle: string } {
  const project = tempDir('briefkit-code-cache-');
  const dist = path.join(project, 'node_modules', 'briefkit', 'dist');
  mkdirSync(dist, { recursive: true });
  const bundle = path.join(dist, name);
  writeFileSync(bundle, source);
  return { project, bundle };
}

const SOURCE = `var __briefkitUrl = 1;
exports.twice = (n) => n * 2;
exports.file = __filename;
exports.resolved = require.resolve('./cli-main.cjs');`;

describe('the code cache of the CLI bundle', () => {
  it('lives in node_modules/.cache/briefkit/code of the node_modules holding briefkit, named by code and runtime', () => {
    const { project, bundle } = installedBundle(SOURCE);
    const location = codeCacheLocation(bundle, Buffer.from(SOURCE));
    expect(location.folder).toBe(path.join(project, 'node_modules', '.cache', 'briefkit', 'code'));
    expect(location.name).toMatch(/^cli-main-[0-9a-f]{16}-[0-9a-f]{8}\.bin$/);
    // Another source of the same length is another file: V8 itself only compares lengths.
    const edited = codeCacheLocation(bundle, Buffer.from(SOURCE.replace('n * 2', 'n * 3')));
    expect(edited.name).not.toBe(location.name);
    // A checkout: <repo>/dist/x.cjs keeps its cache in <repo>/node_modules.
    expect(codeCacheLocation('/repo/dist/cli-main.cjs', Buffer.from('x')).folder).toBe(
      path.join('/repo', 'node_modules', '.cache', 'briefkit', 'code'),
    );
  });

  it('keeps one cache per kind of command: PDF only, deck only, validate, and all the rest', () => {
    expect(codeCacheKind(['build', 'a.yaml', '--format', 'pptx'])).toBe('pptx');
    expect(codeCacheKind(['build', 'a.yaml', '--format=pdf', '--force'])).toBe('pdf');
    // The last --format wins, as in the CLI.
    expect(codeCacheKind(['build', 'a.yaml', '--format', 'pdf', '--format', 'pdf,pptx'])).toBe('all');
    expect(codeCacheKind(['build', 'a.yaml'])).toBe('all');
    expect(codeCacheKind(['validate', 'a.yaml', '--format', 'pdf'])).toBe('validate');
    expect(codeCacheKind(['watch', 'a.yaml', '--format', 'pdf'])).toBe('all');
    const bundle = '/repo/dist/cli-main.cjs';
    const source = Buffer.from(SOURCE);
    const all = codeCacheLocation(bundle, source);
    const deck = codeCacheLocation(bundle, source, 'pptx');
    expect(deck.name).toMatch(/^cli-main\.pptx-[0-9a-f]{16}-[0-9a-f]{8}\.bin$/);
    // Each kind keeps its own recent caches: the prefix of one never matches another's files.
    expect(deck.name.startsWith(all.prefix)).toBe(false);
    expect(all.name.startsWith(deck.prefix)).toBe(false);
  });

  it('is written after the first run and used by the next; the bundle runs as CommonJS', () => {
    const { bundle } = installedBundle(SOURCE);
    const first = loadBundle<{ twice: (n: number) => number; file: string; resolved: string }>(bundle);
    expect(first.cache).toBe('none');
    expect(first.exports.twice(21)).toBe(42);
    expect(first.exports.file).toBe(bundle);
    expect(first.exports.resolved).toBe(bundle);
    first.saveCodeCache();
    const second = loadBundle<{ twice: (n: number) => number }>(bundle);
    expect(second.cache).toBe('used');
    expect(second.exports.twice(2)).toBe(4);
  });

  it('is rewritten when V8 rejects it, and a damaged or planted file is only a miss', () => {
    const { bundle } = installedBundle(SOURCE);
    const location = codeCacheLocation(bundle, readFileSync(bundle));
    const file = path.join(location.folder, location.name);
    mkdirSync(location.folder, { recursive: true });
    writeFileSync(file, 'not a code cache');
    const damaged = loadBundle(bundle);
    expect(damaged.cache).toBe('rejected');
    damaged.saveCodeCache();
    expect(loadBundle(bundle).cache).toBe('used');
    // A FIFO where the cache goes would block a plain read for ever: it is not read.
    execFileSync('rm', [file]);
    execFileSync('mkfifo', [file]);
    expect(readCodeCache(location)).toBeUndefined();
    expect(loadBundle(bundle).cache).toBe('none');
  });

  it('keeps the six caches of the bundle written last, whichever build or Node they are for', () => {
    const { bundle } = installedBundle(SOURCE);
    const location = codeCacheLocation(bundle, readFileSync(bundle));
    mkdirSync(location.folder, { recursive: true });
    const others = Array.from({ length: 7 }, (_, i) => `cli-main-${String(i).repeat(16)}-00000000.bin`);
    others.forEach((name, i) => {
      const file = path.join(location.folder, name);
      writeFileSync(file, 'x');
      // Oldest first: others[0] was written 7 s ago, others[6] 1 s ago.
      const when = new Date(Date.now() - (7 - i) * 1000);
      utimesSync(file, when, when);
    });
    writeFileSync(path.join(location.folder, 'preview-0000000000000000-00000000.bin'), 'x');
    expect(writeCodeCache(location, () => Buffer.from('cache'))).toBe(true);
    expect(readdirSync(location.folder).sort()).toEqual(
      [location.name, ...others.slice(2), 'preview-0000000000000000-00000000.bin'].sort(),
    );
  });

  it('goes to a private temporary folder when node_modules/.cache cannot take it', () => {
    const { project, bundle } = installedBundle(SOURCE);
    // A file where the folder should be: even root cannot write there.
    writeFileSync(path.join(project, 'node_modules', '.cache'), '');
    const location = codeCacheLocation(bundle, readFileSync(bundle));
    expect(writeCodeCache(location, () => Buffer.from('cache'))).toBe(true);
    expect(readCodeCache(location)?.toString()).toBe('cache');
    const fallback = path.join(tmpdir(), `briefkit-code-cache-${process.getuid?.() ?? 'user'}`);
    expect(readdirSync(fallback)).toContain(location.name);
    expect(statSync(fallback).mode & 0o777).toBe(0o700);
  });

  it('serialises nothing where no folder can take the file (a read-only install)', () => {
    const { project, bundle } = installedBundle(SOURCE);
    writeFileSync(path.join(project, 'node_modules', '.cache'), '');
    const previous = process.env.TMPDIR;
    // A file where the temporary folder should be: the fallback cannot be made either.
    process.env.TMPDIR = path.join(project, 'node_modules', '.cache');
    try {
      let serialised = false;
      const written = writeCodeCache(codeCacheLocation(bundle, readFileSync(bundle)), () => {
        serialised = true;
        return Buffer.from('cache');
      });
      expect(written).toBe(false);
      expect(serialised).toBe(false);
    } finally {
      process.env.TMPDIR = previous;
    }
  });
});
