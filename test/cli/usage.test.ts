import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, COMMANDS } from '../../src/cli/help.js';
import { runCliCaptured } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('briefkit-usage-');

/** Each slip a user makes on the command line: its one line on stderr and its exit code. */
const cases: [argv: string[], err: string, code: number][] = [
  [
    ['buidl', 'data'],
    'error: unknown command "buidl" (did you mean "build"?)  (expected one of build, watch, preview, validate, init, schema; briefkit --help describes them)',
    2,
  ],
  [
    ['build', '--themes', 'ink', 'data'],
    'error: unknown option --themes (did you mean --theme?)  (expected an option that briefkit <command> --help lists)',
    2,
  ],
  [
    ['build', '-x', 'data'],
    'error: unknown option -x  (expected an option that briefkit <command> --help lists)',
    2,
  ],
  [['build', 'data', '--out'], 'error: --out needs a value  (expected --out <folder>)', 2],
  [['build', '--out', '--force', 'data'], 'error: --out needs a value  (expected --out <folder>)', 2],
  [['build', '--force=yes', 'data'], 'error: --force takes no value  (expected --force alone)', 2],
  [
    ['build', '--format', 'pfd', 'data'],
    'error: --format pfd is not known (did you mean pdf?)  (expected one of: pdf, pptx)',
    2,
  ],
  [
    ['validate', '--jobs', '2', '--json', 'data'],
    'error: --jobs, --json are not options of briefkit validate  (expected one of --config, --theme, --templates; briefkit validate --help describes them)',
    2,
  ],
  [
    ['validate', '--format', 'pdf', 'data'],
    'error: --format is not an option of briefkit validate  (expected one of --config, --theme, --templates; briefkit validate --help describes them)',
    2,
  ],
  [
    ['init', '--theme', 'ink'],
    'error: --theme is not an option of briefkit init  (expected one of --force, --update, --from; briefkit init --help describes them)',
    2,
  ],
  [
    ['schema', '--out', 'x'],
    'error: --out is not an option of briefkit schema  (expected briefkit schema without options)',
    2,
  ],
  [
    ['watch', 'data'],
    'error: watch takes one briefing file, and data is a folder  (expected briefkit watch data/<name>.yaml (one watch per briefing), or briefkit build data)',
    2,
  ],
];

describe('the command line guides', () => {
  it.each(cases)('briefkit %j', async (argv, err, code) => {
    const result = await runCliCaptured(argv);
    expect(result.err).toBe(err);
    expect(result.code).toBe(code);
  });

  it('says an empty folder holds no briefings (exit 1), for build and validate', async () => {
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    for (const command of ['build', 'validate']) {
      const result = await runCliCaptured([command, empty]);
      expect(result.err).toBe(
        `error: no briefings found in ${empty}  (expected a folder that holds .yaml, .yml or .json briefings, or the briefing files themselves)`,
      );
      expect(result.code).toBe(1);
    }
  });

  it('prints each command its own help, with examples, for --help and help <command>', async () => {
    for (const command of COMMANDS) {
      const viaFlag = await runCliCaptured([command, '--help']);
      expect(viaFlag.code).toBe(0);
      expect(viaFlag.out).toBe(COMMAND_HELP[command].text);
      expect(viaFlag.out).toMatch(new RegExp(`^briefkit ${command}`));
      expect(viaFlag.out).toMatch(/\nExamples?\n/);
      for (const option of COMMAND_HELP[command].options) expect(viaFlag.out).toContain(`--${option}`);
      expect((await runCliCaptured(['help', command])).out).toBe(viaFlag.out);
    }
    expect((await runCliCaptured(['build', '--help'])).out).not.toBe((await runCliCaptured(['--help'])).out);
  });

  it('validate checks the templates as build would: a missing field fails validate too', async () => {
    const templates = path.join(root, 'templates');
    mkdirSync(templates);
    writeFileSync(path.join(templates, 'report.md.hbs'), '# {{title}}\n\n{{subtitel}}\n');
    const result = await runCliCaptured([
      'validate',
      'data/geneva-2026-02-26.yaml',
      '--templates',
      templates,
    ]);
    expect(result.code).toBe(1);
    // The CLI shows paths relative to the working folder when that is shorter, so a clone
    // under /tmp sees "../briefkit-test-run-…/templates/…": match the path's own end.
    expect(result.err).toContain(`${path.join(path.basename(root), 'templates', 'report.md.hbs')}:3`);
    expect(result.err).toContain('subtitel');
  });

  it('uses singular nouns for one', async () => {
    const result = await runCliCaptured(['validate', 'test/fixtures/briefings/minimal.yaml']);
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(/\b1 (sections|figures|charts|sources)\b/);
  });
});
