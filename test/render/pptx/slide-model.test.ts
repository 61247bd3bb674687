import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/build/build.js';
import type { DeckModel, SlideElement } from '../../../src/render/pptx/slide-model.js';
import { readPptx, type PptxInfo, type ShapeInfo } from '../../helpers/pptx.js';

const GENEVA = path.resolve('data/geneva-2026-02-26.yaml');

/** The XML's kind of shape for a model element: what the painter must have written. */
function xmlKind(element: SlideElement): ShapeInfo['kind'] {
  switch (element.kind) {
    case 'text':
    case 'label':
    case 'shape':
      return 'sp';
    case 'picture':
      return 'pic';
    case 'chart':
      return 'chart';
    case 'table':
      return 'table';
  }
}

/**
 * The preview draws the slide model; this checks that the model is what the file
 * contains: every shape of every Geneva slide, in order, at the model's position and size.
 */
describe('slide model ↔ PPTX XML (Geneva)', () => {
  let model: DeckModel;
  let deck: PptxInfo;

  beforeAll(async () => {
    const result = await build(GENEVA, { formats: ['pptx'], date: '2026-02-27', config: false });
    model = result.result.deckModel!;
    deck = await readPptx(result.pptx!);
  }, 60_000);

  it('has one model slide per slide of the file, with its notes', () => {
    expect(model.slides.length).toBe(deck.slides.length);
    model.slides.forEach((slide, index) => {
      expect(deck.slides[index]!.layout).toBe(slide.master);
      expect(deck.slides[index]!.notes.replace(/\s+/g, ' ').trim()).toBe(
        slide.notes.replace(/\s+/g, ' ').trim(),
      );
    });
  });

  it('places every shape where the model says (a:off, a:ext)', () => {
    let compared = 0;
    model.slides.forEach((slide, index) => {
      // pptxgenjs writes the master's slide number on each slide as a placeholder of its own.
      const all = deck.slides[index]!.shapes;
      const shapes = all.filter((shape) => shape.placeholder !== 'sldNum');
      const number = model.masters.find((master) => master.name === slide.master)?.slideNumber;
      const numbers = all.filter((shape) => shape.placeholder === 'sldNum');
      expect(numbers.length, `slide ${index + 1} number`).toBe(number ? 1 : 0);
      if (number) expect(numbers[0]!.box!.x).toBeCloseTo(number.box.x, 4);
      expect(
        shapes.map((shape) => shape.kind),
        `slide ${index + 1}`,
      ).toEqual(slide.elements.map(xmlKind));
      slide.elements.forEach((element, n) => {
        const box = shapes[n]!.box!;
        // EMUs are whole numbers: 1/914400 inch.
        expect(box.x, `slide ${index + 1} shape ${n + 1} x`).toBeCloseTo(element.box.x, 4);
        expect(box.y, `slide ${index + 1} shape ${n + 1} y`).toBeCloseTo(element.box.y, 4);
        expect(box.w, `slide ${index + 1} shape ${n + 1} w`).toBeCloseTo(element.box.w, 4);
        expect(box.h, `slide ${index + 1} shape ${n + 1} h`).toBeCloseTo(element.box.h, 4);
        compared += 1;
      });
    });
    expect(compared).toBeGreaterThan(50);
  });

  it('writes the text of every text box as the model holds it', () => {
    model.slides.forEach((slide, index) => {
      const shapes = deck.slides[index]!.shapes.filter((shape) => shape.placeholder !== 'sldNum');
      slide.elements.forEach((element, n) => {
        if (element.kind !== 'text') return;
        const model = element.paragraphs.map((p) => p.runs.map((run) => run.text).join(''));
        expect(shapes[n]!.paragraphs.join('\n').replace(/\s+/g, ' ').trim()).toBe(
          model.join('\n').replace(/\s+/g, ' ').trim(),
        );
      });
    });
  });
});
