import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../src/render/pptx/zip/zip-io.js';
import { expectExit, runBounded, runHostile } from './bounded-run.js';
import { project, VALID } from './project.js';

/**
 * Issue 17, findings 6–15 and 18–20: each attack as a user would make it, through the
 * CLI, ending in a located error or a correct build. Attacks on time and memory, special
 * files and batches run the shipped CLI in a child process whose time and memory the test
 * bounds itself (bounded-run.ts); the others run the CLI in this process (bounded children
 * too with SLOW=1).
 */
const build = (dir: string, ...args: string[]) =>
  runHostile(['build', ...args, '--date', '2026-03-01'], { cwd: dir, memoryMb: 1_200 });
const buildBounded = (dir: string, ...args: string[]) =>
  runBounded(['build', ...args, '--date', '2026-03-01'], { cwd: dir, memoryMb: 1_200 });

describe('5. a batch has the hard stops of a single build', () => {
  it('stops a worker whose build runs past the time limit, and builds the others', async () => {
    const keywords = Array.from({ length: 500 }, (_, i) => `k${i}`).join(', ');
    const dir = project({
      'good.yaml': VALID,
      'slow.yaml': VALID.replace('title: Hostile input test', `title: Slow\nkeywords: [${keywords}]`),
      'briefkit.config.yaml': 'templates: templates\nout: out\n',
      // 250,000 loop steps (under the loop bound), each joining 500 words: minutes of synchronous work.
      'templates/report.md.hbs':
        '# {{title}}\n\n{{#each keywords}}{{#each @root.keywords}}{{join @root.keywords}}{{/each}}{{/each}}\n',
    });
    const run = await runBounded(['build', 'slow.yaml', 'good.yaml', '--jobs', '2', '--format', 'pdf'], {
      cwd: dir,
      env: { BRIEFKIT_TIME_LIMIT: '2' },
      timeoutMs: 40_000,
      memoryMb: 2_000,
    });
    expectExit(run, 1);
    expect(run.err).toMatch(/slow\.yaml +stopped the build: it ran past its time limit of 2 s/);
    expect(run.err).toMatch(/1 built, 1 failed/);
  });
});

describe('6. a value near the largest double', () => {
  it.each([
    ['a count', VALID.replace('value: 1200', 'value: 1.7e308')],
    ['a percent', VALID.replace('value: 1200\n    unit: count', 'value: 1.7e308\n    unit: percent')],
  ])('%s is refused where it is validated, in a single build and in a batch', async (_name, bad) => {
    const dir = project({ 'bad.yaml': bad, 'good.yaml': VALID });
    const single = await build(dir, 'bad.yaml');
    expectExit(single, 1);
    expect(single.err).toMatch(
      /bad\.yaml:\d+:\d+ +figures\[0\]\.value +number 1\.7e\+308 is too large .*at most 1,000,000,000,000,000/,
    );
    const batch = await buildBounded(dir, 'bad.yaml', 'good.yaml', '--jobs', '2', '--json', '--out', 'out');
    expectExit(batch, 1);
    const summary = JSON.parse(batch.out) as { briefings: { file: string; status: string }[] };
    expect(summary.briefings.map((b) => b.status).sort()).toEqual(['built', 'failed']);
  });

  it('a series value of 1e300 says it is too large, not "too long: NaN characters"', async () => {
    const data = `${VALID}series:\n  - id: s\n    label: S\n    source: test-source\n    points:\n      - date: "2026-03-01"\n        drones: 1e300\n`;
    const run = await build(project({ 'b.yaml': data }), 'b.yaml');
    expectExit(run, 1);
    expect(run.err).toMatch(/series\[0\]\.points\[0\]\.drones +number 1e\+300 is too large/);
    expect(run.err).not.toMatch(/NaN/);
  });
});

describe('7. small briefings cannot make long builds', () => {
  it('refuses thousands of references to a figure with a long noun, before any work', async () => {
    const noun = 'n'.repeat(490);
    const data = VALID.replace('noun: widgets', `noun: ${noun}`).replace(
      'text: A point with a source.',
      `text: "${'{fig:widgets} '.repeat(1400)}"`,
    );
    const run = await buildBounded(project({ 'b.yaml': data }), 'b.yaml');
    expectExit(run, 1);
    expect(run.err).toMatch(
      /sections\[0\]\.points\[0\]\.text +with its figure references printed, the text would be about/,
    );
    expect(run.ms).toBeLessThan(15_000);
  });

  it('refuses a 400,000-character url at once', async () => {
    const data = VALID.replace(/url: .*/, `url: https://example.org/${'a'.repeat(400_000)}`);
    const run = await buildBounded(project({ 'b.yaml': data }), 'b.yaml');
    expectExit(run, 1);
    expect(run.err).toMatch(/sources\[0\]\.url +too long: 400,020 characters .*at most 2,000/);
    expect(run.ms).toBeLessThan(15_000);
  });

  it('stops "did you mean" with the problem list: 5,000 unknown 64-character ids validate in seconds', async () => {
    const sources = Array.from(
      { length: 999 },
      (_, i) => `  - id: ${`source-${i}-`.padEnd(64, 'x')}\n    publisher: P`,
    ).join('\n');
    // 10 points of 500 unknown ids each: every list within its limit, 5,000 unknown ids in all.
    const points = Array.from({ length: 10 }, (_, p) => {
      const refs = Array.from({ length: 500 }, (_, i) => `unknown-${p}-${i}-`.padEnd(64, 'y')).join(', ');
      return `      - text: Point ${p}.\n        sources: [${refs}]`;
    }).join('\n');
    const data = VALID.replace(
      'sources:\n  - id: test-source',
      `sources:\n${sources}\n  - id: test-source`,
    ).replace(/ {4}points:\n[\s\S]*?sources: \[test-source\]\n/, `    points:\n${points}\n`);
    const run = await runBounded(['validate', 'b.yaml'], {
      cwd: project({ 'b.yaml': data }),
      timeoutMs: 30_000,
    });
    expectExit(run, 1);
    expect(run.err).toMatch(/and more problems: only the first 100 are shown/);
    expect(run.ms).toBeLessThan(20_000);
  });

  it('refuses aliases that amplify a small file, before validating it', async () => {
    const text = 'w'.repeat(300_000);
    const data = `${VALID}keywords: &k ["${text}"]\nx1: *k\nx2: *k\nx3: *k\nx4: *k\nx5: *k\nx6: *k\nx7: *k\nx8: *k\nx9: *k\nx10: *k\nx11: *k\nx12: *k\nx13: *k\nx14: *k\nx15: *k\nx16: *k\nx17: *k\nx18: *k\n`;
    const run = await buildBounded(project({ 'b.yaml': data }), 'b.yaml');
    expectExit(run, 1);
    expect(run.err).toMatch(/YAML aliases expand the data to .* characters \(an "alias bomb"\)/);
    expect(run.ms).toBeLessThan(10_000);
  });
});

describe('8. a deck over 65,535 zip entries', () => {
  it('is written as ZIP64 and reads back whole', () => {
    const entries = Array.from(
      { length: 66_000 },
      (_, i) => [`ppt/p${i}.xml`, Buffer.from(`<p>${i}</p>`)] as const,
    );
    const zip = writeZip(entries, new Date(Date.UTC(2026, 2, 1)), 'store');
    const back = readZip(zip);
    expect(back.size).toBe(66_000);
    expect(Buffer.from(back.get('ppt/p65999.xml')!).toString()).toBe('<p>65999</p>');
  });

  it('refuses 100 sections of 100 charts each before work starts', async () => {
    const charts = Array.from(
      { length: 100 },
      (_, i) => `  - id: c${i}\n    type: bar\n    title: C\n    figures: [widgets]`,
    ).join('\n');
    const ids = Array.from({ length: 100 }, (_, i) => `c${i}`).join(', ');
    const sections = Array.from(
      { length: 100 },
      (_, i) => `  - id: s${i}\n    title: S\n    summary: S.\n    charts: [${ids}]`,
    ).join('\n');
    const data = VALID.replace(
      /sections:[\s\S]*?charts:\n[\s\S]*?figures: \[widgets\]\n/,
      `sections:\n${sections}\ncharts:\n${charts}\n`,
    );
    const run = await buildBounded(project({ 'b.yaml': data }), 'b.yaml');
    expectExit(run, 1);
    expect(run.err).toMatch(
      /sections +the sections place 10,000 charts in all .*at most 200 chart placements/,
    );
    expect(run.ms).toBeLessThan(15_000);
  });
});

describe('9. a self-referential YAML alias', () => {
  it('is a located error, not a stack overflow', async () => {
    const run = await build(project({ 'b.yaml': `${VALID}keywords: &a [*a]\n` }), 'b.yaml');
    expectExit(run, 1);
    expect(run.err).toMatch(/b\.yaml:\d+:\d+ +the alias \*a refers to a value that contains it/);
  });
});

describe('10. special files', () => {
  const fifo = (file: string) => execFileSync('mkfifo', [file]);

  it('refuses a FIFO briefing in build, validate and a batch, without hanging', async () => {
    const dir = project({ 'good.yaml': VALID });
    fifo(path.join(dir, 'pipe.yaml'));
    for (const args of [
      ['build', 'pipe.yaml'],
      ['validate', 'pipe.yaml'],
      ['build', 'pipe.yaml', 'good.yaml', '--jobs', '2'],
    ]) {
      const run = await runBounded(args, { cwd: dir, timeoutMs: 20_000 });
      expectExit(run, 1);
      expect(run.err).toMatch(/pipe\.yaml +the briefing is a named pipe \(FIFO\), not a regular file/);
    }
  });

  it('refuses an unused FIFO partial', async () => {
    const dir = project({
      'b.yaml': VALID,
      'briefkit.config.yaml': 'templates: templates\n',
      'templates/report.md.hbs': '# {{title}}\n',
    });
    mkdirSync(path.join(dir, 'templates', 'partials'));
    fifo(path.join(dir, 'templates', 'partials', 'unused.hbs'));
    const run = await runBounded(['build', 'b.yaml'], { cwd: dir, timeoutMs: 20_000 });
    expectExit(run, 1);
    expect(run.err).toMatch(/unused\.hbs +the template is a named pipe \(FIFO\), not a regular file/);
  });

  it.each(['/dev/zero', '/dev/urandom'])('refuses a link to %s without reading it', async (device) => {
    const dir = project();
    symlinkSync(device, path.join(dir, 'b.yaml'));
    const run = await runBounded(['build', 'b.yaml'], { cwd: dir, timeoutMs: 20_000, memoryMb: 600 });
    expectExit(run, 1);
    expect(run.err).toMatch(/b\.yaml +the briefing is a device, not a regular file/);
  });
});

describe('11. build dates', () => {
  it.each([
    [
      ['--date', '2108-01-01'],
      {},
      /--date "2108-01-01" is outside the dates a build can carry .*1970-01-01 to 2107-12-31/,
    ],
    [[], { SOURCE_DATE_EPOCH: '4354819200' }, /SOURCE_DATE_EPOCH="4354819200" is outside the dates/],
    [
      [],
      { SOURCE_DATE_EPOCH: '99999999999999999999' },
      /SOURCE_DATE_EPOCH="99999999999999999999" is outside the dates/,
    ],
    [['--date', '2026-02-30'], {}, /--date "2026-02-30" is not a real calendar date/],
  ])('%j %j is refused with the valid range', async (args, env, message) => {
    const run = await runHostile(['build', 'b.yaml', ...args], { cwd: project({ 'b.yaml': VALID }), env });
    expectExit(run, 2);
    expect(run.err).toMatch(message);
  });

  it('still builds with SOURCE_DATE_EPOCH=0, the reproducible-builds default', async () => {
    const run = await runHostile(['build', 'b.yaml', '--format', 'pptx'], {
      cwd: project({ 'b.yaml': VALID }),
      env: { SOURCE_DATE_EPOCH: '0' },
    });
    expectExit(run, 0);
  });
});

describe('13. an output is never an input', () => {
  it('refuses a batch where one briefing would overwrite another as its manifest', async () => {
    const manifestLike = VALID.replace('title: Hostile input test', 'title: Named like a manifest');
    const dir = project({ 'b.yaml': VALID, 'b.manifest.json': JSON.stringify({ note: 'keep me' }) });
    writeFileSync(path.join(dir, 'b.manifest.json'), manifestLike);
    const run = await runHostile(['build', 'b.manifest.json', 'b.yaml', '--out', '.'], { cwd: dir });
    expectExit(run, 2);
    expect(run.err).toMatch(
      /b\.manifest\.json +b\.yaml writes a manifest named b\.manifest\.json, which would overwrite this input/,
    );
    expect(readFileSync(path.join(dir, 'b.manifest.json'), 'utf8')).toBe(manifestLike);
  });
});

describe('14. a failed build writes nothing', () => {
  it('leaves the previous report in place when the deck cannot be written', async () => {
    const dir = project({ 'b.yaml': VALID });
    expectExit(await build(dir, 'b.yaml', '--out', 'o', '--format', 'pdf'), 0);
    const before = readFileSync(path.join(dir, 'o', 'b.pdf'));
    mkdirSync(path.join(dir, 'o', 'b.pptx'));
    const run = await build(dir, 'b.yaml', '--out', 'o', '--force', '--date', '2026-03-02');
    expectExit(run, 1);
    expect(run.err).toMatch(/b\.pptx .*the previous outputs are unchanged/);
    expect(readFileSync(path.join(dir, 'o', 'b.pdf')).equals(before)).toBe(true);
  });
});

describe('15. terminal escapes from data', () => {
  it('prints keys, values and file names with their control characters escaped', async () => {
    const dir = project({ 'b.yaml': `${VALID}"evil\u001b[31m\u001b]0;owned\u0007\u001b[2J": 1\n` });
    writeFileSync(path.join(dir, 'x\u001b[2J.yaml'), `${VALID}"k\u001b[31m": 1\n`);
    // Two files make a batch, whose workers are best started from the bundle.
    const run = await runBounded(['build', 'b.yaml', 'x\u001b[2J.yaml'], { cwd: dir });
    expectExit(run, 1);
    expect(run.err.includes('\u0007') || run.err.includes('\u001b')).toBe(false);
    expect(run.err).toContain('evil\\u001B[31m\\u001B]0;owned\\u0007\\u001B[2J');
    expect(run.err).toContain('x\\u001B[2J.yaml');
  });
});

describe('18. --templates that is not a folder of templates', () => {
  // A flag naming no folder is a command-line mistake (exit 2); a folder without templates is 1.
  it.each([
    ['missing', 'no-such-folder', 2, /--templates no-such-folder: folder not found/],
    ['a file', 'b.yaml', 2, /--templates b\.yaml: folder not found/],
    ['/', '/', 1, /the templates folder holds no templates/],
  ])('%s is an error, not the built-in templates', async (_name, folder, code, message) => {
    const run = await runHostile(['build', 'b.yaml', '--templates', folder], {
      cwd: project({ 'b.yaml': VALID }),
    });
    expectExit(run, code);
    expect(run.err).toMatch(message);
  });

  it('a templates folder named in the API that holds none is an error too', async () => {
    const { build: buildApi } = await import('../../src/build/build.js');
    const dir = project({ 'b.yaml': VALID, 'empty/readme.txt': 'no templates here' });
    await expect(
      buildApi(path.join(dir, 'b.yaml'), { templatesDir: path.join(dir, 'empty') }),
    ).rejects.toThrow(/the templates folder holds no templates/);
  });
});

describe('19. a stale lock whose pid was reused', () => {
  it('is broken at once, not waited on for a minute', async () => {
    const dir = project({ 'b.yaml': VALID });
    mkdirSync(path.join(dir, 'output'));
    // A live process with the dead owner's pid: it started after the lock was written.
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const lock = path.join(dir, 'output', '.b.lock');
      writeFileSync(
        lock,
        JSON.stringify({
          pid: sleeper.pid,
          host: execFileSync('hostname').toString().trim(),
          thread: 0,
          token: 'old',
        }),
      );
      const anHourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(lock, anHourAgo, anHourAgo);
      const run = await build(dir, 'b.yaml');
      expectExit(run, 0);
      expect(run.ms).toBeLessThan(20_000);
    } finally {
      sleeper.kill();
    }
  });
});

describe('20. YAML that means something else', () => {
  it.each([
    ['!!binary', 'keywords: [!!binary aGVsbG8=]', /unsupported YAML tag !!binary/],
    ['!!set', 'keywords: !!set {a}', /unsupported YAML tag !!set/],
    ['!!omap', 'keywords: !!omap [a: 1]', /unsupported YAML tag !!omap/],
    ['!!timestamp', 'keywords: [!!timestamp 2026-03-01]', /unsupported YAML tag !!timestamp/],
  ])('%s is named as a tag', async (_name, line, message) => {
    const run = await build(project({ 'b.yaml': `${VALID}${line}\n` }), 'b.yaml');
    expectExit(run, 1);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/wrong type: a mapping/);
  });

  it('refuses a %YAML 1.1 document, which would enable merges and 1.1 dates', async () => {
    const run = await build(project({ 'b.yaml': `%YAML 1.1\n---\n${VALID}` }), 'b.yaml');
    expectExit(run, 1);
    expect(run.err).toMatch(/b\.yaml:1:1 +a %YAML 1\.1 document .*YAML 1\.2/);
  });
});
