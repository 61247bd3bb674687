import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { createHouseProject } from '../theme/house-project.js';

async function until(what: string, check: () => boolean, log: string[], ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr:\n${log.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const house = createHouseProject();
afterAll(() => rmSync(house, { recursive: true, force: true }));

describe('briefkit watch with a config and a theme file', () => {
  it('watches the config, the theme file and its logo, and rebuilds when the theme changes', async () => {
    const err: string[] = [];
    const controller = new AbortController();
    const data = path.join(house, 'data/briefing.yaml');
    const running = runCli(['watch', data, '--format', 'pdf', '--date', '2026-03-02'], {
      out: () => {},
      err: (line) => err.push(line),
      signal: controller.signal,
      env: {},
    });
    try {
      await until('the first build and the watcher', () => err.join('\n').includes('watching'), err);
      const watching = err.find((line) => line.startsWith('watching'))!;
      for (const file of [
        'briefkit.config.yaml',
        'themes/house.yaml',
        'assets/logo.png',
        'assets/logo-white.svg',
      ]) {
        expect(watching).toContain(path.join(house, file).split(path.sep).join('/'));
      }
      const manifestFile = path.join(house, 'out/briefing.manifest.json');
      const themeHash = (): string | undefined =>
        (JSON.parse(readFileSync(manifestFile, 'utf8')) as { inputs: Record<string, string> }).inputs[
          'theme:house'
        ];
      const before = themeHash();
      const theme = path.join(house, 'themes/house.yaml');
      writeFileSync(theme, readFileSync(theme, 'utf8').replace("primary: '#0b3c5d'", "primary: '#0b3c5e'"));
      await until('a rebuild with the new theme', () => themeHash() !== before, err);
      expect(err.join('\n')).toMatch(/changed: .*themes\/house\.yaml/);
    } finally {
      controller.abort();
      expect(await running).toBe(0);
    }
  });
});
