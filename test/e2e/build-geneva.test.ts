import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf, type ReadPdf } from '../helpers/pdf.js';
import { readChart, readPptx, type PptxInfo } from '../helpers/pptx.js';
import { SLOW } from '../helpers/slow.js';
import { hasTool, run } from '../helpers/tools.js';
import { tempDir } from '../helpers/temp.js';

/** The README's promise, end to end: the example builds, and both outputs say what the data says. */
const out = tempDir('briefkit-e2e-');
const pdfFile = path.join(out, 'geneva-2026-02-26.pdf');
const pptxFile = path.join(out, 'geneva-2026-02-26.pptx');
let pdf: ReadPdf;
let deck: PptxInfo;
let pdfText: string;

beforeAll(async () => {
  const result = await runCliCaptured([
    'build',
    'data/geneva-2026-02-26.yaml',
    '--out',
    out,
    '--date',
    '2026-02-27',
  ]);
  expect(result.err).not.toContain('error');
  expect(result.code).toBe(0);
  pdf = await readPdf(readFileSync(pdfFile));
  deck = await readPptx(readFileSync(pptxFile));
  pdfText = pdf.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n');
}, 120_000);

const keyFacts = [
  '420 drones',
  '39 missiles',
  '$800 billion',
  '$588 billion',
  '1,000 bodies',
  '35 bodies',
  '20%',
];
const names = [
  'Witkoff',
  'Kushner',
  'Umerov',
  'Zelenskyy',
  'Trump',
  'Medinsky',
  'Dmitriev',
  'Abu Dhabi',
  'RDNA5',
];
const sources = [
  'Reuters',
  'The Associated Press',
  'World Bank',
  'National Security and Defense Council',
  'TASS',
];

describe('briefkit build data/geneva-2026-02-26.yaml', () => {
  it('writes the PDF, the deck and a manifest, and nothing else', () => {
    expect(readdirSync(out).sort()).toEqual([
      'geneva-2026-02-26.manifest.json',
      'geneva-2026-02-26.pdf',
      'geneva-2026-02-26.pptx',
    ]);
  });

  it('puts every key figure, name and source in the report', () => {
    for (const fact of [...keyFacts, ...names, ...sources]) expect(pdfText, fact).toContain(fact);
    expect(pdf.info.Title).toBe('U.S.–Ukraine talks in Geneva: ending the war and paying for reconstruction');
    expect(pdf.outline.map((o) => o.title)).toContainEqual(
      expect.stringMatching(/^\d+ The overnight attack$/),
    );
  });

  it('gives the deck a title slide, a slide per section, the charts, sources, and notes on content slides', async () => {
    const titles = deck.slides.map((s) => s.title);
    expect(titles[0]).toContain('U.S.–Ukraine talks in Geneva');
    for (const section of [
      'The overnight attack',
      'Reconstruction and the scale problem',
      'Territory, the central blockage',
    ]) {
      expect(titles).toContain(section);
    }
    expect(titles.at(-1)).toBe('Sources');
    for (const slide of deck.slides.slice(1, -1))
      expect(slide.notes.trim().length, slide.title).toBeGreaterThan(0);
    const chartParts = deck.slides.flatMap((s) => s.charts);
    expect(chartParts.length).toBe(3);
    const strikes = await Promise.all(chartParts.map((part) => readChart(deck, part)));
    expect(strikes.flatMap((c) => c.series.flatMap((s) => s.values))).toEqual(
      expect.arrayContaining([420, 39, 800, 588, 1000, 35]),
    );
  });

  it('shows the same formatted figures in the deck as in the report', () => {
    const deckText = deck.slides.map((s) => [...s.text, s.notes].join('\n')).join('\n');
    for (const fact of ['420', '39', 'about', '$800 billion', 'almost', '$588 billion']) {
      expect(deckText, fact).toContain(fact);
      expect(pdfText, fact).toContain(fact);
    }
  });

  it.runIf(hasTool('pdffonts') && hasTool('qpdf') && hasTool('pdftotext'))(
    'passes poppler and qpdf checks',
    () => {
      const fonts = run('pdffonts', [pdfFile])
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '');
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line, line).toMatch(/\syes\s+yes\s+yes\s/);
      run('qpdf', ['--check', pdfFile]);
      const text = run('pdftotext', ['-layout', pdfFile, '-']);
      for (const fact of [...keyFacts, ...names]) expect(text, fact).toContain(fact);
    },
  );

  it.runIf(hasTool('pdftotext'))("prints each chart's names and figures as text pdftotext finds", () => {
    // Chart text is real text in the embedded fonts, not glyph outlines: a reader can search it.
    const pageWith = (caption: string) =>
      pdf.pages.find((page) => page.lines.some((line) => line.text.startsWith(caption)))!.number;
    const chartLines = (caption: string) => {
      const page = String(pageWith(caption));
      return run('pdftotext', ['-f', page, '-l', page, pdfFile, '-']).split('\n');
    };
    expect(chartLines('Figure 1')).toEqual(
      expect.arrayContaining(['Drones', 'Missiles', '420', '39', '500', '0']),
    );
    expect(chartLines('Figure 2')).toEqual(
      expect.arrayContaining([
        "Ukraine's aim to attract",
        'RDNA5 assessed needs',
        '$800 billion',
        '$588 billion',
      ]),
    );
    expect(chartLines('Figure 3')).toEqual(
      expect.arrayContaining([
        'Ukrainian soldiers, returned to Ukraine',
        'Russian troops, received by Russia',
        '1,000',
        '35',
      ]),
    );
  });

  // A LibreOffice start costs seconds of CPU: SLOW=1 (CI). npm test checks the deck's
  // parts against the OOXML schema instead (render/pptx/conformance.test.ts).
  it.runIf(SLOW && hasTool('soffice'))(
    'converts the deck to PDF with LibreOffice',
    () => {
      const converted = path.join(out, 'lo');
      run('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', converted, pptxFile]);
      expect(existsSync(path.join(converted, 'geneva-2026-02-26.pdf'))).toBe(true);
      const text = run('pdftotext', [path.join(converted, 'geneva-2026-02-26.pdf'), '-']);
      expect(text).toContain('Key figures');
    },
    180_000,
  );
});

describe('a broken briefing', () => {
  it.each([
    ['bad-yaml.yaml', 'bad-yaml.yaml:4:1  Flow sequence in block collection'],
    ['wrong-type.yaml', 'wrong-type.yaml:7:12  figures[0].value'],
    ['unknown-source.yaml', 'unknown-source.yaml:10:13  figures[0].source'],
    ['missing-field.yaml', 'missing-field.yaml:5:5  sections[0].title  missing required field'],
  ])('%s exits 1 with its location and writes nothing', async (name, where) => {
    const dir = tempDir('briefkit-broken-');
    const result = await runCliCaptured(['build', `test/fixtures/briefings/${name}`, '--out', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(where);
    expect(readdirSync(dir)).toEqual([]);
  });
});
