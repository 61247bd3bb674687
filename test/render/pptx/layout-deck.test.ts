import { describe, expect, it } from 'vitest';
import type { Block, Inline, Slide } from '../../../src/document/types.js';
import { BODY_BOX, SLIDE_NUMBER, TITLE_BOX } from '../../../src/render/pptx/geometry.js';
import { layoutDeck } from '../../../src/render/pptx/layout-deck.js';
import type { DeckModel, SlideElement, TextElement } from '../../../src/render/pptx/slide-model.js';
import type { TextMeasurer } from '../../../src/render/pptx/text/measure.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { sampleChartAssets, sampleDeckDoc } from '../../fixtures/sample-deck-doc.js';

/*
 * The deck's layout as data: layoutDeck returns the slide model without pptxgenjs, so
 * positions are asserted here with a fixed measurer (every character half an em wide:
 * 9 pt at 18 pt) and no package at all.
 */
const halfEm: TextMeasurer = { width: (text, size) => Array.from(text).length * size * 0.5 };
const theme = defaultTheme();
const t = (text: string): Inline => ({ type: 'text', text });
const words = (count: number): string => Array.from({ length: count }, () => 'word').join(' ');
const paragraph = (text: string): Block => ({ type: 'paragraph', children: [t(text)] });

function deckOf(slides: Slide[]): DeckModel {
  return layoutDeck({ ...sampleDeckDoc(), slides }, sampleChartAssets(), theme, { charts: 'native' }, halfEm);
}

const content = (title: string, blocks: Block[]): Slide => ({
  layout: 'content',
  title: [t(title)],
  blocks,
  notes: [],
  citations: [],
});
const textBoxes = (elements: readonly SlideElement[]): TextElement[] =>
  elements.filter((element): element is TextElement => element.kind === 'text');
const textOf = (element: TextElement): string =>
  element.paragraphs.map((p) => p.runs.map((run) => run.text).join('')).join('\n');

describe('deck layout as a slide model (half-em measurer)', () => {
  it('puts the title in the master’s title box and the body at the top of the body box', () => {
    // 97 characters fit in the body's 873.6 pt at 18 pt: 19 words of 4 and their spaces (94), not 20 (99).
    const deck = deckOf([content('Geneva', [paragraph(words(40))])]);
    expect(deck.slides).toHaveLength(1);
    const [title, body] = textBoxes(deck.slides[0]!.elements);
    expect(title!.placeholder).toBe('title');
    expect(title!.box).toEqual(TITLE_BOX);
    expect(title!.paragraphs[0]!.size).toBe(theme.deck.titleSize);
    expect(title!.fit).toEqual({ shrunk: false, truncated: false });
    const size = theme.deck.bodySize;
    const lineHeight = Math.round(size * 1.2 * 10) / 10;
    const perLine = Math.floor((BODY_BOX.w * 72 + 0.5 * size) / (5 * 0.5 * size));
    const lines = Math.ceil(40 / perLine);
    expect(body!.box.x).toBe(BODY_BOX.x);
    expect(body!.box.y).toBe(BODY_BOX.y);
    expect(body!.box.w).toBe(BODY_BOX.w);
    expect(body!.box.h * 72).toBeCloseTo(lines * lineHeight + Math.round(size * 0.5), 6);
    expect(textOf(body!)).toBe(words(40));
  });

  it('continues a long body on "(cont.)" slides of the same IR slide, at the first body size', () => {
    const blocks = Array.from({ length: 24 }, (_, i) => paragraph(`${i + 1} ${words(30)}`));
    const deck = deckOf([content('Intro', [paragraph('one')]), content('Long', blocks)]);
    const long = deck.slides.filter((slide) => slide.source === 1);
    expect(long.length).toBeGreaterThan(2);
    expect(long.map((slide) => slide.continuation)).toEqual(long.map((_, i) => i));
    expect(long.every((slide) => slide.fit === undefined)).toBe(true);
    long.slice(1).forEach((slide) => {
      expect(textOf(textBoxes(slide.elements)[0]!)).toMatch(/^Long \(cont\.\)$/);
      expect(slide.notes).toMatch(/^\(cont\.\) /);
    });
    // Every paragraph is on exactly one slide, in order, and no body box leaves the body area.
    const bodies = long.flatMap((slide) =>
      textBoxes(slide.elements).filter((e) => !e.placeholder && e.box.y < 6),
    );
    const numbers = bodies.flatMap((e) => e.paragraphs.map((p) => Number(/^\d+/.exec(p.runs[0]!.text)?.[0])));
    expect(numbers.filter((n) => !Number.isNaN(n))).toEqual(blocks.map((_, i) => i + 1));
    for (const box of bodies)
      expect(box.box.y + box.box.h).toBeLessThanOrEqual(BODY_BOX.y + BODY_BOX.h + 1e-9);
  });

  it('sets a body that fits one slide only at the smaller size smaller, and says so', () => {
    // Too long for one slide at 18 pt, short enough at 16 pt.
    const deck = deckOf([
      content(
        'Dense',
        Array.from({ length: 5 }, () => paragraph(words(60))),
      ),
    ]);
    expect(deck.slides).toHaveLength(1);
    expect(deck.slides[0]!.fit).toEqual({ shrunk: true, truncated: false });
    expect(textBoxes(deck.slides[0]!.elements)[1]!.paragraphs[0]!.size).toBe(theme.deck.bodySize - 2);
  });

  it('cuts a title that fits no step, and records it', () => {
    const deck = deckOf([content(words(60), [paragraph('x')])]);
    const title = textBoxes(deck.slides[0]!.elements)[0]!;
    expect(title.fit).toEqual({ shrunk: true, truncated: true });
    expect(textOf(title)).toMatch(/…$/);
  });

  it('defines one master per layout family, with the furniture as boxes', () => {
    const deck = deckOf([content('x', [])]);
    expect(deck.masters.map((m) => m.name).sort()).toEqual([
      'BRIEFKIT_CHART',
      'BRIEFKIT_CONTENT',
      'BRIEFKIT_KEY_FIGURES',
      'BRIEFKIT_QUOTE',
      'BRIEFKIT_SECTION',
      'BRIEFKIT_SOURCES',
      'BRIEFKIT_TITLE',
      'BRIEFKIT_TWO_COLUMN',
    ]);
    const master = deck.masters.find((m) => m.name === 'BRIEFKIT_CONTENT')!;
    expect(master.elements.find((e) => e.kind === 'placeholder')?.box).toEqual(TITLE_BOX);
    expect(master.slideNumber?.box).toEqual(SLIDE_NUMBER);
    expect(deck.masters.find((m) => m.name === 'BRIEFKIT_TITLE')!.slideNumber).toBeUndefined();
  });
});
