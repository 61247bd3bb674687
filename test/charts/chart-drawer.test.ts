import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChartDrawer, type ChartDrawer } from '../../src/charts/chart-drawer.js';
import type { ChartDrawing, DrawOp, TextOp } from '../../src/charts/drawing.js';
import { BriefkitError } from '../../src/errors.js';
import { notoSerif } from '../../src/theme/fonts.js';
import { en, resolveLabelled, syntheticBriefing, theme } from './fixture.js';

const briefing = syntheticBriefing();
const resolve = (id: string) => resolveLabelled(briefing, id);

const texts = (drawing: ChartDrawing): TextOp[] => drawing.ops.filter((op): op is TextOp => op.op === 'text');
const ofKind = (drawing: ChartDrawing, kind: DrawOp['op']) => drawing.ops.filter((op) => op.op === kind);

describe('createChartDrawer', () => {
  let drawer: ChartDrawer;
  beforeAll(async () => {
    drawer = await createChartDrawer(theme, { locale: en });
  });

  it('draws every chart type of the fixture as paths and real text', () => {
    for (const spec of briefing.charts) {
      const drawing = drawer.draw(resolve(spec.id));
      expect(drawing, spec.id).toMatchObject({ width: 480, height: 290 });
      expect(ofKind(drawing, 'fill').length, spec.id).toBeGreaterThan(0);
      expect(texts(drawing).length, spec.id).toBeGreaterThan(3);
    }
  });

  it("prints the chart's title, names and figures as text, in the theme's faces and colours", () => {
    const drawing = drawer.draw(resolve('strikes-bar'));
    const strings = texts(drawing).map((t) => t.text);
    expect(strings).toEqual(
      expect.arrayContaining(['One night of strikes', 'Drones', 'Missiles', '420', '39']),
    );
    const title = texts(drawing).find((t) => t.text === 'One night of strikes')!;
    expect(title.face).toEqual({ family: 'Noto Sans', weight: 'bold', style: 'normal' });
    const fills = ofKind(drawing, 'fill') as Extract<DrawOp, { op: 'fill' }>[];
    expect(fills.map((f) => f.color)).toContain('#1F3A5F'); // the theme's primary
  });

  it('draws doughnut slices with arcs', () => {
    const drawing = drawer.draw(resolve('shares-doughnut'));
    const slices = (ofKind(drawing, 'fill') as Extract<DrawOp, { op: 'fill' }>[]).filter((f) =>
      f.path.some((s) => s[0] === 'C'),
    );
    expect(slices).toHaveLength(3);
    expect(texts(drawing).map((t) => t.text)).toEqual(expect.arrayContaining(['55%', 'Share A  55%']));
  });

  it('gives the same JSON for the same chart, whatever was drawn before, rounded to 0.01', () => {
    const drawing = drawer.draw(resolve('strikes-bar'));
    // Plain data: nothing is lost on a JSON round trip (no NaN, undefined or functions).
    expect(JSON.parse(JSON.stringify(drawing))).toEqual(drawing);
    const first = JSON.stringify(drawing);
    drawer.draw(resolve('nightly-line'));
    drawer.draw(resolve('shares-doughnut'));
    expect(JSON.stringify(drawer.draw(resolve('strikes-bar')))).toBe(first);
    for (const number of first.match(/-?\d+\.\d+/g) ?? [])
      expect(number.split('.')[1]!.length).toBeLessThanOrEqual(3);
  });

  it('gives the same JSON in another process', () => {
    const script = `
      const { createChartDrawer } = await import(${JSON.stringify(source('src/charts/chart-drawer.ts'))});
      const { syntheticBriefing, resolveLabelled, theme, en } = await import(${JSON.stringify(source('test/charts/fixture.ts'))});
      const briefing = syntheticBriefing();
      const drawer = await createChartDrawer(theme, { locale: en });
      process.stdout.write(JSON.stringify(drawer.draw(resolveLabelled(briefing, 'week-stacked'))));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(out).toBe(JSON.stringify(drawer.draw(resolve('week-stacked'))));
  });

  it("lays text out with the theme's own fonts", async () => {
    const serif = { ...theme, fonts: { body: notoSerif(), heading: notoSerif() } };
    const serifDrawing = (await createChartDrawer(serif, { locale: en })).draw(resolve('money-hbar'));
    expect(texts(serifDrawing).every((t) => t.face.family === 'Noto Serif')).toBe(true);
    expect(JSON.stringify(serifDrawing)).not.toBe(JSON.stringify(drawer.draw(resolve('money-hbar'))));
  });

  it('says which font file of the theme cannot be loaded', async () => {
    const broken = {
      ...theme,
      fonts: { ...theme.fonts, heading: { ...theme.fonts.heading, bold: '/no/such/font.ttf' } },
    };
    const error = await createChartDrawer(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).code).toBe('THEME_ERROR');
    expect((error as BriefkitError).message).toContain('/no/such/font.ttf');
  });
});

function source(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}
