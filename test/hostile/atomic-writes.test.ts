import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/build.js';
import { acquireLock, lockFileFor } from '../../src/build/lock.js';
import { writeOutputs } from '../../src/build/write-outputs.js';
import { removeStaleTempFiles, writeFilesAtomic } from '../../src/build/write-atomic.js';
import { BriefkitError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp.js';

/** A pid that certainly runs no process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('writeFilesAtomic', () => {
  it('changes nothing when any file of the set cannot be written, and leaves no temporary file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'x.pdf'), 'old pdf');
    writeFileSync(path.join(dir, 'blocker'), 'a file where a folder should be');
    const error = await writeFilesAtomic([
      { file: path.join(dir, 'x.pdf'), data: 'new pdf' },
      { file: path.join(dir, 'blocker', 'x.pptx'), data: 'new deck' },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).code).toBe('OUTPUT_ERROR');
    expect((error as BriefkitError).problems[0]!.file).toBe(path.join(dir, 'blocker', 'x.pptx'));
    expect(readFileSync(path.join(dir, 'x.pdf'), 'utf8')).toBe('old pdf');
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'x.pdf']);
  });

  it('removes the temporary files of dead writers, and only theirs', async () => {
    const dir = tempDir();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const dead = `.x.pdf.${deadPid()}.deadbeef.tmp`;
    const alive = `.x.pdf.${sleeper.pid}.cafebabe.tmp`;
    const other = `.y.pdf.${deadPid()}.0badf00d.tmp`;
    for (const name of [dead, alive, other]) writeFileSync(path.join(dir, name), 'partial');
    try {
      expect(await removeStaleTempFiles(dir, ['x.pdf'])).toEqual([dead]);
      expect(readdirSync(dir).sort()).toEqual([alive, other].sort());
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});

describe('an output folder that cannot be written', () => {
  it("is the user's to fix: OUTPUT_ERROR with the path, not an internal error", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'file'), 'not a folder');
    const result = { name: 'x', pdf: Buffer.from('pdf'), manifest: {} } as unknown as BuildResult;
    const error = await writeOutputs(result, path.join(dir, 'file', 'out')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).code).toBe('OUTPUT_ERROR');
    expect((error as BriefkitError).problems[0]!.message).toMatch(/ENOTDIR/);
  });
});

describe('the outputs lock', () => {
  it('makes a second build wait until the first has written', async () => {
    const dir = tempDir();
    const first = await acquireLock(dir, 'x');
    let secondHasIt = false;
    const second = acquireLock(dir, 'x', { pollMs: 5 }).then((lock) => {
      secondHasIt = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondHasIt).toBe(false);
    await first.release();
    await (await second).release();
    expect(secondHasIt).toBe(true);
    expect(existsSync(lockFileFor(dir, 'x'))).toBe(false);
  });

  it('takes over the lock of a build that was killed', async () => {
    const dir = tempDir();
    const owner = { pid: deadPid(), host: hostname(), thread: 0, token: 'killed' };
    writeFileSync(lockFileFor(dir, 'x'), JSON.stringify(owner));
    const lock = await acquireLock(dir, 'x', { timeoutMs: 1000 });
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('takes over a lock left by an earlier process that had our pid, and an empty one left long ago', async () => {
    const dir = tempDir();
    const past = new Date(Date.now() - 3_600_000);
    writeFileSync(
      lockFileFor(dir, 'x'),
      JSON.stringify({ pid: process.pid, host: hostname(), thread: 0, token: 'old' }),
    );
    utimesSync(lockFileFor(dir, 'x'), past, past);
    await (await acquireLock(dir, 'x', { timeoutMs: 1000 })).release();
    writeFileSync(lockFileFor(dir, 'y'), '');
    utimesSync(lockFileFor(dir, 'y'), past, past);
    await (await acquireLock(dir, 'y', { timeoutMs: 1000 })).release();
  });

  it('waits for a live holder, then says who holds it', async () => {
    const dir = tempDir();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeFileSync(
      lockFileFor(dir, 'x'),
      JSON.stringify({ pid: sleeper.pid, host: hostname(), thread: 0, token: 't' }),
    );
    try {
      const error = await acquireLock(dir, 'x', { timeoutMs: 200, pollMs: 20 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BriefkitError);
      expect((error as BriefkitError).code).toBe('OUTPUT_LOCKED');
      expect((error as BriefkitError).problems[0]!.message).toContain(`process ${sleeper.pid}`);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('leaves one complete set and nothing else when three processes write one briefing at once', async () => {
    const dir = tempDir();
    const writers = ['a', 'b', 'c'].map(
      (tag) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['test/hostile/writer.mjs', dir, 'geneva', tag, '2', '15']);
          child.on('exit', resolve);
        }),
    );
    expect(await Promise.all(writers)).toEqual([0, 0, 0]);
    const tag = JSON.parse(readFileSync(path.join(dir, 'geneva.manifest.json'), 'utf8')).tag as string;
    // The last writer's three files, all of them: no mix of one build's PDF with another's deck.
    for (const file of ['geneva.pdf', 'geneva.pptx']) {
      const bytes = readFileSync(path.join(dir, file));
      expect(bytes.length).toBe(2 * 1024 * 1024);
      expect(bytes.every((b) => b === tag.charCodeAt(0))).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['geneva.manifest.json', 'geneva.pdf', 'geneva.pptx']);
  });
});
