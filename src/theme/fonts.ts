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
