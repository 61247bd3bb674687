import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, isBriefkitError, type BriefkitError } from '../../src/errors.js';
import { loadTheme, loadThemeFile } from '../../src/theme/load-theme.js';
import { inkTheme } from '../../src/theme/ink-theme.js';
import { loadThemeLogos } from '../../src/theme/logo.js';
import { defaultTheme } from '../../src/theme/default-theme.js';
import { createHouseProject } from './house-project.js';

const broken = 'test/fixtures/themes/broken';
const house = createHouseProject();
afterAll(() => rmSync(house, { recursive: true, force: true }));

/** The located lines a broken theme file gives, as the CLI prints them. */
async function problemsOf(file: string, projectRoot = broken): Promise<string[]> {
  try {
    await loadThemeFile(path.join(broken, file), { projectRoot });
  } catch (error) {
    if (!isBriefkitError(error)) throw error;
    expect((error as BriefkitError).code).toBe('THEME_ERROR');
    return (error as BriefkitError).problems.map(formatProblem);
  }
  throw new Error(`${file} loaded without an error`);
}

describe('theme files', () => {
  it('apply their changes to the theme they extend, and resolve fonts and logos inside the project', async () => {
    const theme = await loadThemeFile(path.join(house, 'themes/house.yaml'), { projectRoot: house });
    const ink = inkTheme();
    expect(theme.name).toBe('house');
    expect(theme.file).toBe(path.join(house, 'themes/house.yaml'));
    // Colours are normalised; what the file leaves out comes from ink.
    expect(theme.colors.primary).toBe('#0B3C5D');
    expect(theme.colors.palette).toEqual(['#328CC1', '#E07A1F', '#D9B310', '#1D2731']);
    expect(theme.colors.text).toBe(ink.colors.text);
    expect(theme.deck.primary).toBe('#F2C14E');
    expect(theme.deck.background).toBe(ink.deck.background);
    expect(theme.fonts.body).toEqual(ink.fonts.body);
    expect(theme.fonts.heading).toEqual({
      family: 'House Sans',
      regular: path.join(house, 'fonts/House-Regular.ttf'),
      bold: path.join(house, 'fonts/House-Bold.ttf'),
      italic: path.join(house, 'fonts/House-Regular.ttf'),
      boldItalic: path.join(house, 'fonts/House-Bold.ttf'),
    });
    expect(theme.logo).toBe(path.join(house, 'assets/logo.png'));
    expect(theme.logoOnDark).toBe(path.join(house, 'assets/logo-white.svg'));
    expect(theme.page.margin).toEqual({ ...ink.page.margin, left: 80, right: 80 });
    expect(theme.sizes).toEqual({ ...ink.sizes, body: 11, h1: 20 });
  });

  it('name a font by the family inside its file when the theme gives none', async () => {
    const file = path.join(house, 'themes/unnamed.yaml');
    writeFileSync(file, 'fonts:\n  body:\n    regular: ../fonts/House-Regular.ttf\n');
    const theme = await loadThemeFile(file, { projectRoot: house });
    expect(theme.fonts.body.family).toBe('Noto Sans');
    expect(theme.fonts.body.bold).toBe(path.join(house, 'fonts/House-Regular.ttf'));
    // Extends the default theme when it says nothing, and is named after its file.
    expect(theme.name).toBe('unnamed');
    expect(theme.colors).toEqual(defaultTheme().colors);
  });

  it('fill deck colours a theme leaves out from its report colours', async () => {
    const file = path.join(house, 'themes/light.yaml');
    writeFileSync(file, "colors:\n  primary: '#336699'\n  text: '#222'\n");
    const theme = await loadThemeFile(file, { projectRoot: house });
    expect(theme.deck.primary).toBe('#336699');
    expect(theme.deck.text).toBe('#222222');
    // Title and section slides follow the primary colour, as the PDF's cover does.
    expect(theme.deck.darkBackground).toBe('#336699');
    writeFileSync(file, "colors:\n  primary: '#336699'\ndeck:\n  darkBackground: '#101010'\n");
    expect((await loadThemeFile(file, { projectRoot: house })).deck.darkBackground).toBe('#101010');
  });

  it('take a JPEG logo too, read once for the renderers', async () => {
    const { createCanvas } = await import('canvas');
    const canvas = createCanvas(200, 50);
    canvas.getContext('2d').fillRect(0, 0, 200, 50);
    writeFileSync(path.join(house, 'assets/logo.jpg'), canvas.toBuffer('image/jpeg'));
    const file = path.join(house, 'themes/jpeg.yaml');
    writeFileSync(file, 'logo: ../assets/logo.jpg\n');
    const logos = await loadThemeLogos(await loadThemeFile(file, { projectRoot: house }));
    expect(logos.light).toMatchObject({ format: 'jpeg', width: 200, height: 50, rasterFormat: 'jpeg' });
    expect(logos.dark).toBe(logos.light);
  });

  it('are found by name (shipped) or by path', async () => {
    const options = { baseDir: house, projectRoot: house, from: 'config' as const };
    expect((await loadTheme('ink', options)).name).toBe('ink');
    expect((await loadTheme('themes/house.yaml', options)).name).toBe('house');
    await expect(loadTheme('inkk', options)).rejects.toThrow(/unknown theme "inkk" \(did you mean "ink"\?\)/);
    await expect(loadTheme('../elsewhere/theme.yaml', options)).rejects.toThrow(/outside the project folder/);
  });
});

describe('a broken theme file is a located error', () => {
  it('names an unknown key, with a guess', async () => {
    expect(await problemsOf('unknown-key.yaml')).toEqual([
      expect.stringMatching(
        /^test\/fixtures\/themes\/broken\/unknown-key\.yaml:3:1 {2}colours {2}unknown field "colours" \(did you mean "colors"\?\)/,
      ),
    ]);
  });

  it('checks font files written as a mapping against that shape', async () => {
    const problems = await problemsOf('nested-unknown-key.yaml');
    expect(problems).toContainEqual(
      expect.stringMatching(
        /nested-unknown-key\.yaml:4:5 {2}fonts\.body\.regulr {2}unknown field "regulr" \(did you mean "regular"\?\)/,
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/nested-unknown-key\.yaml:4:5 {2}fonts\.body\.regular {2}missing required field/),
    );
  });

  it('reports every bad value at once', async () => {
    const problems = await problemsOf('bad-values.yaml');
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(
      /bad-values\.yaml:4:12 {2}colors\.primary .*\(expected a colour written #RRGGBB\)/,
    );
    expect(problems.join('\n')).toMatch(
      /bad-values\.yaml:6:9 {2}sizes\.body {2}40 is out of range {2}\(expected a size from 7 to 16 points\)/,
    );
    expect(problems.join('\n')).toMatch(
      /bad-values\.yaml:2:10 {2}extends {2}unknown theme "inkk" \(did you mean "ink"\?\)/,
    );
  });

  it('refuses a missing font file, a file that is not a font, and an unknown family', async () => {
    expect(await problemsOf('missing-font.yaml')).toEqual([
      expect.stringMatching(
        /missing-font\.yaml:4:14 {2}fonts\.heading\.regular {2}font file not found: .*Missing-Regular\.ttf/,
      ),
    ]);
    expect(await problemsOf('not-a-font.yaml')).toEqual([
      expect.stringMatching(
        /not-a-font\.yaml:4:14 {2}fonts\.body\.regular {2}this is not a font file {2}\(expected a TrueType/,
      ),
    ]);
    expect(await problemsOf('unknown-family.yaml')).toEqual([
      expect.stringMatching(
        /unknown-family\.yaml:3:9 {2}fonts\.body {2}"Noto Sanz" is not a bundled font family \(did you mean "Noto Sans"\?\)/,
      ),
    ]);
  });

  it('refuses a logo outside the project, a URL, a file that is not an image, and an SVG that links out', async () => {
    expect(await problemsOf('logo-outside.yaml')).toEqual([
      expect.stringMatching(
        /logo-outside\.yaml:2:7 {2}logo {2}the logo "\.\.\/house\/assets\/logo\.png" is outside the project folder/,
      ),
    ]);
    expect(await problemsOf('logo-url.yaml')).toEqual([
      expect.stringMatching(/logo-url\.yaml:2:7 {2}logo {2}.* is a URL, not a file path/),
    ]);
    expect(await problemsOf('logo-not-image.yaml')).toEqual([
      expect.stringMatching(/logo-not-image\.yaml:2:7 {2}logo {2}the logo is not a PNG, JPEG or SVG image/),
    ]);
    expect(await problemsOf('logo-external.yaml')).toEqual([
      expect.stringMatching(/logo-external\.yaml:2:7 {2}logo {2}the SVG links to "file:\/\/\/etc\/passwd"/),
    ]);
  });

  it('follows symbolic links: a link inside the project to a file outside is refused', async () => {
    const link = path.join(house, 'assets/linked-logo.png');
    symlinkSync(path.resolve('test/fixtures/themes/house/assets/logo.png'), link);
    const file = path.join(house, 'themes/linked.yaml');
    writeFileSync(file, 'logo: ../assets/linked-logo.png\n');
    await expect(loadThemeFile(file, { projectRoot: house })).rejects.toThrow(
      /is a link to a file outside the project folder/,
    );
  });

  it('lists every problem of a theme, not only the first', async () => {
    const problems = await problemsOf('two-problems.yaml');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/two-problems\.yaml:4:14 {2}fonts\.heading\.regular {2}font file not found/);
    expect(problems[1]).toMatch(/two-problems\.yaml:5:7 {2}logo {2}.*outside the project folder/);
  });
});
