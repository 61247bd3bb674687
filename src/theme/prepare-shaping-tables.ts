import { readFile } from 'node:fs/promises';
import { BUNDLED_FAMILIES } from './fonts.js';
import { loadShapingTable } from './shaping-table-cache.js';

/**
 * Builds the shaping tables of the bundled fonts into the cache (scripts/bundle.mjs runs
 * it), so that no build pays for them. Returns how many faces have a table.
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
  return { faces: files.length, tables: tables.filter(Boolean).length };
}
