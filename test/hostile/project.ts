import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp.js';

/** A small valid briefing (one figure, one chart, one source). */
export const VALID = readFileSync('test/fixtures/hostile/valid.yaml', 'utf8');

/**
 * A throwaway project folder with the given files (relative path → text); returns its
 * path. Removed when the test ends (test/helpers/temp.ts).
 */
export function project(files: Record<string, string> = {}): string {
  const dir = tempDir('briefkit-r2-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** A 1×1 PNG whose header claims `width` × `height` pixels. */
export function pngClaiming(width: number, height: number): Buffer {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}
