import { boundedCache } from '../cache/index.js';
import { BriefkitError } from '../errors.js';
import type { FontFaces, Theme } from './types.js';

/** canvas's registerFont: a face file under a family name, weight and style. */
export type RegisterFont = (file: string, face: { family: string; weight: string; style: string }) => void;

/**
 * Font faces already registered with canvas, by family, face and file. canvas keeps a
 * registered font for the life of the process and cannot drop one, so this only saves
 * registering a face twice; an edited font file is seen by the parsed-font cache (the PDF
 * and the measurers) but canvas keeps the face it registered first. The registration is
 * the process's: chart pictures and SVG images drawn by librsvg both see the faces.
 */
const registered = boundedCache<true>({ name: 'canvas font registrations', maxEntries: 64 });

/** Registers the theme's body and heading faces with canvas, so text drawn there uses them on every machine. */
export function registerThemeFonts(register: RegisterFont, theme: Theme): void {
  for (const faces of [theme.fonts.body, theme.fonts.heading]) {
    for (const [file, weight, style] of faceFiles(faces)) {
      const key = `${faces.family}\0${weight}\0${style}\0${file}`;
      if (registered.peek(key)) continue;
      try {
        register(file, { family: faces.family, weight, style });
      } catch (error) {
        throw new BriefkitError(
          'THEME_ERROR',
          {
            message: `cannot load the ${weight} ${style} face of font family "${faces.family}" from ${file}: ${String(error)}`,
            expected: 'the path of a readable TTF or OTF file in the theme',
          },
          { cause: error },
        );
      }
      registered.get(key, () => true);
    }
  }
}

export function faceFiles(faces: FontFaces): [string, string, string][] {
  return [
    [faces.regular, 'normal', 'normal'],
    [faces.bold, 'bold', 'normal'],
    [faces.italic, 'normal', 'italic'],
    [faces.boldItalic, 'bold', 'italic'],
  ];
}
