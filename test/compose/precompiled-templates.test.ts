import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/compose/load-templates.js';
import {
  lintedClean,
  PRECOMPILED_FILE,
  templateKey,
  templateSetKey,
  type PrecompiledTemplates,
} from '../../src/compose/precompiled-templates.js';
import { prepareTemplates } from '../../src/compose/prepare-templates.js';
import { runBin } from '../helpers/run-bin.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('briefkit-precompiled-');

describe('the built-in templates compiled by npm run build (compose/precompiled-templates.ts)', () => {
  it('holds every built-in template and the set the lint found clean', async () => {
    const file = path.join(dir, 'compiled.json');
    const templates = await loadTemplates();
    const files = [templates.main.report, templates.main.deck, ...templates.partials.values()];
    expect(await prepareTemplates(file)).toBe(files.length);
    const written = JSON.parse(readFileSync(file, 'utf8')) as PrecompiledTemplates;
    expect(Object.keys(written.templates).sort()).toEqual(files.map((f) => templateKey(f.source)).sort());
    expect(written.lintClean).toEqual([templateSetKey(templates)]);
    // One partial more, or another text, is another set: it is linted when it is built.
    const edited = { ...templates, partials: new Map([...templates.partials, ['extra', files[0]!]]) };
    expect(templateSetKey(edited)).not.toBe(templateSetKey(templates));
  });

  it('is the one the bundle wrote, and the bundle alone reads it', () => {
    const bundled = JSON.parse(
      readFileSync(path.join('dist', PRECOMPILED_FILE), 'utf8'),
    ) as PrecompiledTemplates;
    expect(Object.keys(bundled.templates).length).toBeGreaterThanOrEqual(6);
    expect(bundled.templates).not.toHaveProperty(templateKey('# {{title}}\n'));
    // From the TypeScript sources nothing is read: the tests compile as before.
    expect(
      lintedClean({
        main: { report: { file: 'r', source: '' }, deck: { file: 'd', source: '' } },
        partials: new Map(),
      }),
    ).toBe(false);
  });

  it('compiles to specs that Handlebars runs, and the bundled CLI still checks a changed set', () => {
    const bundled = JSON.parse(
      readFileSync(path.join('dist', PRECOMPILED_FILE), 'utf8'),
    ) as PrecompiledTemplates;
    for (const { spec } of Object.values(bundled.templates)) {
      expect(typeof Handlebars.template(new Function(`return ${spec};`)() as never)).toBe('function');
    }
    // Two slips: the lint names both at once (running a template stops at its first).
    const templates = path.join(dir, 'templates');
    mkdirSync(templates);
    writeFileSync(path.join(templates, 'report.md.hbs'), '# {{titel}}\n\n{{sumary}}\n');
    const result = runBin([
      'build',
      'data/geneva-2026-02-26.yaml',
      '--templates',
      templates,
      '--out',
      path.join(dir, 'out'),
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('"titel"');
    expect(result.err).toContain('"sumary"');
  });
});
