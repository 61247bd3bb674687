import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectExit, runBounded } from './bounded-run.js';
import { pngClaiming, project, VALID } from './project.js';

/**
 * Images against time and memory, through the shipped CLI in a child the test bounds
 * (bounded-run.ts): a decompression bomb is refused from its header before anything
 * decodes it, an SVG that claims a vast size or copies itself many times ends quickly
 * (drawn to a bounded raster, or refused), and every refusal is located.
 */
const withImage = (file: string): string =>
  VALID.replace('    charts: [widget-chart]\n', '    charts: [widget-chart]\n    images: [pic]\n').replace(
    '\ncharts:\n',
    `\nimages:\n  - { id: pic, file: ${file}, alt: A picture., caption: A picture }\ncharts:\n`,
  );

const build = (dir: string) =>
  runBounded(['build', 'b.yaml', '--date', '2026-03-01', '--out', 'out'], {
    cwd: dir,
    timeoutMs: 60_000,
    memoryMb: 1_200,
  });

describe('image files cannot exhaust time or memory', () => {
  it('a PNG claiming 100,000 × 100,000 pixels is refused from its header, located', async () => {
    const dir = project({ 'b.yaml': withImage('bomb.png') });
    writeFileSync(path.join(dir, 'bomb.png'), pngClaiming(100_000, 100_000));
    const run = await build(dir);
    expectExit(run, 1);
    expect(run.err).toMatch(/b\.yaml:\d+:\d+ {2}images\[0\]\.file {2}the image is 100,000 × 100,000 pixels/);
    expect(run.peakMb).toBeLessThan(1_000);
  });

  it('an SVG that claims a vast size is refused, located; a large one builds within bounds', async () => {
    const svg = (w: number, h: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 20 10">` +
      '<rect width="20" height="10" fill="#1f4e79"/><circle cx="10" cy="5" r="4" fill="#c0504d"/></svg>';
    const vast = project({ 'b.yaml': withImage('vast.svg'), 'vast.svg': svg(200_000, 100_000) });
    const refused = await build(vast);
    expectExit(refused, 1);
    expect(refused.err).toMatch(/images\[0\]\.file {2}the SVG declares a size of 200,000 × 100,000 pixels/);
    const large = project({ 'b.yaml': withImage('large.svg'), 'large.svg': svg(16_000, 8_000) });
    const built = await build(large);
    expectExit(built, 0);
    expect(built.peakMb).toBeLessThan(1_000);
  });

  it('an SVG whose <use> copies multiply past the limit is refused, located', async () => {
    const levels = Array.from(
      { length: 6 },
      (_, i) => `<g id="l${i + 1}">${Array.from({ length: 10 }, () => `<use href="#l${i}"/>`).join('')}</g>`,
    ).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><rect id="l0" width="1" height="1"/>${levels}</defs><use href="#l6"/></svg>`;
    const dir = project({ 'b.yaml': withImage('lol.svg'), 'lol.svg': svg });
    const run = await build(dir);
    expectExit(run, 1);
    expect(run.err).toMatch(
      /images\[0\]\.file {2}the SVG's <use> elements expand to more than 10,000 copies/,
    );
  });
});
