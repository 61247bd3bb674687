import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256, sha256OfFile } from '../../src/build/hash.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('briefkit-hash-');

describe('sha256OfFile', () => {
  it('hashes a file, and again once it changes, even to bytes of the same length', async () => {
    const file = path.join(dir, 'theme.yaml');
    writeFileSync(file, 'colors: red');
    expect(await sha256OfFile(file)).toBe(sha256('colors: red'));
    writeFileSync(file, 'colors: tan');
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(await sha256OfFile(file)).toBe(sha256('colors: tan'));
  });

  it('fails for a missing file, as reading it would', async () => {
    await expect(sha256OfFile(path.join(dir, 'nope.ttf'))).rejects.toThrow(/ENOENT/);
  });
});
