import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { DATA_LIMITS } from '../briefing/limits.js';
import { parseBriefingBytes } from '../briefing/load.js';
import { isInside, realPathOfNearest } from '../briefing/paths.js';
import { displayPath } from '../display-path.js';
import { notAFileMessage, readBounded } from '../read-bounded.js';
import type { ImageFileRead, ImageFiles } from './types.js';

const MB = 1024 * 1024;

/**
 * The folder image paths must stay inside: the project folder (the config's folder, else
 * the working folder) when the briefing lies in it, else the briefing's own folder. A
 * briefing can then show pictures next to it, but never make a build read (and embed in
 * a PDF) a file from elsewhere on the machine.
 */
export async function imageRootFor(briefingFile: string, projectRoot: string): Promise<string> {
  const realRoot = await realpath(projectRoot).catch(() => path.resolve(projectRoot));
  const briefing = await realPathOfNearest(briefingFile);
  return isInside(realRoot, briefing) ? realRoot : path.dirname(briefing);
}

/**
 * Reads every image file a parsed (not yet validated) briefing names under `images:`,
 * once, in the load stage: each path relative to the briefing, confined to `root` (links
 * followed), a regular file of at most DATA_LIMITS.imageBytes, all of them together at
 * most imagesTotalBytes. Nothing here throws for a bad image: each failure is kept as a
 * message that validation reports at the image's `file:` line.
 */
export async function readImageFiles(raw: unknown, briefingFile: string, root: string): Promise<ImageFiles> {
  const written = writtenImageFiles(raw);
  const files: Record<string, ImageFileRead> = {};
  let total = 0;
  // One at a time, in order: the total is counted in the order the briefing lists them.
  for (const file of written) {
    const read = await readImageFile(file, briefingFile, root, DATA_LIMITS.imagesTotalBytes - total);
    if (read.ok) total += read.bytes.length;
    files[file] = read;
  }
  return files;
}

/** The `file` values under `images:` of a parsed briefing, each once, within the count limit. */
function writtenImageFiles(raw: unknown): string[] {
  const images = (raw as { images?: unknown } | null | undefined)?.images;
  if (!Array.isArray(images)) return [];
  const files = images
    .slice(0, DATA_LIMITS.images)
    .map((image) => (image as { file?: unknown } | null)?.file)
    .filter((file): file is string => typeof file === 'string' && file !== '');
  return [...new Set(files)];
}

/**
 * The image files of a briefing's bytes, for the build plan (and watch): parsed only
 * when the text can hold an `images` key; a briefing that does not parse has none here
 * (the build reports why it does not parse).
 */
export async function readBriefingImages(
  data: Buffer,
  file: string,
  projectRoot: string,
): Promise<ImageFiles> {
  const raw = parseForImages(data, file);
  if (raw === undefined) return {};
  return readImageFiles(raw, file, await imageRootFor(file, projectRoot));
}

/** The absolute paths of a briefing's image files (to watch them); none when it does not parse. */
export async function briefingImagePaths(data: Buffer, file: string, projectRoot: string): Promise<string[]> {
  const raw = parseForImages(data, file);
  if (raw === undefined) return [];
  const root = await imageRootFor(file, projectRoot);
  const dir = path.dirname(path.resolve(file));
  return writtenImageFiles(raw)
    .map((written) => path.resolve(dir, written))
    .filter((image) => isInside(root, image));
}

function parseForImages(data: Buffer, file: string): unknown {
  if (!/\bimages\b/.test(data.toString('latin1'))) return undefined;
  try {
    return parseBriefingBytes(data as Buffer<ArrayBuffer>, file).raw;
  } catch {
    return undefined;
  }
}

async function readImageFile(
  written: string,
  briefingFile: string,
  root: string,
  roomLeft: number,
): Promise<ImageFileRead> {
  const inside = `an image file inside the project folder (${displayPath(root)}), written relative to the briefing`;
  if (written.includes('\0')) return refused('the path contains a NUL character', inside);
  if (/^[a-z][a-z0-9+.-]+:/i.test(written) && !/^[a-z]:[\\/]/i.test(written))
    return refused(
      `"${written}" is a URL, not a file path`,
      'a file next to the briefing, e.g. images/map.png',
    );
  const file = path.resolve(path.dirname(path.resolve(briefingFile)), written);
  if (!isInside(root, file)) return refused(`"${written}" is outside the project folder`, inside);
  if (!isInside(root, await realPathOfNearest(file)))
    return refused(`"${written}" is a link to a file outside the project folder`, inside);
  const limit = Math.min(DATA_LIMITS.imageBytes, roomLeft);
  const read = await readBounded(file, Math.max(0, limit));
  if (read.ok) return { ok: true, path: file, bytes: read.bytes };
  switch (read.reason) {
    case 'missing':
      return refused(
        read.kind === 'unreadable'
          ? `"${written}" cannot be read`
          : `image file not found: ${displayPath(file)}`,
        'the path of a PNG, JPEG or SVG file, relative to the briefing',
      );
    case 'not-a-file':
      return refused(`"${written}" is ${notAFileMessage(read)}`, 'a PNG, JPEG or SVG file');
    case 'too-large':
      return limit < DATA_LIMITS.imageBytes
        ? refused(
            `the images together are over ${DATA_LIMITS.imagesTotalBytes / MB} MB with "${written}"`,
            `at most ${DATA_LIMITS.imagesTotalBytes / MB} MB of images in one briefing`,
          )
        : refused(
            `the image is ${(read.size / MB).toFixed(1)} MB`,
            `at most ${DATA_LIMITS.imageBytes / MB} MB (save it smaller, e.g. as a JPEG)`,
          );
  }
}

function refused(message: string, expected: string): ImageFileRead {
  return { ok: false, message, expected };
}
