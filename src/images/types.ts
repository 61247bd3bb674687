/**
 * Images of a briefing (`images:`), from the file on disk to what the renderers draw.
 * The load stage reads each file once (read-image-files.ts), validation checks its
 * header (check-image-bytes.ts), the pipeline decodes it (load-image-assets.ts), and
 * the renderers get plain data: they never touch the disk.
 */
import type { DecodedImage } from '../theme/decode-image.js';

export type { DecodedImage, ImageFormat } from '../theme/decode-image.js';

/** One image file as the load stage read it: its bytes, or why it could not be read. */
export type ImageFileRead =
  | {
      ok: true;
      /** The absolute path read (inside the project folder). */
      path: string;
      bytes: Buffer;
    }
  | { ok: false; message: string; expected: string };

/** The briefing's image files, keyed by the `file` value as written in the briefing. */
export type ImageFiles = Readonly<Record<string, ImageFileRead>>;

/** The briefing's images by id, decoded: what the renderers read. */
export type ImageAssets = ReadonlyMap<string, DecodedImage>;
