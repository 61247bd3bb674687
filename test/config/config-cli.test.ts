import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonSummary } from '../../src/cli/report/json-summary.js';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import { readPptx } from '../helpers/pptx.js';
import { createHouseProject } from '../theme/house-project.js';

/**
 * The command line with a config file: a project folder whose briefkit.config.yaml sets
 * the output folder, page size and a theme file of its own, built from another folder.
 */
const house = createHouseProject();
const data = path.join(house, 'data/briefing.yaml');
afterAll(() => rmSync(house, { recursive: true, force: true }));

function summaryOf(out: string): JsonSummary {
  return JSON.parse(out) as JsonSummary;
}

describe('briefkit build with a config file', () => {
  it('finds the config above the data file and resolves its paths against it', async () => {
    const result = await runCliCaptured(['build', data, '--date', '2026-03-02', '--json']);
    expect(result.err).not.toContain('error');
    expect(result.code).toBe(0);
    // out: out is the project's folder, not the working folder's.
    const pdf = await readPdf(readFileSync(path.join(house, 'out/briefing.pdf')));
    expect(pdf.pages[0]!.width).toBeCloseTo(612); // pageSize: Letter
    const manifest = JSON.parse(readFileSync(path.join(house, 'out/briefing.manifest.json'), 'utf8')) as {
      inputs: Record<string, string>;
    };
    const inputs = Object.keys(manifest.inputs).map((key) =>
      key.replace(/^.*?(?=(briefkit\.config|themes\/|assets\/|fonts\/))/, ''),
    );
    expect(inputs).toEqual(
      expect.arrayContaining([
        'briefkit.config.yaml',
        'themes/house.yaml',
        'theme:house',
        'assets/logo.png',
        'assets/logo-white.svg',
        'fonts/House-Regular.ttf',
      ]),
    );
  });

  it('skips an unchanged build, and rebuilds when the theme file or the config changes', async () => {
    const again = summaryOf((await runCliCaptured(['build', data, '--date', '2026-03-02', '--json'])).out);
    expect(again.briefings[0]!.status).toBe('skipped');
    const theme = path.join(house, 'themes/house.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace("primary: '#F2C14E'", "primary: '#F2C14F'"));
    const themed = summaryOf((await runCliCaptured(['build', data, '--date', '2026-03-02', '--json'])).out);
    expect(themed.briefings[0]).toMatchObject({
      status: 'built',
      reason: expect.stringMatching(/theme:house changed|themes\/house\.yaml changed/),
    });
    const config = path.join(house, 'briefkit.config.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}# edited\n`);
    const configured = summaryOf(
      (await runCliCaptured(['build', data, '--date', '2026-03-02', '--json'])).out,
    );
    expect(configured.briefings[0]).toMatchObject({
      status: 'built',
      reason: expect.stringMatching(/briefkit\.config\.yaml changed/),
    });
  });

  it('lets flags win over the config', async () => {
    const out = path.join(house, 'flags-out');
    const result = await runCliCaptured([
      'build',
      data,
      '--out',
      out,
      '--format',
      'pptx',
      '--theme',
      'default',
      '--date',
      '2026-03-02',
    ]);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(out, 'briefing.pdf'))).toBe(false);
    const deck = await readPptx(readFileSync(path.join(out, 'briefing.pptx')));
    const theme = await deck.zip.file('ppt/theme/theme1.xml')!.async('string');
    expect(theme).toContain('typeface="Noto Sans"');
    expect(theme).not.toContain('House Sans');
  });
});

describe('a broken config or theme is a located error and exit code 1', () => {
  it('an unknown key in the config', async () => {
    const result = await runCliCaptured([
      'build',
      'test/fixtures/briefings/minimal.yaml',
      '--config',
      'test/fixtures/config/unknown-key.yaml',
      '--out',
      path.join(house, 'x'),
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'test/fixtures/config/unknown-key.yaml:2:1  pagesize  unknown field "pagesize" (did you mean "pageSize"?)',
    );
  });

  it('a missing font file, and a logo outside the project, in the theme', async () => {
    const theme = path.join(house, 'themes/broken.yaml');
    writeFileSync(
      theme,
      'extends: ink\nfonts:\n  body:\n    regular: ../fonts/Gone.ttf\nlogo: ../../outside.png\n',
    );
    writeFileSync(path.join(house, 'broken.config.yaml'), 'theme: themes/broken.yaml\n');
    const result = await runCliCaptured(['build', data, '--config', path.join(house, 'broken.config.yaml')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /themes\/broken\.yaml:4:14 {2}fonts\.body\.regular {2}font file not found: .*Gone\.ttf/,
    );
    expect(result.err).toMatch(
      /themes\/broken\.yaml:5:7 {2}logo {2}the logo "\.\.\/outside\.png" is outside the project folder/,
    );
  });

  it('validate checks the config and theme too', async () => {
    const result = await runCliCaptured([
      'validate',
      'test/fixtures/briefings/minimal.yaml',
      '--config',
      'test/fixtures/config/bad-values.yaml',
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('bad-values.yaml:3:13  deckCharts  "editable" is not allowed');
  });

  it('a config or theme named on the command line that is not there is a usage error (exit 2)', async () => {
    const noConfig = await runCliCaptured(['build', data, '--config', 'nowhere.yaml']);
    expect(noConfig.code).toBe(2);
    expect(noConfig.err).toContain('--config nowhere.yaml: config file not found');
    const typo = await runCliCaptured(['build', data, '--theme', 'inkk']);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('--theme inkk is not known (did you mean "ink"?)');
  });
});
