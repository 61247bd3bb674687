import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontFaces, Theme } from '../theme/types.js';
import { PACKAGE_ROOT } from '../version.js';

const PAGE_DIR = path.join(PACKAGE_ROOT, 'preview');

/** pdf.js from the installed pdfjs-dist package: the page makes no request elsewhere. */
function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

/** The page's own files, by URL path: a fixed list, so no path from a request reaches the disk. */
const PAGE_ASSETS: Record<string, () => string> = {
  '/': () => path.join(PAGE_DIR, 'index.html'),
  '/assets/preview.js': () => path.join(PAGE_DIR, 'preview.js'),
  '/assets/preview.css': () => path.join(PAGE_DIR, 'preview.css'),
  '/pdfjs/pdf.mjs': () => path.join(pdfjsDir(), 'build', 'pdf.min.mjs'),
  '/pdfjs/pdf.worker.mjs': () => path.join(pdfjsDir(), 'build', 'pdf.worker.min.mjs'),
  '/pdfjs/pdf_viewer.css': () => path.join(pdfjsDir(), 'web', 'pdf_viewer.css'),
};

export function pageAsset(route: string): string | undefined {
  return Object.hasOwn(PAGE_ASSETS, route) ? PAGE_ASSETS[route]!() : undefined;
}

type Role = 'body' | 'heading';
type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FACES: { face: Face; weight: string; style: string }[] = [
  { face: 'regular', weight: 'normal', style: 'normal' },
  { face: 'bold', weight: 'bold', style: 'normal' },
  { face: 'italic', weight: 'normal', style: 'italic' },
  { face: 'boldItalic', weight: 'bold', style: 'italic' },
];

function fontName(role: Role, face: Face, file: string): string {
  return `${role}-${face}${path.extname(file).toLowerCase()}`;
}

/** The theme's font file named by a /fonts/ URL ("body-bold.ttf"), if it is one. */
export function themeFontFile(theme: Theme, name: string): string | undefined {
  for (const role of ['body', 'heading'] as const) {
    const faces: FontFaces = theme.fonts[role];
    for (const { face } of FACES) if (fontName(role, face, faces[face]) === name) return faces[face];
  }
  return undefined;
}

/** @font-face rules for the theme's families, so slides are set in the deck's own fonts. */
export function fontFaceCss(theme: Theme): string {
  const rules: string[] = [];
  const seen = new Set<string>();
  for (const role of ['body', 'heading'] as const) {
    const faces = theme.fonts[role];
    if (seen.has(faces.family)) continue;
    seen.add(faces.family);
    const family = faces.family.replace(/["\\\n]/g, '');
    for (const { face, weight, style } of FACES) {
      rules.push(
        `@font-face { font-family: "${family}"; font-weight: ${weight}; font-style: ${style}; src: url("/fonts/${fontName(role, face, faces[face])}"); }`,
      );
    }
  }
  return `${rules.join('\n')}\n`;
}
