import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { tempDir } from '../helpers/temp.js';

const require = createRequire(import.meta.url);

/**
 * A copy of test/fixtures/themes/house in a temporary folder (removed after the tests), with the two font files
 * its theme names (copies of Noto Sans) in fonts/. Returns the project folder.
 */
export function createHouseProject(): string {
  const dir = tempDir('briefkit-house-');
  cpSync('test/fixtures/themes/house', dir, { recursive: true });
  const sans = path.dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
  mkdirSync(path.join(dir, 'fonts'));
  copyFileSync(
    path.join(sans, '400Regular/NotoSans_400Regular.ttf'),
    path.join(dir, 'fonts/House-Regular.ttf'),
  );
  copyFileSync(path.join(sans, '700Bold/NotoSans_700Bold.ttf'), path.join(dir, 'fonts/House-Bold.ttf'));
  return dir;
}
