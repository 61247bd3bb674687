import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf, type ReadPdf } from '../helpers/pdf.js';
import { readPptx, type PptxInfo } from '../helpers/pptx.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A project whose config names a templates folder holding only report.md.hbs and
 * deck.md.hbs: "territory" moved before "attack", "humanitarian" left out. The partials
 * still come from briefkit, file by file; the contents and the agenda follow the order.
 */
const project = tempDir('briefkit-templates-');
let pdf: ReadPdf;
let deck: PptxInfo;
let inputs: string[];

beforeAll(async () => {
  mkdirSync(path.join(project, 'data'));
  cpSync('data/geneva-2026-02-26.yaml', path.join(project, 'data/geneva.yaml'));
  cpSync('test/fixtures/templates/reorder', path.join(project, 'templates'), { recursive: true });
  writeFileSync(path.join(project, 'briefkit.config.yaml'), 'templates: templates\nout: output\n');
  const result = await runCliCaptured([
    'build',
    path.join(project, 'data/geneva.yaml'),
    '--date',
    '2026-02-27',
  ]);
  expect(result.code, result.err).toBe(0);
  pdf = await readPdf(readFileSync(path.join(project, 'output/geneva.pdf')));
  deck = await readPptx(readFileSync(path.join(project, 'output/geneva.pptx')));
  const manifest = JSON.parse(readFileSync(path.join(project, 'output/geneva.manifest.json'), 'utf8')) as {
    inputs: Record<string, string>;
  };
  inputs = Object.keys(manifest.inputs);
}, 60_000);

const expected = [
  'Who met in Geneva, and why Geneva',
  'Territory, the central blockage',
  'The overnight attack',
  'Reconstruction and the scale problem',
  'Security guarantees and who gives what first',
  'The negotiating rounds so far',
];
const dropped = 'Prisoners and the return of remains';

describe('a templates folder that reorders two sections and drops one', () => {
  it('changes the PDF contents page and outline to the new order', () => {
    const lines = pdf.pages[1]!.lines.map((line) => line.text);
    const contents = lines.slice(lines.indexOf('Contents'));
    expect(contents.length).toBeGreaterThan(expected.length);
    const listed = contents.map((text) => text.replace(/^\d+\s+/, '').replace(/\s*\d+$/, ''));
    const positions = expected.map((title) => listed.indexOf(title));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(listed).not.toContain(dropped);
    const outline = pdf.outline.filter((o) => o.level === 1).map((o) => o.title.replace(/^\d+\s+/, ''));
    expect(outline.filter((title) => expected.includes(title))).toEqual(expected);
    expect(outline).not.toContain(dropped);
  });

  it('changes the deck agenda and slides to the new order', () => {
    const agenda = deck.slides.find((slide) => slide.title === 'Agenda')!;
    const items = agenda.text.filter((text) => text !== 'Agenda');
    expect(items.filter((item) => expected.includes(item))).toEqual(expected);
    expect(items).not.toContain(dropped);
    expect(deck.slides.some((slide) => slide.title.startsWith(dropped))).toBe(false);
  });

  it('reads the two templates from the folder and the partials from briefkit', () => {
    const templates = inputs.filter((input) => input.endsWith('.hbs'));
    const fromProject = templates.filter((input) => input.includes(path.basename(project)));
    expect(fromProject.map((input) => path.basename(input))).toEqual(['report.md.hbs', 'deck.md.hbs']);
    expect(templates.filter((input) => !fromProject.includes(input))).toEqual([
      'templates/partials/meeting.hbs',
      'templates/partials/people.hbs',
      'templates/partials/section.hbs',
      'templates/partials/slide-section.hbs',
    ]);
  });
});
