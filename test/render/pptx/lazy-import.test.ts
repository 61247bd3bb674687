import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../src/render/pptx/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(path.join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [path.join(dir, entry.name)]
        : [],
  );
}

/**
 * pptxgenjs, jszip and fontkit load only when a deck is rendered: the deck renderer
 * may import their types, never their code, at the top of a module.
 */
describe('deck renderer imports', () => {
  it('imports pptxgenjs, jszip and fontkit lazily', () => {
    const offenders = sources(root).flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '(pptxgenjs|jszip|fontkit)';/gm),
      ].map((match) => `${path.relative(root, file)}: ${match[1]}`),
    );
    expect(offenders).toEqual([]);
  });
});
