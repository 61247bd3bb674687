import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/config/find-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveBuildOptions } from '../../src/build/resolve-settings.js';
import { formatProblem, isBriefkitError, type BriefkitError } from '../../src/errors.js';
import { defaultTheme } from '../../src/theme/default-theme.js';
import { tempDir } from '../helpers/temp.js';

const fixtures = 'test/fixtures/config';
const root = tempDir('briefkit-config-');

async function problemsOf(file: string): Promise<string[]> {
  try {
    await loadConfig(path.join(fixtures, file));
  } catch (error) {
    if (!isBriefkitError(error)) throw error;
    expect((error as BriefkitError).code).toBe('CONFIG_ERROR');
    return (error as BriefkitError).problems.map(formatProblem);
  }
  throw new Error(`${file} loaded without an error`);
}

/** A project folder: a package.json (the search's stop), data/briefing.yaml, and the given files. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{}\n');
  writeFileSync(path.join(dir, 'data/briefing.yaml'), 'title: placeholder\n');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('finding the config', () => {
  it('looks next to the data file, then in the folders above it, up to the project root', async () => {
    const dir = project('found-above', { 'briefkit.config.yaml': 'pageSize: Letter\n' });
    expect(await findConfig(path.join(dir, 'data/briefing.yaml'))).toBe(
      path.join(dir, 'briefkit.config.yaml'),
    );
    const nearer = project('found-next', {
      'briefkit.config.yaml': 'pageSize: Letter\n',
      'data/briefkit.config.json': '{ "pageSize": "A4" }\n',
    });
    expect(await findConfig(path.join(nearer, 'data/briefing.yaml'))).toBe(
      path.join(nearer, 'data/briefkit.config.json'),
    );
  });

  it('never looks above the project root (a folder with package.json)', async () => {
    writeFileSync(path.join(root, 'briefkit.config.yaml'), 'pageSize: Letter\n');
    const dir = project('no-config', {});
    expect(await findConfig(path.join(dir, 'data/briefing.yaml'))).toBeUndefined();
    rmSync(path.join(root, 'briefkit.config.yaml'));
  });
});

describe('a config file', () => {
  it('may hold only comments, as the one `briefkit init` writes', async () => {
    const config = await loadConfig(path.join(fixtures, 'comments-only.yaml'));
    expect(Object.keys(config).sort()).toEqual(['bytes', 'dir', 'file']);
  });

  it('takes formats as the flag does (pdf, pptx, pdf,pptx) or as a list', async () => {
    for (const [written, formats] of [
      ['pdf', ['pdf']],
      ['pptx', ['pptx']],
      ['pdf,pptx', ['pdf', 'pptx']],
      ['[pptx]', ['pptx']],
    ] as const) {
      const dir = project(`formats-${written.replace(/\W/g, '')}`, {
        'briefkit.config.yaml': `formats: ${written}\n`,
      });
      expect((await loadConfig(path.join(dir, 'briefkit.config.yaml'))).formats).toEqual(formats);
    }
  });

  it('names an unknown key, located, with a guess', async () => {
    expect(await problemsOf('unknown-key.yaml')).toEqual([
      'test/fixtures/config/unknown-key.yaml:2:1  pagesize  unknown field "pagesize" (did you mean "pageSize"?)  (expected one of: out, formats, pageSize, deckCharts, pdfa, templates, theme)',
    ]);
  });

  it('reports every value that is not allowed, at once', async () => {
    const problems = await problemsOf('bad-values.yaml');
    expect(problems).toEqual([
      expect.stringMatching(
        /bad-values\.yaml:2:16 {2}formats\[1\] {2}"docx" is not allowed {2}\(expected one of: "pdf", "pptx"\)/,
      ),
      expect.stringMatching(/bad-values\.yaml:3:13 {2}deckCharts {2}"editable" is not allowed/),
      expect.stringMatching(/bad-values\.yaml:4:7 {2}pdfa {2}wrong type: "yes" {2}\(expected a boolean\)/),
    ]);
  });

  it('keeps its folders inside the project, and the templates folder must exist', async () => {
    const problems = await problemsOf('outside.yaml');
    expect(problems).toEqual([
      expect.stringMatching(
        /outside\.yaml:2:6 {2}out {2}the folder ".*elsewhere" is outside the project folder/,
      ),
      expect.stringMatching(
        /outside\.yaml:3:12 {2}templates {2}the folder "\/etc" is outside the project folder/,
      ),
    ]);
    expect(await problemsOf('missing-templates.yaml')).toEqual([
      expect.stringMatching(
        /missing-templates\.yaml:2:12 {2}templates {2}templates folder not found: no-such-templates/,
      ),
    ]);
  });
});

describe('build settings: defaults < config < options', () => {
  it('takes what the config sets, with paths relative to the config file', async () => {
    const dir = project('settings', {
      'briefkit.config.yaml': 'out: built\nformats: [pdf]\npageSize: Letter\ntheme: ink\ntemplates: tpl\n',
      'tpl/.keep': '',
    });
    const settings = await resolveBuildOptions(path.join(dir, 'data/briefing.yaml'));
    expect(settings).toMatchObject({
      outDir: path.join(dir, 'built'),
      formats: ['pdf'],
      pageSize: 'Letter',
      deckCharts: 'native',
      pdfa: false,
      templatesDir: path.join(dir, 'tpl'),
      config: { file: path.join(dir, 'briefkit.config.yaml') },
    });
    expect(settings.theme.name).toBe('ink');
  });

  it('lets options (the command line) win over the config', async () => {
    const dir = project('flags-win', {
      'briefkit.config.yaml': 'out: built\nformats: [pdf]\npageSize: Letter\ntheme: ink\n',
    });
    const settings = await resolveBuildOptions(path.join(dir, 'data/briefing.yaml'), {
      outDir: 'elsewhere',
      formats: ['pptx'],
      pageSize: 'A4',
      theme: 'default',
    });
    expect(settings).toMatchObject({ outDir: 'elsewhere', formats: ['pptx'], pageSize: 'A4' });
    expect(settings.theme).toEqual(defaultTheme());
  });

  it('uses the defaults without a config, or with config: false', async () => {
    const dir = project('defaults', { 'briefkit.config.yaml': 'pageSize: Letter\n' });
    const settings = await resolveBuildOptions(path.join(dir, 'data/briefing.yaml'), { config: false });
    expect(settings).toEqual({
      formats: ['pdf', 'pptx'],
      pageSize: 'A4',
      deckCharts: 'native',
      pdfa: false,
      theme: defaultTheme(),
      outDir: 'output',
      projectRoot: process.cwd(),
    });
  });

  it('reads a config named explicitly instead of searching', async () => {
    const settings = await resolveBuildOptions('test/fixtures/briefings/minimal.yaml', {
      config: path.join(fixtures, 'settings.yaml'),
    });
    expect(settings).toMatchObject({
      formats: ['pdf'],
      pageSize: 'Letter',
      deckCharts: 'image',
      outDir: path.resolve(fixtures, 'built'),
    });
    await expect(
      resolveBuildOptions('test/fixtures/briefings/minimal.yaml', { config: 'no/such/config.yaml' }),
    ).rejects.toMatchObject({
      code: 'USAGE_ERROR',
    });
  });

  it('reports an unknown theme in the config at its line', async () => {
    await expect(
      resolveBuildOptions('test/fixtures/briefings/minimal.yaml', {
        config: path.join(fixtures, 'unknown-theme.yaml'),
      }),
    ).rejects.toThrow(/unknown-theme\.yaml:2:8 {2}theme {2}unknown theme "inkk" \(did you mean "ink"\?\)/);
  });
});
