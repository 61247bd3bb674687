import type { Theme } from '../../theme/types.js';

export type FaceName = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type FontRole = 'body' | 'heading';

/** Resolves a role and face to the theme's TTF path. */
export interface FontSet {
  path(role: FontRole, face: FaceName): string;
}

/**
 * Fonts are selected by absolute path, never registered under names: pdfkit caches
 * fonts by path, so a face shared by body and heading is embedded once, and the
 * document's initial font (also a path) is the same object, so no standard-14 font
 * is ever created.
 */
export function createFontSet(theme: Theme): FontSet {
  return {
    path: (role, face) => theme.fonts[role][face],
  };
}

export function combineFace(face: FaceName, add: 'bold' | 'italic'): FaceName {
  const bold = face === 'bold' || face === 'boldItalic' || add === 'bold';
  const italic = face === 'italic' || face === 'boldItalic' || add === 'italic';
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  return italic ? 'italic' : 'regular';
}
