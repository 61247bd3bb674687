import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/build/hash.js';
import { build, type BuildResult } from '../../src/index.js';
import { runCliCaptured } from '../helpers/cli.js';
import type { ReadPdf } from '../helpers/pdf.js';
import { readPptx, type PptxInfo } from '../helpers/pptx.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Images in a briefing (issue 15, item 7), read back from both outputs: the fixture
 * test/fixtures/images/images-briefing.yaml places an SVG (with a chart in its section),
 * a PNG and a JPEG. The PDF embeds the PNG and JPEG as image XObjects and draws the SVG as
 * vectors, each a Figure element with the image's alt text; the deck shows each as a
 * picture whose description is the alt text; both print the same captions, numbered with
 * the chart, with the credit and source line.
 */
const FIXTURE = 'test/fixtures/images/images-briefing.yaml';
const ALTS = {
  'road-map':
    'A drawn map of North Town in the south-west and South Port in the north-east, joined by a winding dashed road.',
  process: 'Three boxes, Brief, Build and Outputs, joined left to right by red arrows.',
  landscape: 'A drawn landscape of green hills under a blue sky with a yellow sun.',
};
const CAPTIONS = [
  'Figure 1 — Made-up distances',
  'Figure 2 — The road from North Town to South Port',
  'Figure 3 — How a briefing becomes a report',
  'Figure 4 — Hills near South Port',
];

let first: BuildResult;
let second: BuildResult;
let pdf: ReadPdf;
let deck: PptxInfo;
let figures: { role: string; alt?: string }[];

beforeAll(async () => {
  first = await build(FIXTURE, { date: '2026-03-01' });
  second = await build(FIXTURE, { date: '2026-03-01' });
  // pdfjs-dist after every build (its Path2D polyfill breaks chart.js in this process).
  const { readPdf } = await import('../helpers/pdf.js');
  pdf = await readPdf(first.pdf!);
  deck = await readPptx(first.pptx!);
  figures = await structureFigures(first.pdf!);
}, 120_000);

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

/** Every Figure element of the PDF's structure tree with its /Alt, page by page. */
async function structureFigures(bytes: Buffer): Promise<{ role: string; alt?: string }[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  const found: { role: string; alt?: string }[] = [];
  const walk = (node: StructNode): void => {
    if (node.role === 'Figure')
      found.push({ role: node.role, ...(node.alt !== undefined && { alt: node.alt }) });
    node.children?.forEach(walk);
  };
  for (let number = 1; number <= doc.numPages; number++) {
    const tree = (await (await doc.getPage(number)).getStructTree()) as StructNode | null;
    if (tree) walk(tree);
  }
  await doc.destroy();
  return found;
}

describe('images in the PDF', () => {
  it('embeds the PNG and the JPEG as image XObjects and draws the SVG as vectors', () => {
    expect(pdf.pages.reduce((sum, page) => sum + page.imageCount, 0)).toBe(2);
  });

  it('tags each picture as a Figure with the image alt text', () => {
    const alts = figures.map((f) => f.alt);
    for (const alt of Object.values(ALTS)) expect(alts).toContain(alt);
    // The chart is a Figure too, with its own alt text: every Figure has one.
    expect(figures).toHaveLength(4);
    expect(figures.every((f) => (f.alt ?? '').trim() !== '')).toBe(true);
  });

  it('numbers images with the chart and prints caption, credit and source line', () => {
    const lines = pdf.pages.flatMap((page) => page.lines.map((line) => line.text));
    for (const caption of CAPTIONS) expect(lines).toContain(caption);
    expect(lines).toContain('Drawing: briefkit example · Source: Made-up Survey Office [2]');
    expect(lines).toContain('Diagram: briefkit example');
    expect(lines).toContain('Drawing: briefkit example · Source: Test Publisher [1]');
  });
});

describe('the Sources list after the pictures', () => {
  it('never leaves its last entry alone on a page', () => {
    const page = pdf.pages.find((p) =>
      p.lines.some((line) => line.text.startsWith('2. Made-up Survey Office')),
    )!;
    expect(page.lines.map((line) => line.text)).toContain(
      '1. Test Publisher. Test fixture (not a real source).',
    );
  });
});

describe('images in the deck', () => {
  it('shows each image as a picture described by its alt text, with the same caption', () => {
    const pictures = deck.slides.flatMap((slide) =>
      slide.shapes.filter((s) => s.kind === 'pic').map((s) => ({ slide, shape: s })),
    );
    for (const [id, alt] of Object.entries(ALTS)) {
      const found = pictures.find((p) => p.shape.name === `Image ${id}`);
      expect(found?.shape.descr, id).toBe(alt);
      expect(found?.slide.layout).toBe('BRIEFKIT_CHART');
    }
    const text = deck.slides.flatMap((slide) => slide.text);
    for (const caption of CAPTIONS.slice(1)) expect(text).toContain(caption);
    expect(text).toContain('Drawing: briefkit example · Source: Made-up Survey Office [2]');
  });

  it('keeps every picture inside the slide body, aspect ratio as the file', () => {
    for (const slide of deck.slides) {
      for (const shape of slide.shapes.filter((s) => s.kind === 'pic')) {
        const box = shape.box!;
        expect(box.x).toBeGreaterThanOrEqual(0.4);
        expect(box.x + box.w).toBeLessThanOrEqual(13.333 - 0.4);
        expect(box.y + box.h).toBeLessThanOrEqual(7.5 - 0.6);
      }
    }
    const landscape = deck.slides.flatMap((s) => s.shapes).find((s) => s.name === 'Image landscape')!;
    expect(landscape.box!.w / landscape.box!.h).toBeCloseTo(800 / 450, 1);
  });

  it('stores the pictures as PNG and JPEG media parts with their content types', async () => {
    const media = deck.entries.filter((name) => name.startsWith('ppt/media/'));
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(2); // the PNG, the SVG drawn
    expect(media.filter((name) => name.endsWith('.jpeg') || name.endsWith('.jpg'))).toHaveLength(1);
    const zip = await JSZip.loadAsync(first.pptx!);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toMatch(/<Default Extension="png" ContentType="image\/png"\/>/);
    expect(types).toMatch(/<Default Extension="jpeg" ContentType="image\/jpeg"\/>/);
    // The JPEG goes in as it is, byte for byte.
    const jpeg = media.find((name) => name.endsWith('.jpeg'))!;
    const bytes = await zip.file(jpeg)!.async('nodebuffer');
    expect(sha256(bytes)).toBe(sha256(readFileSync('test/fixtures/images/pictures/landscape.jpg')));
  });
});

describe('images as inputs', () => {
  it('are hashed into the manifest, and the outputs are byte-reproducible', () => {
    for (const file of ['map.svg', 'process.png', 'landscape.jpg']) {
      const key = `test/fixtures/images/pictures/${file}`;
      expect(first.manifest.inputs[key], key).toBe(sha256(readFileSync(key)));
    }
    expect(sha256(first.pdf!)).toBe(sha256(second.pdf!));
    expect(sha256(first.pptx!)).toBe(sha256(second.pptx!));
  });

  describe('an edited picture rebuilds', () => {
    const dir = tempDir('briefkit-images-');

    it('is up to date until a picture changes', async () => {
      cpSync('test/fixtures/images', dir, { recursive: true });
      const file = path.join(dir, 'images-briefing.yaml');
      const args = ['build', file, '--out', path.join(dir, 'out'), '--date', '2026-03-01', '--json'];
      const run = async (): Promise<{ status: string; reason?: string }> => {
        const result = await runCliCaptured(args);
        expect(result.code, result.err).toBe(0);
        return (JSON.parse(result.out) as { briefings: { status: string; reason?: string }[] }).briefings[0]!;
      };
      expect((await run()).status).toBe('built');
      expect((await run()).status).toBe('skipped');
      const svg = path.join(dir, 'pictures/map.svg');
      writeFileSync(svg, readFileSync(svg, 'utf8').replace('North Town', 'North Village'));
      const third = await run();
      expect(third.status).toBe('built');
      expect(third.reason).toMatch(/map\.svg changed$/);
    }, 60_000);

    it('a picture deleted since the last build is not up to date: the build says it is missing', async () => {
      const file = path.join(dir, 'images-briefing.yaml');
      rmSync(path.join(dir, 'pictures/process.png'));
      const result = await runCliCaptured([
        'build',
        file,
        '--out',
        path.join(dir, 'out'),
        '--date',
        '2026-03-01',
      ]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(
        /images-briefing\.yaml:\d+:\d+ {2}images\[1\]\.file {2}image file not found/,
      );
    }, 60_000);
  });
});
