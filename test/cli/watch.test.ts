import { copyFileSync, cpSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/temp.js';

/** Waits for a condition the watcher brings about; fails with what the CLI printed. */
async function until(what: string, check: () => boolean, log: string[], ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr:\n${log.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const root = tempDir('briefkit-watch-');

/** Starts `briefkit watch` with these arguments; stderr() is what it printed so far, abort() ends it. */
function startWatch(args: string[]): {
  err: string[];
  stderr: () => string;
  abort: () => void;
  running: Promise<number>;
} {
  const err: string[] = [];
  const controller = new AbortController();
  const running = runCli(['watch', ...args], {
    out: () => {},
    err: (line) => err.push(line),
    signal: controller.signal,
    env: {},
  });
  return { err, stderr: () => err.join('\n'), abort: () => controller.abort(), running };
}

describe('briefkit watch', () => {
  it('rebuilds on an edit, keeps the last good outputs on a broken edit, and says where it is broken', async () => {
    const templates = path.join(root, 'templates');
    const data = path.join(root, 'briefing.yaml');
    const out = path.join(root, 'output');
    const pdfFile = path.join(out, 'briefing.pdf');
    cpSync('test/fixtures/batch/templates', templates, { recursive: true });
    const text = readFileSync('test/fixtures/batch/briefing.yaml', 'utf8');
    writeFileSync(data, text);
    const { err, stderr, abort, running } = startWatch([
      data,
      '--templates',
      templates,
      '--out',
      out,
      '--format',
      'pdf',
    ]);
    await until('the first build and the watcher', () => stderr().includes('watching'), err);
    expect(existsSync(pdfFile)).toBe(true);
    expect((await readPdf(readFileSync(pdfFile))).info.Title).toBe('Batch test briefing');

    // Saved the way editors do: a temporary file renamed over the old one.
    writeFileSync(`${data}.tmp`, text.replace('title: Batch test briefing', 'title: Edited in watch'));
    renameSync(`${data}.tmp`, data);
    await until('a rebuild with the new title', () => readFileSync(pdfFile).includes('Edited in watch'), err);
    expect((await readPdf(readFileSync(pdfFile))).info.Title).toBe('Edited in watch');

    const good = readFileSync(pdfFile);
    const line = text.split('\n').findIndex((l) => l.includes('value: 340')) + 1;
    writeFileSync(data, text.replace('value: 340', 'value: three hundred'));
    await until('the located error', () => stderr().includes('figures[1].value'), err);
    expect(stderr()).toContain(`briefing.yaml:${line}:12  figures[1].value  wrong type: "three hundred"`);
    expect(stderr()).toContain('kept the last good outputs');
    expect(readFileSync(pdfFile).equals(good)).toBe(true);

    writeFileSync(
      path.join(templates, 'report.md.hbs'),
      `${readFileSync(path.join(templates, 'report.md.hbs'), 'utf8')}\nFixed.\n`,
    );
    writeFileSync(data, text);
    await until('a rebuild after the fix', () => !readFileSync(pdfFile).equals(good), err);

    abort();
    expect(await running).toBe(0);
  }, 90_000);

  it('rebuilds when an image changes, also one the briefing names only after an edit', async () => {
    const dir = path.join(root, 'images');
    cpSync('test/fixtures/images', dir, { recursive: true });
    const data = path.join(dir, 'images-briefing.yaml');
    const out = path.join(dir, 'output');
    const pdfFile = path.join(out, 'images-briefing.pdf');
    const { err, stderr, abort, running } = startWatch([data, '--out', out, '--format', 'pdf']);
    await until('the first build and the watcher', () => stderr().includes('watching'), err);
    expect(stderr()).toContain('pictures/map.svg');

    let last = readFileSync(pdfFile);
    const svg = path.join(dir, 'pictures/map.svg');
    writeFileSync(svg, readFileSync(svg, 'utf8').replace('North Town', 'North Village'));
    await until('a rebuild after the picture changed', () => !readFileSync(pdfFile).equals(last), err);
    expect(stderr()).toMatch(/changed: .*pictures\/map\.svg/);

    // A new image in a folder nothing watched yet: named by an edit of the briefing.
    last = readFileSync(pdfFile);
    cpSync(path.join(dir, 'pictures'), path.join(dir, 'more'), { recursive: true });
    const text = readFileSync(data, 'utf8');
    writeFileSync(data, text.replace('file: pictures/process.png', 'file: more/process.png'));
    await until('the new image watched', () => /watching also .*more\/process\.png/.test(stderr()), err);
    last = readFileSync(pdfFile);
    copyFileSync(path.join(dir, 'pictures/landscape.jpg'), path.join(dir, 'more/process.png'));
    await until(
      'the located error about the new image',
      () => stderr().includes('is a JPEG but its name ends'),
      err,
    );
    expect(stderr()).toMatch(/changed: .*more\/process\.png/);
    expect(readFileSync(pdfFile).equals(last)).toBe(true);

    abort();
    expect(await running).toBe(0);
  }, 90_000);
});
