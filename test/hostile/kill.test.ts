import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slowOr } from '../helpers/slow.js';
import { tempDir } from '../helpers/temp.js';
import { GENERIC_TEMPLATES, hostile } from './helpers.js';

/**
 * A build killed with SIGKILL cannot clean up after itself: these tests kill real
 * processes at every stage and check what a user then finds, and what the next build leaves.
 */
const OUTPUTS = ['valid.manifest.json', 'valid.pdf', 'valid.pptx'];
const snapshot = (dir: string) => OUTPUTS.map((file) => readFileSync(path.join(dir, file)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function buildArgs(dir: string, date: string): string[] {
  return [
    'bin/briefkit.js',
    'build',
    hostile('valid.yaml'),
    '--templates',
    GENERIC_TEMPLATES,
    '--out',
    dir,
    '--date',
    date,
  ];
}

function buildNow(dir: string, date: string): void {
  const result = spawnSync(process.execPath, buildArgs(dir, date), {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  expect(result.status, result.stderr).toBe(0);
}

/** Starts `args` and kills it with SIGKILL after `ms`, or as soon as `when` holds. */
async function killDuring(args: string[], ms: number, when?: () => boolean): Promise<void> {
  const child = spawn(process.execPath, args, { stdio: 'ignore', env: { PATH: process.env.PATH } });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const started = Date.now();
  while (Date.now() - started < ms && child.exitCode === null && !(when?.() ?? false)) await sleep(2);
  child.kill('SIGKILL');
  await exited;
}

describe('a build killed with SIGKILL', () => {
  it('leaves every output old or new, never partial, at any moment; the next build leaves no temporary file', async () => {
    const dir = tempDir('briefkit-kill-');
    buildNow(dir, '2026-03-01');
    const before = snapshot(dir);
    const reference = tempDir('briefkit-kill-');
    buildNow(reference, '2026-03-02');
    const after = snapshot(reference);
    // A build takes about a second: kills every 60 ms land in every stage, the writes included
    // (SLOW=1, CI); npm test kills every 210 ms, still in each stage from start to writing.
    for (let ms = 60; ms <= 1500; ms += slowOr(60, 210)) {
      await killDuring([...buildArgs(dir, '2026-03-02'), '--force'], ms);
      snapshot(dir).forEach((bytes, i) => {
        const same = bytes.equals(before[i]!) || bytes.equals(after[i]!);
        expect(same, `${OUTPUTS[i]} after a kill at ${ms} ms`).toBe(true);
      });
    }
    buildNow(dir, '2026-03-02');
    expect(snapshot(dir)).toEqual(after);
    expect(readdirSync(dir).sort()).toEqual(OUTPUTS);
  }, 180_000);

  it('while writing keeps the previous outputs byte-identical; the next write removes its leftovers', async () => {
    const dir = tempDir('briefkit-kill-');
    const writer = (tag: string, megabytes: number) => [
      'test/hostile/writer.mjs',
      dir,
      'geneva',
      tag,
      String(megabytes),
      '1',
    ];
    spawnSync(process.execPath, writer('o', 1));
    const files = ['geneva.manifest.json', 'geneva.pdf', 'geneva.pptx'];
    const before = files.map((file) => readFileSync(path.join(dir, file)));
    let caught = false;
    // Kill the moment a temporary file appears: 64 MB take long enough to be caught writing.
    for (let attempt = 0; attempt < 5 && !caught; attempt++) {
      await killDuring(writer('n', 64), 20_000, () => readdirSync(dir).some((f) => f.endsWith('.tmp')));
      caught = readdirSync(dir).some((f) => f.endsWith('.tmp'));
      files.forEach((file, i) => expect(readFileSync(path.join(dir, file)).equals(before[i]!)).toBe(true));
    }
    expect(caught, 'a kill landed while a temporary file was being written').toBe(true);
    // What the killed writer left: its temporary file and its lock. The next write clears both.
    expect(readdirSync(dir).some((f) => f === '.geneva.lock')).toBe(true);
    spawnSync(process.execPath, writer('p', 1));
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(JSON.parse(readFileSync(path.join(dir, 'geneva.manifest.json'), 'utf8'))).toEqual({
      tag: 'p',
      round: 0,
    });
  }, 120_000);
});
