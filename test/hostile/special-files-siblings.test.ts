import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSharedPackage } from '../../src/config/shared-package.js';
import { readBoundedSync } from '../../src/read-bounded.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Finding 10's siblings: files briefkit reads that are not briefing inputs, a shared theme
 * package's package.json, must not hang on a FIFO planted in their place.
 * (A FIFO open for reading blocks until a writer comes; these tests have none.)
 */
const dir = tempDir('briefkit-fifo-');

describe('special files in places briefkit reads without a briefing', () => {
  it('readBoundedSync refuses a FIFO, a folder and an oversized file at once', () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(readBoundedSync(fifo, 1000)).toBeUndefined();
    expect(readBoundedSync(dir, 1000)).toBeUndefined();
    writeFileSync(path.join(dir, 'big'), 'x'.repeat(2000));
    expect(readBoundedSync(path.join(dir, 'big'), 1000)).toBeUndefined();
    writeFileSync(path.join(dir, 'small'), 'hello');
    expect(readBoundedSync(path.join(dir, 'small'), 1000)?.toString()).toBe('hello');
  });

  it('a shared theme package whose package.json is a FIFO falls back to theme.yaml', () => {
    const root = path.join(dir, 'project', 'node_modules', '@org', 'house-theme');
    mkdirSync(root, { recursive: true });
    execFileSync('mkfifo', [path.join(root, 'package.json')]);
    const found = findSharedPackage('@org/house-theme', path.join(dir, 'project'), 'theme');
    expect(found?.target).toBe(path.join(root, 'theme.yaml'));
  });
});
