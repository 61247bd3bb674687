import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf, type ReadPdf } from '../helpers/pdf.js';
import { readChart, readPptx, type PptxInfo } from '../helpers/pptx.js';
import { hasTool, run } from '../helpers/tools.js';
import { tempDir } from '../helpers/temp.js';

/** A Ukrainian briefing (part of the Geneva example, translated) builds into a Ukrainian report and deck. */
const out = tempDir('briefkit-uk-');
const pdfFile = path.join(out, 'geneva-uk.pdf');
let pdf: ReadPdf;
let deck: PptxInfo;
let pdfText: string;
let deckText: string;

/** Spaces as people see them: Intl groups Ukrainian digits with a no-break space. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
  const result = await runCliCaptured([
    'build',
    'test/fixtures/locale/geneva-uk.yaml',
    '--out',
    out,
    '--date',
    '2026-02-27',
  ]);
  expect(result.code, result.err).toBe(0);
  expect(result.err).not.toContain('warning');
  pdf = await readPdf(readFileSync(pdfFile));
  deck = await readPptx(readFileSync(path.join(out, 'geneva-uk.pptx')));
  pdfText = plain(pdf.pages.map((page) => page.lines.map((line) => line.text).join('\n')).join('\n'));
  deckText = plain(deck.slides.map((slide) => [...slide.text, slide.notes].join('\n')).join('\n'));
}, 60_000);

/** Words briefkit itself prints in English; none may appear in a Ukrainian build. */
const english = [
  'Contents',
  'Summary',
  'Figure',
  'Source:',
  'Sources',
  'Page ',
  'Key figures',
  'The meeting',
  'Agenda',
  'met in',
  'The deck follows',
  'points to remember',
  '(cont.)',
  'Questions and answers',
  'about ',
  'almost ',
  'billion',
];

describe('a Ukrainian briefing', () => {
  it('gives a Ukrainian report: labels, numbers, money, percentages and dates', () => {
    for (const text of [
      'Зміст',
      'Резюме',
      'КЛЮЧОВІ ЦИФРИ',
      'Рисунок 1 — Нічна атака перед зустріччю в Женеві',
      'Джерело: Володимир Зеленський, президент України',
      'Дата: 26 лютого 2026 р. · Місце: Женева · Сторони: Сполучені Штати і Україна',
      '420 дронів',
      'близько 800 млрд доларів США',
      'майже 588 млрд доларів США',
      '1 000 тіл',
      '«значною мірою вирішено»',
      'Джерела',
    ]) {
      expect(pdfText, text).toContain(text);
    }
    expect(pdfText).toMatch(/останні 20%\d* Донецької області/);
    expect(pdfText).toMatch(/Сторінка 3 з \d+/);
    for (const word of english) expect(pdfText, word).not.toContain(word);
  });

  it('gives a Ukrainian deck: titles, notes, source lines and key figures', () => {
    const titles = deck.slides.map((slide) => slide.title);
    expect(titles.slice(0, 4)).toEqual([
      expect.stringMatching(/^Переговори США та України/),
      'Порядок денний',
      'Резюме',
      'Ключові цифри',
    ]);
    expect(titles.at(-1)).toBe('Джерела');
    expect(plain(deck.slides[1]!.notes)).toContain(
      '26 лютого 2026 р. у місті Женева зустрілися представники сторін: Сполучені Штати і Україна.',
    );
    expect(deckText).toContain('Головне, що варто запамʼятати з брифінгу.');
    expect(deckText).toContain('Джерела: Володимир Зеленський, президент України [1]');
    expect(deckText).toContain('800 млрд доларів США');
    for (const word of english) expect(deckText, word).not.toContain(word);
  });

  it('gives native charts Ukrainian number formats that do not depend on the viewer', async () => {
    const charts = await Promise.all(
      deck.slides.flatMap((slide) => slide.charts).map((part) => readChart(deck, part)),
    );
    const money = charts.find((chart) => chart.barDir === 'bar')!;
    expect(money.dataLabelFormats[0]).toContain('" млрд доларів США"');
    expect(money.valueAxisFormat).toContain('" млрд $"');
    const remains = charts.find((chart) => chart.series[0]!.values.includes(1000))!;
    // "1 000", not "1,000": the group separator is a literal, not the viewer's.
    expect(remains.valueAxisFormat).toBe('[>=1000000]#"\u00a0"###"\u00a0"##0;[>=1000]#"\u00a0"##0;0');
    expect(remains.series[0]!.categories).toEqual([
      'Українські військові, повернуті Україні',
      'Російські військові, отримані Росією',
    ]);
  });

  it('extracts as correct Cyrillic with poppler too', () => {
    if (!hasTool('pdftotext')) return;
    const text = plain(run('pdftotext', ['-layout', pdfFile, '-']));
    expect(text).toContain('Переговори США та України в');
    expect(text).toContain('Стів Віткофф');
    expect(text).toContain('Обʼєднаних Націй');
    expect(text).not.toMatch(/\uFFFD/);
  });
});
