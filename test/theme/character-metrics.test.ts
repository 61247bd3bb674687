import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheStats, clearCaches } from '../../src/cache/index.js';
import { openCharacterMetrics } from '../../src/theme/character-metrics.js';
import { notoSans, notoSerif } from '../../src/theme/fonts.js';

/**
 * The bundled fonts' character metrics, read back from the cache a build fills, say exactly
 * what fontkit says: which characters each face has, and their advances.
 */
const faces = [notoSans(), notoSerif()].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]);

describe('character metrics of the bundled fonts (theme/character-metrics.ts)', () => {
  it.each(faces.map((file) => [path.basename(file), file]))(
    "equal fontkit's character map and advances for every code point of %s",
    async (_name, file) => {
      clearCaches();
      const metrics = await openCharacterMetrics(file);
      // From the table: the font itself was not parsed.
      expect(cacheStats().find((c) => c.name === 'parsed fonts')?.size).toBe(0);
      const fontkit = await import('fontkit');
      const font = fontkit.create(readFileSync(file)) as unknown as {
        characterSet: number[];
        unitsPerEm: number;
        hasGlyphForCodePoint(cp: number): boolean;
        glyphForCodePoint(cp: number): { advanceWidth: number };
      };
      const wrong: number[] = [];
      for (let cp = 0; cp <= 0x2ffff; cp++)
        if (metrics.has(cp) !== font.hasGlyphForCodePoint(cp)) wrong.push(cp);
      for (const cp of [...font.characterSet, 0xe0001, 0xf0000, 0x10ffff]) {
        const expected = font.hasGlyphForCodePoint(cp)
          ? font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm
          : undefined;
        if (metrics.has(cp) !== font.hasGlyphForCodePoint(cp) || metrics.advance(cp) !== expected)
          wrong.push(cp);
      }
      expect(wrong).toEqual([]);
    },
  );
});
