import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build/build.js';
import { createTextFitter } from '../../src/document/text-fallback.js';
import { readPdf } from '../helpers/pdf.js';
import { readPptx } from '../helpers/pptx.js';
import { GENERIC_TEMPLATES, hostile } from './helpers.js';

describe('text from anywhere', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await build(hostile('text-from-anywhere.yaml'), {
      templatesDir: GENERIC_TEMPLATES,
      date: '2026-03-01',
    });
  });

  it('prints Ukrainian, Greek and combining characters, and one visible mark per emoji, in the PDF', async () => {
    const pdf = await readPdf(result.pdf!);
    const text = pdf.pages
      .map((page) => page.lines.map((line) => line.text).join(' '))
      .join(' ')
      .normalize('NFC');
    expect(text).toContain(
      'Ukrainian Київ, Їжак, ґанок; Greek Αθήνα; combining é and q\u0301; emoji � and �;',
    );
    expect(text).toContain('First section �');
  });

  it('prints the same text in the deck', async () => {
    const deck = await readPptx(result.pptx!);
    const text = deck.slides.map((slide) => [...slide.text, slide.notes].join(' ')).join(' ');
    expect(text).toContain(
      'Ukrainian Київ, Їжак, ґанок; Greek Αθήνα; combining é and q\u0301; emoji � and �;',
    );
    expect(text).toContain('First section �');
  });

  it('warns where each character that cannot be shown was, naming it', () => {
    expect(result.result.warnings).toEqual([
      expect.objectContaining({
        line: 5,
        path: 'summary',
        message: expect.stringContaining(
          '"🚀" (U+1F680), "👨‍👩‍👧" (U+1F468 U+200D U+1F469 U+200D U+1F467) cannot be shown in the font Noto Sans',
        ),
      }),
      expect.objectContaining({
        line: 17,
        path: 'sections[0].title',
        message: expect.stringContaining('"🇺🇦" (U+1F1FA U+1F1E6)'),
      }),
    ]);
  });
});

describe('createTextFitter', () => {
  const latinOnly = createTextFitter((cp) => cp < 0x0250 || cp === 0xfffd || cp === 0x0301);

  it('replaces whole graphemes, so a flag or a family is one mark', () => {
    expect(latinOnly.fit('a 🇺🇦 b 👨‍👩‍👧 c')).toEqual({ text: 'a � b � c', replaced: ['🇺🇦', '👨‍👩‍👧'] });
  });

  it('composes (NFC) before judging, and keeps combining marks the font has', () => {
    expect(latinOnly.fit('e\u0301 q\u0301').text).toBe('é q\u0301');
  });

  it('drops invisible characters the font lacks instead of marking them', () => {
    expect(latinOnly.fit('a\u2060b\ufe0f')).toEqual({ text: 'ab', replaced: [] });
  });

  it('fits a million characters sprinkled with emoji in well under the time limit', () => {
    const text = `${'word '.repeat(20)}🚀 `.repeat(10_000);
    const started = performance.now();
    expect(latinOnly.fit(text).text).toHaveLength(text.length - 10_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('shows control characters as control pictures when the font has them', () => {
    const withPictures = createTextFitter((cp) => cp < 0x0250 || (cp >= 0x2400 && cp <= 0x2426));
    expect(withPictures.fit('bell\u0007 tab\tok')).toEqual({
      text: 'bell\u2407 tab\tok',
      replaced: ['\u0007'],
    });
  });
});
