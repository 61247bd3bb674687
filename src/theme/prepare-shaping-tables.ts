import { readFile } from 'node:fs/promises';
import { openCharacterMetrics } from './character-metrics.js';
import { BUNDLED_FAMILIES } from './fonts.js';
import { loadShapingTable } from './shaping-table-cache.js';

/**
 * Builds the shaping tables and character metrics of the bundled fonts into the cache
 * (scripts/bundle.mjs runs it), so that no build pays for them. Returns how many faces have a table.
 */
export async function prepareShapingTables(): Promise<{ faces: number; tables: number }> {
  const files = [
    ...new Set(
      Object.values(BUNDLED_FAMILIES).flatMap((family) => {
        const f = family();
        return [f.regular, f.bold, f.italic, f.boldItalic];
      }),
    ),
  ];
  const fontkit = await import('fontkit');
  const tables = await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file);
      const { numGlyphs } = fontkit.create(bytes) as unknown as { numGlyphs: number };
      return loadShapingTable(file, bytes, numGlyphs);
    }),
  );
  // And their character metrics (theme/character-metrics.ts), which a deck-only build reads instead of fontkit.
  await Promise.all(files.map(openCharacterMetrics));
  return { faces: files.length, tables: tables.filter(Boolean).length };
}
