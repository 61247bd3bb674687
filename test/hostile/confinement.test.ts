import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectExit, runBounded, runHostile } from './bounded-run.js';
import { pngClaiming, project, VALID } from './project.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Issue 17, findings 1–4: no file outside the project reaches the outputs, and no
 * output lands outside it. Attacks on what is read or written run the CLI in this process
 * (the shipped CLI in a bounded child with SLOW=1); those on time and memory (devices,
 * bombs) always the shipped CLI in a child process the test bounds (bounded-run.ts).
 */
const outside = tempDir('briefkit-outside-');
writeFileSync(path.join(outside, 'secret.hbs'), 'TOP-SECRET-PARTIAL\n');
writeFileSync(path.join(outside, 'secret.png'), pngClaiming(1, 1));

const pdfText = (dir: string): string => readFileSync(path.join(dir, 'out', 'b.pdf'), 'latin1');

describe('1. symbolic links inside a confined folder', () => {
  it.each([
    [
      'templates/report.md.hbs',
      '/etc/passwd',
      /report\.md\.hbs .*link to a file outside the templates folder/,
    ],
    ['templates/partials/x.hbs', path.join(outside, 'secret.hbs'), /x\.hbs .*outside the templates folder/],
    ['templates/partials', outside, /secret\.hbs .*outside the templates folder/],
  ])('refuses %s -> %s', async (link, target, message) => {
    const dir = project({ 'b.yaml': VALID, 'briefkit.config.yaml': 'templates: templates\nout: out\n' });
    mkdirSync(path.join(dir, path.dirname(link)), { recursive: true });
    symlinkSync(target, path.join(dir, link));
    const run = await runHostile(['build', 'b.yaml', '--date', '2026-03-01'], { cwd: dir });
    expectExit(run, 1);
    expect(run.err).toMatch(message);
    expect(existsSync(path.join(dir, 'out', 'b.pdf'))).toBe(false);
  });

  it('still follows a link that stays inside the templates folder', async () => {
    const dir = project({
      'b.yaml': VALID,
      'briefkit.config.yaml': 'templates: templates\nout: out\n',
      'templates/partials/real.hbs': 'IN-FOLDER-PARTIAL\n',
      'templates/report.md.hbs': '# {{title}}\n\n{{> linked}}\n',
    });
    symlinkSync('real.hbs', path.join(dir, 'templates/partials/linked.hbs'));
    const run = await runHostile(['build', 'b.yaml', '--date', '2026-03-01', '--format', 'pdf'], {
      cwd: dir,
    });
    expectExit(run, 0);
    expect(pdfText(dir)).toContain('/Type /Page');
  });
});

describe('2. an SVG logo reads nothing but itself', () => {
  const theme = (svg: string, links: Record<string, string> = {}) => {
    const dir = project({
      'b.yaml': VALID,
      'briefkit.config.yaml': 'theme: house.yaml\nout: out\n',
      'house.yaml': 'logo: logo.svg\n',
      'logo.svg': svg,
    });
    for (const [link, target] of Object.entries(links)) symlinkSync(target, path.join(dir, link));
    return dir;
  };
  const svg = (body: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20">${body}</svg>`;

  it.each([
    ['a path behind "#"', svg('<image href="#/../../../../../../etc/x.png" width="10" height="10"/>'), {}],
    [
      'a link named like a fragment',
      svg('<image xlink:href="#s.png" width="10" height="10"/>'),
      { '#s.png': path.join(outside, 'secret.png') },
    ],
    ['a CSS url() to a file', svg('<rect width="5" height="5" style="fill:url(/etc/x.svg#a)"/>'), {}],
    ['an @import', svg('<style>@import "/etc/x.css";</style>'), {}],
  ])("refuses %s, at the theme's logo line", async (_name, text, links) => {
    const dir = theme(text, links);
    const run = await runHostile(['build', 'b.yaml', '--date', '2026-03-01'], { cwd: dir });
    expectExit(run, 1);
    expect(run.err).toMatch(/house\.yaml:1:7/);
    expect(existsSync(path.join(dir, 'out', 'b.pdf'))).toBe(false);
  });

  it('allows references to its own elements and embedded PNG data', async () => {
    const png = pngClaiming(1, 1).toString('base64');
    const dir = theme(
      svg(
        `<defs><rect id="r" width="10" height="10" fill="#123456"/></defs><use href="#r"/><use xlink:href="#r" x="20"/>` +
          `<image x="30" width="5" height="5" href="data:image/png;base64,${png}"/>`,
      ),
    );
    const run = await runHostile(['build', 'b.yaml', '--date', '2026-03-01', '--format', 'pdf'], {
      cwd: dir,
    });
    expectExit(run, 0);
  });

  it('refuses <use> copies that multiply (a billion-laughs SVG)', async () => {
    const levels = Array.from(
      { length: 20 },
      (_, i) => `<g id="l${i + 1}"><use href="#l${i}"/><use href="#l${i}"/></g>`,
    ).join('');
    const dir = theme(svg(`<defs><rect id="l0" width="1" height="1"/>${levels}</defs><use href="#l20"/>`));
    const run = await runBounded(['build', 'b.yaml', '--date', '2026-03-01'], { cwd: dir });
    expectExit(run, 1);
    expect(run.err).toMatch(/house\.yaml:1:7 .*<use> elements expand to more than 10,000 copies/);
  });
});

describe('3. out: through a symbolically linked parent', () => {
  it('refuses an output folder that does not exist yet under a link leading outside', async () => {
    const target = tempDir('briefkit-out-target-');
    const dir = project({ 'b.yaml': VALID, 'briefkit.config.yaml': 'out: linkout/sub\n' });
    symlinkSync(target, path.join(dir, 'linkout'));
    const run = await runHostile(['build', 'b.yaml', '--date', '2026-03-01'], { cwd: dir });
    expectExit(run, 1);
    expect(run.err).toMatch(/briefkit\.config\.yaml:1:6 .*outside the project folder/);
    expect(existsSync(path.join(target, 'sub'))).toBe(false);
  });
});

describe('4. a tampered manifest', () => {
  it('never makes briefkit read or list a file it did not write', async () => {
    const dir = project({ 'b.yaml': VALID });
    const args = ['build', 'b.yaml', '--date', '2026-03-01', '--out', 'out', '--json'];
    expectExit(await runHostile(args, { cwd: dir }), 0);
    const file = path.join(dir, 'out', 'b.manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { outputs: Record<string, string> };
    for (const target of [
      '../../../../../../../../etc/hostname',
      '/dev/zero',
      '../../../../../../../dev/zero',
    ]) {
      writeFileSync(
        file,
        JSON.stringify({ ...manifest, outputs: { ...manifest.outputs, [target]: '0'.repeat(64) } }),
      );
      const run = await runBounded(args, { cwd: dir, timeoutMs: 30_000, memoryMb: 800 });
      expectExit(run, 0);
      expect(run.out).not.toMatch(/hostname|dev\/zero/);
      // Rebuilt (the manifest no longer matches), so the manifest is briefkit's own again.
      expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as typeof manifest).outputs).sort()).toEqual(
        ['b.pdf', 'b.pptx'],
      );
    }
  }, 120_000);

  it('reads a manifest that is a device or a pipe as no manifest at all', async () => {
    const dir = project({ 'b.yaml': VALID });
    mkdirSync(path.join(dir, 'out'));
    symlinkSync('/dev/zero', path.join(dir, 'out', 'b.manifest.json'));
    const run = await runBounded(['build', 'b.yaml', '--date', '2026-03-01', '--out', 'out'], {
      cwd: dir,
      memoryMb: 800,
    });
    expectExit(run, 0);
  });
});

describe('5. a PNG decompression bomb as a logo', () => {
  it('is refused from its header, before anything decodes it', async () => {
    const dir = project({
      'b.yaml': VALID,
      'briefkit.config.yaml': 'theme: house.yaml\n',
      'house.yaml': 'logo: bomb.png\n',
    });
    writeFileSync(path.join(dir, 'bomb.png'), pngClaiming(20_000, 20_000));
    for (const args of [
      ['build', 'b.yaml'],
      ['validate', 'b.yaml'],
      ['build', 'b.yaml', 'b.yaml', '--jobs', '2'],
    ]) {
      const run = await runBounded(args, { cwd: dir, memoryMb: 800 });
      expectExit(run, 1);
      expect(run.err).toMatch(/house\.yaml:1:7 .*20,000 × 20,000 pixels/);
    }
  });
});
