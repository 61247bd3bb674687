import { problemAt } from '../briefing/problems.js';
import type { Briefing, SourceMap } from '../briefing/types.js';
import { BriefkitError, type Problem } from '../errors.js';
import { decodeImage, type DecodedImage } from '../theme/decode-image.js';
import type { Theme } from '../theme/types.js';
import { DATA_LIMITS } from '../briefing/limits.js';
import { checkImageBytes } from './check-image-bytes.js';
import type { ImageAssets, ImageFiles } from './types.js';

/** Longer side, in pixels, an SVG image is drawn at for the deck: sharp on a full slide at 150 dpi. */
const SVG_RASTER_LONG_SIDE = 2000;

const MB = 1024 * 1024;

type Checked = { index: number; id: string; data: Buffer; format: DecodedImage['format'] };

/**
 * Checks every image of a validated briefing against the file the load stage read:
 * found, inside the project, within the size limits, a PNG, JPEG or SVG by its bytes
 * that matches its name, within the pixel limit. Each problem points at the image's
 * `file:` line. Reads nothing: `files` holds what the load stage read.
 */
function checkImageFiles(
  briefing: Briefing,
  files: ImageFiles | undefined,
  map: SourceMap,
): { checked: Checked[]; problems: Problem[] } {
  const checked: Checked[] = [];
  const problems: Problem[] = [];
  briefing.images.forEach((image, index) => {
    const at = ['images', index, 'file'];
    const read = files?.[image.file];
    if (read === undefined) {
      problems.push(
        problemAt(
          map,
          at,
          'the image file was not read',
          'a briefing loaded from its file (loadBriefing reads its images)',
        ),
      );
      return;
    }
    if (!read.ok) {
      problems.push(problemAt(map, at, read.message, read.expected));
      return;
    }
    const result = checkImageBytes(image.file, read.bytes);
    if ('problem' in result)
      problems.push(problemAt(map, at, result.problem.message, result.problem.expected));
    else checked.push({ index, id: image.id, data: read.bytes, format: result.format });
  });
  const placed = placedBytes(briefing, files);
  if (placed > DATA_LIMITS.imagesPlacedBytes) {
    problems.push(
      problemAt(
        map,
        ['sections'],
        `the sections place ${(placed / MB).toFixed(1)} MB of images in all, counting each placement`,
        `at most ${DATA_LIMITS.imagesPlacedBytes / MB} MB of placed images (see "Limits" in the README)`,
      ),
    );
  }
  return { checked, problems };
}

/** Bytes of the images the sections place, each counted as often as it is placed: what the outputs embed. */
function placedBytes(briefing: Briefing, files: ImageFiles | undefined): number {
  const size = new Map(
    briefing.images.map((image) => {
      const read = files?.[image.file];
      return [image.id, read?.ok ? read.bytes.length : 0];
    }),
  );
  return briefing.sections.reduce(
    (sum, section) => sum + (section.images ?? []).reduce((s, id) => s + (size.get(id) ?? 0), 0),
    0,
  );
}

/**
 * The pipeline's image step: checks every image (checkImageFiles), then decodes each
 * once for both renderers (natural size; an SVG drawn as a PNG for the deck, its text in
 * the theme's body font as the PDF sets it). All
 * problems are reported together as one located validation error.
 */
export async function loadImageAssets(
  briefing: Briefing,
  files: ImageFiles | undefined,
  map: SourceMap,
  theme?: Theme,
): Promise<ImageAssets> {
  const assets = new Map<string, DecodedImage>();
  if (briefing.images.length === 0) return assets;
  const { checked, problems } = checkImageFiles(briefing, files, map);
  for (const image of checked) {
    const decoded = await decodeImage(image.data, image.format, {
      what: 'image',
      raster: { longSide: SVG_RASTER_LONG_SIDE },
      ...(theme && { svgTextTheme: theme }),
    });
    if (decoded.ok) assets.set(image.id, decoded.image);
    else problems.push(problemAt(map, ['images', image.index, 'file'], decoded.message, decoded.expected));
  }
  if (problems.length > 0) throw new BriefkitError('VALIDATION_ERROR', problems);
  return assets;
}
