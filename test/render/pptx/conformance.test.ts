import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../../src/index.js';
import { renderPptx } from '../../../src/render/pptx/index.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { VERSION } from '../../../src/version.js';
import { sampleChartAssets, sampleDeckDoc } from '../../fixtures/sample-deck-doc.js';
import { checkPackage, matchModel } from '../../helpers/ooxml-conformance.js';
import { CONTENT_MODELS } from '../../helpers/ooxml-rules.js';
import { hasTool, run } from '../../helpers/tools.js';
import { createHouseProject } from '../../theme/house-project.js';
import { SLOW } from '../../helpers/slow.js';

/**
 * Every deck the suite's fixtures make, checked part by part against the content models
 * of ISO/IEC 29500 Transitional (test/helpers/ooxml-rules.ts). PowerPoint offers to
 * "repair" a deck that breaks them, which is the first thing a presenter would see;
 * LibreOffice accepts it silently, so LibreOffice alone cannot stand in for this check.
 */

const house = createHouseProject();
afterAll(() => rmSync(house, { recursive: true, force: true }));

const BUILDS: ReadonlyArray<readonly [string, string, Partial<BuildOptions>]> = [
  ['Geneva', 'data/geneva-2026-02-26.yaml', {}],
  ['Geneva with picture charts', 'data/geneva-2026-02-26.yaml', { deckCharts: 'image' }],
  ['Geneva in the ink theme', 'data/geneva-2026-02-26.yaml', { theme: 'ink' }],
  ['the Ukrainian fixture', 'test/fixtures/locale/geneva-uk.yaml', {}],
  ['every chart type', 'test/fixtures/charts/synthetic-charts.yaml', {}],
  ['the house theme', path.join(house, 'data/briefing.yaml'), {}],
  ['images (PNG, JPEG, SVG)', 'test/fixtures/images/images-briefing.yaml', {}],
  ['the Paris example (an SVG pictogram)', 'data/paris-2024-olympics.yaml', {}],
];

async function deckOf(file: string, options: Partial<BuildOptions>): Promise<Buffer> {
  const result = await build(file, { formats: ['pptx'], date: '2026-02-27', ...options });
  return result.pptx!;
}

async function xmlParts(deck: Buffer, pattern: RegExp): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(deck);
  const names = Object.keys(zip.files).filter((name) => pattern.test(name));
  return Promise.all(
    names.map(async (name) => [name, await zip.file(name)!.async('string')] as [string, string]),
  );
}

describe('decks conform to ISO/IEC 29500 Transitional', () => {
  it.each(BUILDS)(
    '%s: every part in schema order, ids unique, relationships and types resolve',
    async (_, file, options) => {
      expect(await checkPackage(await deckOf(file, options))).toEqual([]);
    },
    60_000,
  );

  it('the overflow deck (continued slides, a long table, a long title)', async () => {
    const deck = await renderPptx(sampleDeckDoc(), sampleChartAssets(), defaultTheme(), { charts: 'native' });
    expect(await checkPackage(deck)).toEqual([]);
  });

  it('tags every run, notes included, with the briefing’s language', async () => {
    const deck = await deckOf('test/fixtures/locale/geneva-uk.yaml', {});
    const langs = new Set<string>();
    for (const [, xml] of await xmlParts(deck, /^ppt\/(slides|notesSlides|charts)\/[^/]+\.xml$/)) {
      for (const match of xml.matchAll(/<a:(?:rPr|endParaRPr|defRPr)\b[^>]*?\slang="([^"]*)"/g))
        langs.add(match[1]!);
    }
    expect([...langs]).toEqual(['uk']);
  }, 60_000);

  it('names briefkit, its version and the fonts the deck uses in docProps/app.xml', async () => {
    const deck = await deckOf('data/geneva-2026-02-26.yaml', {});
    const [[, app]] = (await xmlParts(deck, /^docProps\/app\.xml$/)) as [[string, string]];
    expect(app).toContain('<Application>briefkit</Application>');
    const [major, minor, patch] = VERSION.split('.').map(Number);
    expect(app).toContain(
      `<AppVersion>${String(major).padStart(2, '0')}.${String(minor).padStart(2, '0')}${String(patch).padStart(2, '0')}</AppVersion>`,
    );
    expect(app).not.toContain('Calibri');
    expect(app).toContain('<vt:lpstr>Noto Sans</vt:lpstr>');
    const slides = (await xmlParts(deck, /^ppt\/slides\/slide\d+\.xml$/)).length;
    expect(app).toContain(`<Slides>${slides}</Slides>`);
  }, 60_000);
});

describe('the content-model checker', () => {
  it('finds out-of-order, missing, extra and disallowed children', () => {
    const bar = CONTENT_MODELS['c:barChart']!;
    expect(matchModel(['c:barDir', 'c:ser', 'c:axId', 'c:axId'], bar)).toEqual([]);
    expect(matchModel(['c:barDir', 'c:ser', 'c:axId', 'c:axId', 'c:axId'], bar)).toEqual([
      '<c:axId> appears 3 times (at most 2)',
    ]);
    expect(matchModel(['c:barDir', 'c:axId'], bar)).toEqual(['expected c:axId (at least 2), found 1']);
    expect(matchModel(['c:ser', 'c:barDir', 'c:axId', 'c:axId'], bar)).toEqual([
      'expected c:barDir (at least 1), found 0',
      '<c:barDir> out of order',
    ]);
    expect(matchModel(['c:barDir', 'c:marker', 'c:axId', 'c:axId'], bar)).toEqual([
      '<c:marker> is not allowed here',
    ]);
  });

  it('finds the schema slips pptxgenjs writes, in a package made by hand', async () => {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="jpg" ContentType="image/jpg"/></Types>',
    );
    zip.file(
      'ppt/slides/slide1.xml',
      '<p:sld><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>' +
        '<p:sp><p:nvSpPr><p:cNvPr id="2" name="a"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/></p:sp>' +
        '<p:sp><p:nvSpPr><p:cNvPr id="2" name="b"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/></p:sp>' +
        '</p:spTree></p:cSld></p:sld>',
    );
    const problems = await checkPackage(await zip.generateAsync({ type: 'uint8array' }));
    expect(problems).toEqual([
      '[Content_Types].xml  "jpg" is typed image/jpg, not a registered media type (image/jpeg)',
      'ppt/slides/slide1.xml  shape id 2 used twice',
    ]);
  });
});

describe('LibreOffice round trip (the stand-in for PowerPoint, which cannot run here)', () => {
  // LibreOffice takes half a minute: SLOW=1 (CI) runs it.
  it.runIf(SLOW && hasTool('soffice'))(
    'converts the Ukrainian and chart-type decks with one page per slide',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'briefkit-lo-'));
      try {
        for (const [name, file] of [
          ['uk', 'test/fixtures/locale/geneva-uk.yaml'],
          ['charts', 'test/fixtures/charts/synthetic-charts.yaml'],
        ] as const) {
          const deck = await deckOf(file, {});
          const slides = (await xmlParts(deck, /^ppt\/slides\/slide\d+\.xml$/)).length;
          writeFileSync(path.join(dir, `${name}.pptx`), deck);
          run('soffice', [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            path.join(dir, `${name}.pptx`),
          ]);
          const info = run('pdfinfo', [path.join(dir, `${name}.pdf`)]);
          expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slides);
          expect(readFileSync(path.join(dir, `${name}.pdf`)).length).toBeGreaterThan(10_000);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
