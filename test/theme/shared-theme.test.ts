import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../src/build/resolve-settings.js';
import { BriefkitError } from '../../src/errors.js';
import { runCliCaptured } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('briefkit-shared-');
const project = path.join(root, 'project');
const other = path.join(root, 'other');
const logo = 'test/fixtures/themes/house/assets/logo.png';
const briefing = path.join(project, 'data/briefing.yaml');

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeAll(() => {
  write(path.join(project, 'package.json'), '{"name":"project","private":true}\n');
  write(briefing, readFileSync('test/fixtures/briefings/minimal.yaml', 'utf8'));
  // A house theme and house templates, installed as npm packages.
  const theme = path.join(project, 'node_modules/@org/house-theme');
  write(path.join(theme, 'package.json'), '{"name":"@org/house-theme","briefkit":{"theme":"house.yaml"}}\n');
  write(path.join(theme, 'house.yaml'), "colors:\n  primary: '#336699'\nlogo: assets/logo.png\n");
  mkdirSync(path.join(theme, 'assets'));
  copyFileSync(logo, path.join(theme, 'assets/logo.png'));
  write(path.join(theme, 'escape.yaml'), 'logo: ../../../../other/assets/logo.png\n');
  const templates = path.join(project, 'node_modules/@org/house-templates');
  write(path.join(templates, 'package.json'), '{"name":"@org/house-templates"}\n');
  write(path.join(templates, 'templates/report.md.hbs'), '# {{title}}\n\nHouse template in use.\n');
  // A theme in another project, with its logo beside it.
  write(path.join(other, 'package.json'), '{"name":"other","private":true}\n');
  write(path.join(other, 'themes/theirs.yaml'), "colors:\n  primary: '#884422'\nlogo: ../assets/logo.png\n");
  mkdirSync(path.join(other, 'assets'));
  copyFileSync(logo, path.join(other, 'assets/logo.png'));
});

async function problemOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BriefkitError);
  return (error as BriefkitError).problems.map((p) => p.message).join('\n');
}

describe('themes and templates shared as npm packages', () => {
  it('a config names them by package; the package.json says which file', async () => {
    write(
      path.join(project, 'briefkit.config.yaml'),
      'theme: "@org/house-theme"\ntemplates: "@org/house-templates"\n',
    );
    const options = await resolveBuildOptions(briefing);
    expect(options.theme.colors.primary).toBe('#336699');
    expect(options.theme.logo).toBe(path.join(project, 'node_modules/@org/house-theme/assets/logo.png'));
    expect(options.templatesDir).toBe(path.join(project, 'node_modules/@org/house-templates/templates'));
    const out = path.join(root, 'out-config');
    const built = await runCliCaptured(['build', briefing, '--out', out, '--format', 'pdf', '--quiet']);
    expect(built.err).toBe('');
    const pdf = await readPdf(readFileSync(path.join(out, 'briefing.pdf')));
    expect(pdf.pages.flatMap((p) => p.lines.map((l) => l.text)).join(' ')).toContain(
      'House template in use.',
    );
  });

  it('paths inside a package theme stay inside the package', async () => {
    write(path.join(project, 'briefkit.config.yaml'), 'theme: "@org/house-theme/escape.yaml"\n');
    expect(await problemOf(resolveBuildOptions(briefing))).toMatch(/outside the project folder/);
  });

  it('a scoped package that is not installed is named as such', async () => {
    write(path.join(project, 'briefkit.config.yaml'), 'theme: "@org/missing"\n');
    expect(await problemOf(resolveBuildOptions(briefing))).toBe(
      'theme package @org/missing is not installed',
    );
    const flag = await runCliCaptured(['build', briefing, '--theme', '@org/missing']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--theme @org/missing: theme package not installed');
  });
});

describe("paths typed on the command line are the user's", () => {
  it('a theme file from another project loads, its logo confined to that project', async () => {
    write(path.join(project, 'briefkit.config.yaml'), 'pageSize: A4\n');
    const options = await resolveBuildOptions(briefing, { theme: path.join(other, 'themes/theirs.yaml') });
    expect(options.theme.colors.primary).toBe('#884422');
    expect(options.theme.logo).toBe(path.join(other, 'assets/logo.png'));
  });

  it('a templates folder from another project is used', async () => {
    write(path.join(other, 'templates/report.md.hbs'), '# {{title}}\n\nTheir template.\n');
    const out = path.join(root, 'out-flag');
    const built = await runCliCaptured([
      'build',
      briefing,
      '--templates',
      path.join(other, 'templates'),
      '--out',
      out,
      '--format',
      'pdf',
      '--quiet',
    ]);
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
  });

  it('the same theme named in the config file is refused: data-driven paths stay in the project', async () => {
    write(path.join(project, 'briefkit.config.yaml'), 'theme: ../other/themes/theirs.yaml\n');
    expect(await problemOf(resolveBuildOptions(briefing))).toMatch(/outside the project folder/);
  });
});
