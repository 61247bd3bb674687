import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { clearCaches } from '../../src/cache/index.js';
import { openFont, openFontMetrics } from '../../src/theme/font-cache.js';
import { notoSans } from '../../src/theme/fonts.js';

/** A word shaped from the shaping table comes back as the table's run, script "Zyyy"; fontkit says "latn". */
const shapesFromTable = (font: object): boolean =>
  (font as { layout(text: string): { script: string } }).layout('Geneva').script === 'Zyyy';

describe('the parsed-font cache (theme/font-cache.ts)', () => {
  it('reads a bundled font once; its shaping table only when something shapes with it', async () => {
    clearCaches();
    const file = notoSans().bold;
    const metrics = await openFontMetrics(file);
    expect(shapesFromTable(metrics)).toBe(false);
    const shaping = await openFont(file);
    expect(shaping).toBe(metrics);
    expect(shapesFromTable(shaping)).toBe(true);
    expect(await openFontMetrics(file)).toBe(shaping);
  });

  it('attaches no shaping table in a deck-only build, and one for the report', async () => {
    clearCaches();
    const file = notoSans().regular;
    await build('data/geneva-2026-02-26.yaml', { formats: ['pptx'], date: '2026-03-02' });
    expect(shapesFromTable(await openFontMetrics(file))).toBe(false);
    await build('data/geneva-2026-02-26.yaml', { formats: ['pdf'], date: '2026-03-02' });
    expect(shapesFromTable(await openFontMetrics(file))).toBe(true);
  });
});
