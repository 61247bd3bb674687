import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf, type ReadPdf } from '../helpers/pdf.js';
import { pageFillColors } from '../helpers/pdf-colors.js';
import { readPptx, type PptxInfo } from '../helpers/pptx.js';
import { createHouseProject } from './house-project.js';

/** The house theme's logos: an SVG on the cover and the title slide, a PNG in the running header. */
const house = createHouseProject();
let pdf: ReadPdf;
let pdfBytes: Buffer;
let deck: PptxInfo;

beforeAll(async () => {
  const result = await runCliCaptured([
    'build',
    path.join(house, 'data/briefing.yaml'),
    '--date',
    '2026-03-02',
  ]);
  expect(result.code, result.err).toBe(0);
  pdfBytes = readFileSync(path.join(house, 'out/briefing.pdf'));
  pdf = await readPdf(pdfBytes);
  deck = await readPptx(readFileSync(path.join(house, 'out/briefing.pptx')));
}, 60_000);

afterAll(() => rmSync(house, { recursive: true, force: true }));

describe('a theme with a logo', () => {
  it('draws the SVG logo on the cover as vectors, in its own colours', async () => {
    expect(pdf.pages[0]!.imageCount).toBe(0);
    const fills = await pageFillColors(pdfBytes, 1);
    expect(fills).toContain('#e07a1f');
  });

  it("lays the report out with the theme's margins", () => {
    // house.yaml: margin left and right 80 pt; every line of a body page starts there or further in.
    const page = pdf.pages[2]!;
    expect(Math.min(...page.lines.map((line) => line.x))).toBeCloseTo(80, 0);
    expect(Math.max(...page.items.map((item) => item.x + item.width))).toBeLessThanOrEqual(
      page.width - 80 + 0.5,
    );
  });

  it('puts the PNG logo in the running header of every page after the cover, embedded once', () => {
    for (const page of pdf.pages.slice(1)) expect(page.imageCount, `page ${page.number}`).toBe(1);
    // One image and its alpha channel (a soft mask, itself an image), however many pages show it.
    const text = pdfBytes.toString('latin1');
    expect(text.match(/\/Subtype \/Image/g)).toHaveLength(2);
    expect(text.match(/\/SMask \d+ 0 R/g)).toHaveLength(1);
  });

  it('builds the same bytes again (the SVG drawn for the deck included)', async () => {
    const again = path.join(house, 'again');
    const result = await runCliCaptured([
      'build',
      path.join(house, 'data/briefing.yaml'),
      '--out',
      again,
      '--date',
      '2026-03-02',
    ]);
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(path.join(again, 'briefing.pdf')).equals(pdfBytes)).toBe(true);
    const deckBytes = readFileSync(path.join(house, 'out/briefing.pptx'));
    expect(readFileSync(path.join(again, 'briefing.pptx')).equals(deckBytes)).toBe(true);
  });

  it('shows the logo for dark backgrounds on the title slide, named for its organisation', async () => {
    const logo = deck.slides[0]!.shapes.find((shape) => shape.kind === 'pic');
    expect(logo).toMatchObject({ name: 'Logo', descr: 'Example House' });
    expect(logo!.box!.x + logo!.box!.w).toBeCloseTo(13.333 - 0.6, 2);
    // The SVG is shown as a PNG drawn from it: PowerPoint and LibreOffice both show that.
    const media = Object.keys(deck.zip.files).filter((f) => f.startsWith('ppt/media/'));
    expect(media).toEqual([expect.stringMatching(/\.png$/)]);
    expect(deck.slides.slice(1).every((slide) => !slide.shapes.some((s) => s.kind === 'pic'))).toBe(true);
  });
});
