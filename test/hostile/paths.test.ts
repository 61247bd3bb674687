import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside, resolveInsideReal } from '../../src/briefing/paths.js';
import { BriefkitError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('briefkit-paths-');
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'assets', 'logo.png'), 'png');
symlinkSync('/etc/hostname', path.join(root, 'assets', 'escape.png'));

function refusal(work: () => unknown): BriefkitError {
  try {
    work();
  } catch (error) {
    if (error instanceof BriefkitError) return error;
    throw error;
  }
  throw new Error('the path was accepted');
}

describe('resolveInside: paths in a config, theme or briefing stay in the project', () => {
  it('resolves relative paths against the project folder', () => {
    expect(resolveInside(root, 'assets/logo.png')).toBe(path.join(root, 'assets', 'logo.png'));
    expect(resolveInside(root, './assets/../assets/logo.png')).toBe(path.join(root, 'assets', 'logo.png'));
    expect(resolveInside(root, path.join(root, 'assets'))).toBe(path.join(root, 'assets'));
  });

  it.each([
    ['../secrets.txt', /is outside the project folder/],
    ['assets/../../secrets.txt', /is outside the project folder/],
    ['/etc/passwd', /is outside the project folder/],
    ['file:///etc/passwd', /is a URL, not a file path/],
    ['https://example.org/logo.png', /is a URL, not a file path/],
    ['logo.png\0.svg', /contains a NUL character/],
    ['', /is empty/],
    ['   ', /is empty/],
  ])('refuses %j', (p, message) => {
    const error = refusal(() =>
      resolveInside(root, p, { what: 'logo', at: { file: 'theme.yaml', line: 3, column: 7, path: 'logo' } }),
    );
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.problems[0]).toMatchObject({
      file: 'theme.yaml',
      line: 3,
      column: 7,
      path: 'logo',
      message: expect.stringMatching(message),
      expected: 'a logo inside the project folder, written relative to it',
    });
  });

  it('refuses a value that is not text', () => {
    expect(refusal(() => resolveInside(root, 42, { what: 'font' })).problems[0]!.message).toBe(
      'the font is not a path but number',
    );
  });

  it('does not mistake a sibling folder with a common prefix for the project', () => {
    expect(() => resolveInside(root, `${root}-other/file`)).toThrow(BriefkitError);
  });

  it('follows symbolic links when asked, and refuses one that leads outside', async () => {
    await expect(resolveInsideReal(root, 'assets/logo.png')).resolves.toBe(
      path.join(root, 'assets', 'logo.png'),
    );
    await expect(resolveInsideReal(root, 'assets/escape.png', { what: 'logo' })).rejects.toThrow(
      /is a link to a file outside the project folder/,
    );
    // A file that does not exist yet is judged by its path; the caller reports it missing.
    await expect(resolveInsideReal(root, 'assets/new.png')).resolves.toBe(
      path.join(root, 'assets', 'new.png'),
    );
  });
});
