import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPptx } from '../../../src/render/pptx/index.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import {
  LONG_TITLE,
  SAMPLE_CHARTS,
  sampleChartAssets,
  sampleDeckDoc,
} from '../../fixtures/sample-deck-doc.js';
import {
  findAll,
  paragraphsOf,
  parseXml,
  readChart,
  readPptx,
  zipEntryHeaders,
  type PptxInfo,
} from '../../helpers/pptx.js';

const theme = defaultTheme();

describe('renderPptx (sample deck, native charts)', () => {
  let buffer: Buffer;
  let deck: PptxInfo;

  beforeAll(async () => {
    buffer = await renderPptx(sampleDeckDoc(), sampleChartAssets(), theme, { charts: 'native' });
    deck = await readPptx(buffer);
  });

  it('has every slide of the IR, in order, plus continuation slides', () => {
    const titles = deck.slides.map((slide) => slide.title);
    expect(titles.slice(0, 9)).toEqual([
      'U.S.–Ukraine talks in Geneva: ending the war and paying for reconstruction',
      'Agenda',
      'Key figures',
      'What happened in Geneva',
      'The overnight attack',
      'Paying for reconstruction',
      'In their words',
      'Where the talks stand',
      'Strikes through the week',
    ]);
    expect(titles.at(-1)).toBe('Sources');
    expect(deck.slides).toHaveLength(18);
  });

  it('uses one master per layout', () => {
    expect(deck.slides.map((slide) => slide.layout).slice(0, 9)).toEqual([
      'BRIEFKIT_TITLE',
      'BRIEFKIT_CONTENT',
      'BRIEFKIT_KEY_FIGURES',
      'BRIEFKIT_CONTENT',
      'BRIEFKIT_CHART',
      'BRIEFKIT_TWO_COLUMN',
      'BRIEFKIT_QUOTE',
      'BRIEFKIT_SECTION',
      'BRIEFKIT_CHART',
    ]);
    expect(deck.slides.at(-1)?.layout).toBe('BRIEFKIT_SOURCES');
  });

  it('continues 25 bullets and a 40-row table on "(cont.)" slides', () => {
    const bullets = deck.slides.filter((slide) => slide.title.startsWith('Everything reported on the day'));
    expect(bullets.length).toBeGreaterThanOrEqual(2);
    expect(bullets.slice(1).every((slide) => slide.title === 'Everything reported on the day (cont.)')).toBe(
      true,
    );
    const points = bullets.flatMap((slide) => slide.text.filter((text) => /^Point \d+:/.test(text)));
    expect(points.map((text) => Number(/^Point (\d+)/.exec(text)?.[1]))).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );

    const tables = deck.slides.filter((slide) => slide.title.startsWith('Strike log'));
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(tables.slice(1).every((slide) => slide.title === 'Strike log (cont.)')).toBe(true);
    const nights = tables.flatMap((slide) => {
      const table = slide.shapes.find((shape) => shape.kind === 'table')!;
      const rows = findAll([table.node], 'a:tr').map((tr) => paragraphsOf([tr]));
      // Every slice starts with the header row.
      expect(rows[0]).toEqual(['Night', 'Date', 'Region', 'Drones', 'Missiles']);
      return rows.slice(1).map((row) => Number(row[0]));
    });
    expect(nights).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('shrinks and wraps a 200-character title inside its box', () => {
    expect(LONG_TITLE.length).toBeGreaterThanOrEqual(180);
    const slide = deck.slides.find((s) => s.title === LONG_TITLE)!;
    const title = slide.shapes.find((shape) => shape.placeholder === 'title')!;
    const sizes = findAll([title.node], 'a:rPr').map((rPr) => Number(rPr[':@']?.sz) / 100);
    const pitch = Number(findAll([title.node], 'a:spcPts')[0]?.[':@']?.val) / 100;
    expect(Math.max(...sizes)).toBeLessThanOrEqual(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    // At most three lines of that pitch fit the box's height.
    expect(3 * pitch).toBeLessThanOrEqual(title.box!.h * 72 + 0.5);
  });

  it('gives every slide speaker notes', () => {
    for (const slide of deck.slides) expect(slide.notes.trim(), `slide ${slide.number}`).not.toBe('');
    expect(deck.slides[3]!.notes).toBe('Stress that no peace breakthrough was reported.');
    expect(deck.slides.find((s) => s.title === 'Strike log (cont.)')?.notes).toMatch(
      /^\(cont\.\) A forty-row table/,
    );
  });

  it('draws every chart as a native chart part with the spec’s data, colours and formats', async () => {
    const parts = deck.slides.flatMap((slide) => slide.charts);
    expect(parts).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml', 'ppt/charts/chart3.xml']);
    const [bar, horizontal, line] = await Promise.all(parts.map((part) => readChart(deck, part)));

    expect(bar).toMatchObject({
      type: 'barChart',
      barDir: 'col',
      grouping: 'clustered',
      title: 'Launched overnight, 25–26 February',
      showValue: true,
    });
    expect(bar!.series).toEqual([
      expect.objectContaining({
        name: 'Launched',
        categories: ['Drones', 'Missiles'],
        values: [420, 39],
        colors: ['1F3A5F', 'D98E04'],
      }),
    ]);

    // Currency in billions: values divided by the divisor, the spec's Excel format on labels and axis.
    expect(horizontal).toMatchObject({ type: 'barChart', barDir: 'bar', valueAxisFormat: '"$"#,##0" bn"' });
    expect(horizontal!.series[0]!.values).toEqual([800, 588]);
    expect(horizontal!.dataLabelFormats.every((format) => format === '"$"#,##0" billion"')).toBe(true);

    expect(line).toMatchObject({ type: 'lineChart' });
    expect(line!.series[0]!.values).toEqual(SAMPLE_CHARTS[2]!.datasets[0]!.values);
    expect(line!.series[0]!.colors).toEqual(['B5452F']);
  });

  it('describes every chart and picture with alt text', () => {
    const graphics = deck.slides.flatMap((slide) =>
      slide.shapes.filter((shape) => shape.kind === 'chart' || shape.kind === 'pic'),
    );
    expect(graphics).toHaveLength(3);
    for (const graphic of graphics) expect(graphic.descr?.trim()).toBeTruthy();
    expect(graphics[0]!.descr).toBe(SAMPLE_CHARTS[0]!.alt);
  });

  it('prints figures with superscript citations and a source line on cited slides', () => {
    const slide = deck.slides.find((s) => s.title === 'What happened in Geneva')!;
    expect(slide.text).toContain(
      'The meeting came hours after Russia launched 420 drones1 and 39 missiles2 at Ukraine',
    );
    expect(slide.xml).toMatch(/baseline="30000"[^>]*>(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>1<\/a:t>/);
    expect(slide.text).toContain(
      'Sources: Reuters [1]; The Associated Press [2]; National Security and Defense Council of Ukraine [4]',
    );
    expect(deck.slides.find((s) => s.title === 'Agenda')!.text.some((t) => t.startsWith('Sources:'))).toBe(
      false,
    );
  });

  it('keeps http, https and mailto links and drops other schemes', () => {
    const slide = deck.slides.find((s) => s.title === 'What happened in Geneva')!;
    expect(slide.links).toEqual(['https://www.reuters.com/world/europe/']);
    expect(slide.text).toContain('Full reporting: Reuters Europe; a link that is not kept');
    expect(deck.slides.flatMap((s) => s.links).every((url) => /^(https?:|mailto:)/.test(url))).toBe(true);
  });

  it('puts up to four key figures in cards with their sources', () => {
    const slide = deck.slides.find((s) => s.title === 'Key figures')!;
    for (const text of ['420', 'drones', '$800 billion', 'about', 'Source: World Bank [3]'])
      expect(slide.text).toContain(text);
  });

  it('puts the footer and the slide number on content masters', async () => {
    const masters = await Promise.all(
      deck.entries
        .filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name))
        .map(async (name) => (await deck.zip.file(name)!.async('string')) as string),
    );
    const content = masters.find((xml) => xml.includes('name="BRIEFKIT_CONTENT"'))!;
    expect(content).toContain('Geneva U.S.–Ukraine meeting · 26 February 2026');
    expect(content).toContain('type="sldNum"');
  });

  it('writes title, author, subject, company and the build date as metadata', () => {
    expect(deck.core['dc:title']).toBe(
      'U.S.–Ukraine talks in Geneva: ending the war and paying for reconstruction',
    );
    expect(deck.core['dc:creator']).toBe('briefkit');
    expect(deck.core['dc:subject']).toMatch(/^Officials met/);
    expect(deck.core['dcterms:created']).toBe('2026-02-27T06:00:00Z');
    expect(deck.core['dcterms:modified']).toBe('2026-02-27T06:00:00Z');
    expect(deck.app.Company).toBe('briefkit example briefing');
  });

  it('is a 16:9 wide deck', async () => {
    const presentation = await deck.zip.file('ppt/presentation.xml')!.async('string');
    expect(presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
  });

  it('writes at most one paragraph-properties element per paragraph, first', () => {
    for (const slide of deck.slides) {
      for (const p of findAll(parseXml(slide.xml), 'a:p')) {
        const tags = (p['a:p'] as Record<string, unknown>[]).map((child) =>
          Object.keys(child).find((k) => k !== ':@'),
        );
        const at = tags.flatMap((tag, index) => (tag === 'a:pPr' ? [index] : []));
        expect(at.length <= 1 && (at[0] ?? 0) === 0, `slide ${slide.number}`).toBe(true);
      }
    }
  });

  it('declares a content type for every part and only for parts it has', async () => {
    const types = await deck.zip.file('[Content_Types].xml')!.async('string');
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!);
    const defaults = new Set([...types.matchAll(/Default Extension="([^"]+)"/g)].map((m) => m[1]!));
    const files = deck.entries.filter((name) => name !== '[Content_Types].xml');
    expect(overrides.filter((part) => !files.includes(part))).toEqual([]);
    expect(
      files.filter((name) => !overrides.includes(name) && !defaults.has(name.split('.').pop()!)),
    ).toEqual([]);
  });

  it('gives every shape a text body, as PowerPoint expects', async () => {
    const parts = deck.entries.filter((name) =>
      /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name),
    );
    for (const part of parts) {
      const shapes = findAll(parseXml(await deck.zip.file(part)!.async('string')), 'p:sp');
      expect(
        shapes.every((shape) => findAll([shape], 'p:txBody').length === 1),
        part,
      ).toBe(true);
    }
  });

  it('is byte-reproducible: entries in a fixed order, dated by the build', async () => {
    const again = await renderPptx(sampleDeckDoc(), sampleChartAssets(), theme, { charts: 'native' });
    expect(Buffer.compare(again, buffer)).toBe(0);
    expect(deck.entries[0]).toBe('[Content_Types].xml');
    const headers = zipEntryHeaders(buffer);
    expect(headers.map((h) => h.name)).toEqual(deck.entries);
    expect(headers.every((h) => h.method === 8)).toBe(true);
    // 2026-02-27 06:00:00 as MS-DOS date and time.
    expect(new Set(headers.map((h) => `${h.dosDate}/${h.dosTime}`))).toEqual(
      new Set([`${(46 << 9) | (2 << 5) | 27}/${6 << 11}`]),
    );
    const zip = await JSZip.loadAsync(buffer);
    for (const file of Object.values(zip.files))
      expect(file.date.toISOString(), file.name).toBe('2026-02-27T06:00:00.000Z');
    const workbook = await JSZip.loadAsync(
      await zip.file('ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx')!.async('uint8array'),
    );
    expect(await workbook.file('docProps/core.xml')!.async('string')).toContain('2026-02-27T06:00:00Z');
  });

  it('renumbers chart parts in relationships only, never in a slide’s text', async () => {
    // pptxgenjs numbers charts per process (this file has rendered several decks already), and
    // normalize.ts renumbers them from 1; notes that name such parts stay as written.
    const doc = sampleDeckDoc();
    const named = Array.from(
      { length: 30 },
      (_, i) => `chart${i + 1}.xml Microsoft_Excel_Worksheet${i + 1}.xlsx`,
    );
    doc.slides[0]!.notes = [named.join(' ')];
    const again = await readPptx(await renderPptx(doc, sampleChartAssets(), theme, { charts: 'native' }));
    expect(again.slides[0]!.notes).toBe(named.join(' '));
    expect(again.slides.flatMap((slide) => slide.charts)).toEqual(
      deck.slides.flatMap((slide) => slide.charts),
    );
  });
});

describe('renderPptx (image charts)', () => {
  it('places each chart’s PNG with its alt text instead of a native chart', async () => {
    const deck = await readPptx(
      await renderPptx(sampleDeckDoc(), sampleChartAssets(), theme, { charts: 'image' }),
    );
    expect(deck.entries.some((name) => name.startsWith('ppt/charts/'))).toBe(false);
    const pictures = deck.slides.flatMap((slide) => slide.shapes.filter((shape) => shape.kind === 'pic'));
    expect(pictures.map((picture) => picture.descr)).toEqual(SAMPLE_CHARTS.map((chart) => chart.alt));
    expect(deck.entries.filter((name) => name.startsWith('ppt/media/'))).toHaveLength(3);
  });

  it('says which chart lacks a PNG', async () => {
    const assets = new Map([...sampleChartAssets()].map(([id, asset]) => [id, { ...asset, png: undefined }]));
    await expect(renderPptx(sampleDeckDoc(), assets, theme, { charts: 'image' })).rejects.toThrow(
      /overnight-strikes.*no PNG/,
    );
  });

  it('says which chart has no asset', async () => {
    await expect(renderPptx(sampleDeckDoc(), new Map(), theme, { charts: 'native' })).rejects.toThrow(
      /Chart "overnight-strikes"/,
    );
  });
});
