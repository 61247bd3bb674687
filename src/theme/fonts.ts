import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontFaces } from './types.js';

const require = createRequire(import.meta.url);

/**
 * Fonts come from npm packages, never from the system, so every machine embeds
 * and measures the same glyphs. Noto covers Latin, Greek and Cyrillic.
 */
function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

export function notoSans(): FontFaces {
  const dir = packageDir('@expo-google-fonts/noto-sans');
  return {
    family: 'Noto Sans',
    regular: path.join(dir, '400Regular/NotoSans_400Regular.ttf'),
    bold: path.join(dir, '700Bold/NotoSans_700Bold.ttf'),
    italic: path.join(dir, '400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
    boldItalic: path.join(dir, '700Bold_Italic/NotoSans_700Bold_Italic.ttf'),
  };
}

export function notoSerif(): FontFaces {
  const dir = packageDir('@expo-google-fonts/noto-serif');
  return {
    family: 'Noto Serif',
    regular: path.join(dir, '400Regular/NotoSerif_400Regular.ttf'),
    bold: path.join(dir, '700Bold/NotoSerif_700Bold.ttf'),
    italic: path.join(dir, '400Regular_Italic/NotoSerif_400Regular_Italic.ttf'),
    boldItalic: path.join(dir, '700Bold_Italic/NotoSerif_700Bold_Italic.ttf'),
  };
}

/** The families a theme can name without shipping font files. */
export const BUNDLED_FAMILIES: Readonly<Record<string, () => FontFaces>> = {
  'Noto Sans': notoSans,
  'Noto Serif': notoSerif,
};

/** A bundled family by name, ignoring case and spaces ("noto serif", "NotoSerif"); undefined if none. */
export function bundledFamily(name: string): FontFaces | undefined {
  const key = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
  const match = Object.keys(BUNDLED_FAMILIES).find((family) => key(family) === key(name));
  return match ? BUNDLED_FAMILIES[match]!() : undefined;
}

let bundledFiles: ReadonlySet<string> | undefined;

/** Whether `file` is one of the bundled families' font files (their tables are known and tested). */
export function isBundledFontFile(file: string): boolean {
  bundledFiles ??= new Set(
    Object.values(BUNDLED_FAMILIES).flatMap((faces) => {
      const f = faces();
      return [f.regular, f.bold, f.italic, f.boldItalic];
    }),
  );
  return bundledFiles.has(file);
}
