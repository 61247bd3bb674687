import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../../src/index.js';
import { isBriefkitError, type Problem } from '../../src/errors.js';
import { runCliCaptured } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Every bad image is a located error (issue 15: "an image that is missing, too large, not
 * an image, or outside the project"): the file, line and data path of the image's `file:`
 * (or of the section's list), what is wrong and what was expected; never a stack trace.
 * Each case is a briefing in its own folder (outside the working folder, so the project
 * folder its images must stay in is that folder).
 */
const root = tempDir('briefkit-bad-images-');

const PICTURES = path.resolve('test/fixtures/images/pictures');
let count = 0;

interface Case {
  images?: Record<string, unknown>[];
  sectionImages?: string[];
  files?: Record<string, Buffer | string>;
  /** Run in the folder: links, FIFOs. */
  prepare?: (dir: string) => void;
}

function briefingIn({ images, sectionImages, files = {}, prepare }: Case): string {
  const project = path.join(root, `case-${++count}`);
  const dir = path.join(project, 'briefing');
  mkdirSync(path.join(dir, 'pictures'), { recursive: true });
  for (const name of ['map.svg', 'process.png', 'landscape.jpg'])
    copyFileSync(path.join(PICTURES, name), path.join(dir, 'pictures', name));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  prepare?.(dir);
  const value = {
    title: 'Bad images',
    date: '2026-03-01',
    summary: 'Made up for the tests.',
    images: images ?? [{ id: 'map', file: 'pictures/map.svg', alt: 'A map.', caption: 'A map' }],
    sections: [
      {
        id: 's',
        title: 'S',
        summary: 'S.',
        images: sectionImages ?? (images ?? [{ id: 'map' }]).map((i) => i.id),
      },
    ],
    sources: [{ id: 'src', publisher: 'Test' }],
  };
  const file = path.join(dir, 'b.yaml');
  writeFileSync(file, stringify(value));
  return file;
}

async function problemsOf(file: string): Promise<Problem[]> {
  try {
    await build(file, { date: '2026-03-01', config: false });
  } catch (error) {
    if (!isBriefkitError(error)) throw error;
    return [...error.problems];
  }
  throw new Error(`${file} built`);
}

/** One image whose `file` is `written`, plus the files and preparation given. */
const oneImage = (written: string, extra: Omit<Case, 'images'> = {}): Case => ({
  images: [{ id: 'pic', file: written, alt: 'A picture.', caption: 'A picture' }],
  ...extra,
});

async function expectFileProblem(c: Case, message: RegExp, expected?: RegExp): Promise<Problem> {
  const file = briefingIn(c);
  const problems = await problemsOf(file);
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  const [problem] = problems as [Problem];
  expect(problem.file).toBe(file);
  expect(problem.path).toBe('images[0].file');
  expect(problem.line).toBe(
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('file: ')) + 1,
  );
  expect(problem.message).toMatch(message);
  if (expected) expect(problem.expected).toMatch(expected);
  return problem;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG header that claims `width` × `height` pixels, and nothing behind it. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([PNG_SIGNATURE, ihdr]);
}

describe('bad images are located errors', () => {
  it('a missing file', async () => {
    await expectFileProblem(oneImage('pictures/nope.png'), /image file not found: .*pictures\/nope\.png/);
  });

  it('a file over the size limit, refused from its size before it is read', async () => {
    const big = Buffer.concat([
      readFileSync(path.join(PICTURES, 'process.png')),
      Buffer.alloc(11 * 1024 * 1024),
    ]);
    await expectFileProblem(
      oneImage('big.png', { files: { 'big.png': big } }),
      /the image is 11\.0 MB/,
      /at most 10 MB/,
    );
  });

  it('a file that is no image at all, whatever its name', async () => {
    await expectFileProblem(
      oneImage('notes.png', { files: { 'notes.png': 'just some text\n' } }),
      /not a PNG, JPEG or SVG image/,
    );
  });

  it('bytes that do not match the name (a JPEG named .png)', async () => {
    const jpeg = readFileSync(path.join(PICTURES, 'landscape.jpg'));
    await expectFileProblem(
      oneImage('photo.png', { files: { 'photo.png': jpeg } }),
      /is a JPEG but its name ends "\.png"/,
      /\.jpg or \.jpeg/,
    );
  });

  it('a path outside the project folder, or a URL', async () => {
    await expectFileProblem(
      oneImage('../../outside.png'),
      /"\.\.\/\.\.\/outside\.png" is outside the project folder/,
    );
    await expectFileProblem(oneImage('/etc/passwd.png'), /is outside the project folder/);
    await expectFileProblem(oneImage('https://example.com/a.png'), /is a URL, not a file path/);
  });

  it('a link inside the project that leads out of it', async () => {
    const outside = path.join(root, 'outside.png');
    copyFileSync(path.join(PICTURES, 'process.png'), outside);
    await expectFileProblem(
      oneImage('linked.png', { prepare: (dir) => symlinkSync(outside, path.join(dir, 'linked.png')) }),
      /is a link to a file outside the project folder/,
    );
  });

  it('a FIFO or a folder, never waited on', async () => {
    await expectFileProblem(
      oneImage('pipe.png', { prepare: (dir) => execFileSync('mkfifo', [path.join(dir, 'pipe.png')]) }),
      /named pipe \(FIFO\), not a regular file/,
    );
    await expectFileProblem(
      oneImage('folder.png', { prepare: (dir) => mkdirSync(path.join(dir, 'folder.png')) }),
      /folder, not a regular file/,
    );
  });

  it('a PNG whose header claims too many pixels (a decompression bomb), refused before decoding', async () => {
    await expectFileProblem(
      oneImage('bomb.png', { files: { 'bomb.png': pngHeader(20_000, 20_000) } }),
      /20,000 × 20,000 pixels/,
      /at most 16,777,216 pixels/,
    );
  });

  it('a damaged PNG', async () => {
    const png = readFileSync(path.join(PICTURES, 'process.png'));
    await expectFileProblem(
      oneImage('cut.png', { files: { 'cut.png': png.subarray(0, 200) } }),
      /cannot be read/,
    );
  });

  it('an SVG that links to a file', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="/etc/x.png"/></svg>';
    await expectFileProblem(
      oneImage('linking.svg', { files: { 'linking.svg': svg } }),
      /the SVG links to "\/etc\/x\.png"/,
    );
  });

  it('an extension that is no image format, from the schema', async () => {
    const file = briefingIn(oneImage('movie.gif'));
    const [problem] = await problemsOf(file);
    expect(problem).toMatchObject({ path: 'images[0].file' });
    expect(problem!.expected ?? problem!.message).toMatch(/\.png, \.jpg, \.jpeg or \.svg/);
  });

  it('duplicate ids, and an unknown id in a section with a did-you-mean', async () => {
    const image = { file: 'pictures/map.svg', alt: 'A map.', caption: 'A map' };
    const file = briefingIn({
      images: [
        { id: 'map', ...image },
        { id: 'map', ...image },
      ],
      sectionImages: ['mpa'],
    });
    const problems = await problemsOf(file);
    expect(problems.map((p) => p.path)).toEqual(['images[1].id', 'sections[0].images[0]']);
    expect(problems[0]!.message).toBe('duplicate id "map", already used by images[0]');
    expect(problems[1]!.message).toBe('unknown image id "mpa" (did you mean "map"?)');
    expect(problems.every((p) => p.line !== undefined)).toBe(true);
  });

  it('are reported by validate as by build, with exit code 1', async () => {
    const file = briefingIn(oneImage('pictures/nope.png'));
    const result = await runCliCaptured(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/b\.yaml:\d+:\d+ {2}images\[0\]\.file {2}image file not found/);
  });
});

describe('good images validate and build outside the working folder', () => {
  it('an image next to the briefing builds', async () => {
    const file = briefingIn({});
    const result = await build(file, { date: '2026-03-01', config: false, formats: ['pdf'] });
    expect(result.pdf!.length).toBeGreaterThan(1000);
    expect((await runCliCaptured(['validate', file])).code).toBe(0);
  });
});
