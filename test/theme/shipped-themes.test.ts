import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartConfig } from '../../src/charts/chart-config.js';
import { resolveChart } from '../../src/charts/resolve-chart.js';
import { loadBriefing } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { getLocale } from '../../src/locale/locales.js';
import { shippedTheme } from '../../src/theme/shipped-themes.js';
import type { Theme } from '../../src/theme/types.js';
import { runCliCaptured } from '../helpers/cli.js';
import { pageFillColors } from '../helpers/pdf-colors.js';
import { readChart, readPptx, type PptxInfo } from '../helpers/pptx.js';
import { hasTool, run } from '../helpers/tools.js';
import { tempDir } from '../helpers/temp.js';

/** The Geneva example built with each shipped theme: one theme drives the PDF, the charts and the deck. */
const root = tempDir('briefkit-themes-');
const built: Record<string, { pdf: Buffer; pdfFile: string; deck: PptxInfo; theme: Theme }> = {};
const themes = ['default', 'ink'] as const;

beforeAll(async () => {
  for (const name of themes) {
    const out = path.join(root, name);
    const result = await runCliCaptured([
      'build',
      'data/geneva-2026-02-26.yaml',
      '--theme',
      name,
      '--out',
      out,
      '--date',
      '2026-02-27',
    ]);
    expect(result.code, result.err).toBe(0);
    const pdfFile = path.join(out, 'geneva-2026-02-26.pdf');
    built[name] = {
      pdf: readFileSync(pdfFile),
      pdfFile,
      deck: await readPptx(readFileSync(path.join(out, 'geneva-2026-02-26.pptx'))),
      theme: shippedTheme(name)!,
    };
  }
}, 120_000);

const hex = (color: string): string => color.replace('#', '').toUpperCase();

describe.each(themes)('the %s theme', (name) => {
  it('embeds its fonts in the PDF (pdffonts)', () => {
    if (!hasTool('pdffonts')) return;
    const { pdfFile, theme } = built[name]!;
    const fonts = run('pdffonts', [pdfFile]);
    const face = theme.fonts.body.family.replace(' ', '');
    expect(fonts).toMatch(new RegExp(`${face}-Regular`));
    expect(fonts).toMatch(new RegExp(`${face}-Bold`));
    // Every font is embedded; no standard-14 font sneaks in.
    expect(fonts).not.toMatch(/Helvetica|Times-Roman/);
    const other = name === 'ink' ? 'NotoSans-' : 'NotoSerif-';
    expect(fonts).not.toContain(other);
  });

  it('paints the PDF in its colours: the cover band, and the chart bars from its palette', async () => {
    const { pdf, theme } = built[name]!;
    expect(await pageFillColors(pdf, 1)).toContain(theme.colors.primary.toLowerCase());
    // The first chart (two bars of one dataset: the palette's first colour) is on one of these pages.
    const fills = new Set<string>();
    for (const page of [4, 5, 6]) for (const c of await pageFillColors(pdf, page)) fills.add(c);
    expect(fills).toContain(theme.colors.palette[0]!.toLowerCase());
  });

  it('names its fonts in the deck: the theme part and every text run', async () => {
    const { deck, theme } = built[name]!;
    const xml = await deck.zip.file('ppt/theme/theme1.xml')!.async('string');
    expect(xml).toContain(`<a:majorFont><a:latin typeface="${theme.fonts.heading.family}"/>`);
    expect(xml).toContain(`<a:minorFont><a:latin typeface="${theme.fonts.body.family}"/>`);
    const faces = new Set(
      deck.slides.flatMap((slide) => [...slide.xml.matchAll(/typeface="([^"]+)"/g)].map((m) => m[1])),
    );
    expect([...faces]).toEqual([theme.fonts.body.family]);
  });

  it('colours the deck: slide backgrounds and the native charts from its palette', async () => {
    const { deck, theme } = built[name]!;
    const layouts = await Promise.all(
      Object.keys(deck.zip.files)
        .filter((f) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(f))
        .map((f) => deck.zip.file(f)!.async('string')),
    );
    const backgrounds = layouts.map((xml) => /<p:bg>.*?srgbClr val="([0-9A-F]{6})"/s.exec(xml)?.[1]);
    expect(backgrounds).toContain(hex(theme.deck.background));
    expect(backgrounds).toContain(hex(theme.deck.darkBackground));
    const chartPart = deck.slides.flatMap((slide) => slide.charts)[0]!;
    const chart = await readChart(deck, chartPart);
    // One dataset, one colour: the palette's first.
    expect(chart.series[0]!.colors).toEqual([hex(theme.colors.palette[0]!), hex(theme.colors.palette[0]!)]);
    const chartXml = await deck.zip.file(chartPart)!.async('string');
    expect(chartXml).toContain(`typeface="${theme.fonts.body.family}"`);
  });

  it('draws the charts in its fonts', async () => {
    const { theme } = built[name]!;
    const briefing = validateBriefing(await loadBriefing('data/geneva-2026-02-26.yaml'));
    const chart = resolveChart(briefing.charts[0]!, briefing, theme, getLocale('en'));
    const config = chartConfig({ ...chart, labels: [] }, theme) as {
      options: { plugins: { title: { font: { family: string } } } };
    };
    expect(config.options.plugins.title.font.family).toBe(theme.fonts.heading.family);
  });
});

describe('the two shipped themes', () => {
  it('look different: a serif report and a dark deck for ink', () => {
    const [plain, ink] = [built.default!.theme, built.ink!.theme];
    expect(plain.fonts.body.family).toBe('Noto Sans');
    expect(ink.fonts.body.family).toBe('Noto Serif');
    expect(plain.deck.background).toBe('#FFFFFF');
    expect(ink.deck.background).toBe('#1B1D22');
    expect(ink.colors.palette).not.toEqual(plain.colors.palette);
  });
});
