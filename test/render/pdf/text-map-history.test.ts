import { describe, expect, it } from 'vitest';
import { build } from '../../../src/build/build.js';
import { clearCaches } from '../../../src/cache/index.js';
import { readPdf } from '../../helpers/pdf.js';

/**
 * Fonts are parsed once per process and shared by every document it builds (watch, the
 * API, batch workers). A document's text map (what copying, search and screen readers
 * get) must depend on that document alone: once, an earlier document whose subset copied
 * composite glyphs ("ǹ" is "n" and a grave accent) made "n" read "ǹ" and "`" vanish.
 */
const options = { date: '2026-03-01', config: false, formats: ['pdf'] } as const;
const ACCENTS = 'test/fixtures/text-map/grave-accents.yaml';
const BACKTICKS = 'test/fixtures/text-map/backticks.yaml';

describe('the PDF text map does not depend on documents built before it', () => {
  it('gives the same bytes after a document with composite glyphs as in a fresh process', async () => {
    clearCaches();
    const fresh = (await build(BACKTICKS, options)).pdf!;
    clearCaches();
    await build(ACCENTS, options);
    const after = (await build(BACKTICKS, options)).pdf!;
    expect(Buffer.compare(after, fresh)).toBe(0);
    const pdf = await readPdf(after);
    const text = pdf.pages.map((page) => page.lines.map((line) => line.text).join(' ')).join(' ');
    expect(text).toContain('Some `not code` here and ` alone.');
  });
});
