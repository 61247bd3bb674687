import { copyFileSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { sha256 } from '../../src/build/hash.js';
import { clearCaches } from '../../src/cache/index.js';
import { openFont } from '../../src/theme/font-cache.js';
import { createHouseProject } from '../theme/house-project.js';

/**
 * watch and the API build many times in one process. A font file edited in between must
 * be the one both outputs use and the manifest names: once the parsed font was cached by
 * path alone, and the PDF kept the old font while the manifest recorded the new hash.
 */
const require = createRequire(import.meta.url);
const serif = path.dirname(require.resolve('@expo-google-fonts/noto-serif/package.json'));
const house = createHouseProject();
afterAll(() => rmSync(house, { recursive: true, force: true }));

const data = path.join(house, 'data/briefing.yaml');
const regular = path.join(house, 'fonts/House-Regular.ttf');
const bold = path.join(house, 'fonts/House-Bold.ttf');
const options = { formats: ['pdf'] as const, date: '2026-03-02' };
/** The PostScript names of the fonts a PDF embeds (subset prefix dropped). */
const embedded = (pdf: Buffer) =>
  [
    ...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]!)),
  ].sort();

/** Replaces a file's content and moves its modification time on, as an editor's save does. */
function replace(file: string, source: string, secondsLater: number): void {
  copyFileSync(source, file);
  const later = new Date(Date.now() + secondsLater * 1000);
  utimesSync(file, later, later);
}

describe('an edited font file in a long-running process', () => {
  it('is parsed again: openFont keys on the file and its stamp', async () => {
    const before = await openFont(regular);
    expect(before.familyName).toBe('Noto Sans');
    replace(regular, path.join(serif, '400Regular/NotoSerif_400Regular.ttf'), 5);
    const after = await openFont(regular);
    expect(after.familyName).toBe('Noto Serif');
    expect(await openFont(regular)).toBe(after);
  });

  it('is the font the PDF embeds and the manifest hashes, as a cold process would build it', async () => {
    replace(
      regular,
      path.join(
        path.dirname(require.resolve('@expo-google-fonts/noto-sans/package.json')),
        '400Regular/NotoSans_400Regular.ttf',
      ),
      10,
    );
    const first = await build(data, options);
    expect(embedded(first.pdf!)).toContain('NotoSans-Bold');

    replace(regular, path.join(serif, '400Regular/NotoSerif_400Regular.ttf'), 20);
    replace(bold, path.join(serif, '700Bold/NotoSerif_700Bold.ttf'), 20);
    const warm = await build(data, options);
    expect(embedded(warm.pdf!).filter((name) => name.startsWith('NotoSans'))).toEqual([]);
    const inputs = Object.entries(warm.manifest.inputs);
    expect(inputs.find(([file]) => file.endsWith('House-Bold.ttf'))?.[1]).toBe(sha256(readFileSync(bold)));

    clearCaches();
    const cold = await build(data, options);
    expect(warm.pdf!.equals(cold.pdf!)).toBe(true);
  });
});
