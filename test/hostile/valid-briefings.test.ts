import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseBriefingText } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { loadTemplates, type TemplateSet } from '../../src/compose/load-templates.js';
import { tempDir } from '../helpers/temp.js';
import { expectExit, runHostile } from './bounded-run.js';
import { parseAll } from './helpers.js';
import { validBriefing } from './valid-briefings.js';

/**
 * Issue 17, finding 12: whatever validates builds with the built-in templates. Briefings
 * of every shape the schema allows are generated (valid-briefings.ts), validated (the
 * generator must only make valid ones), then composed and parsed with the built-in
 * report and deck templates; a few go all the way to a PDF and a deck through the CLI.
 */
const scale = Number(process.env.PROPERTY_SCALE ?? 1);

describe('property: every valid briefing builds with the built-in templates', () => {
  let builtIn: TemplateSet;
  beforeAll(async () => {
    builtIn = await loadTemplates();
  });

  it('composes and parses, never a template error', () => {
    fc.assert(
      fc.property(validBriefing, (value) => {
        const text = stringify(value);
        validateBriefing(parseBriefingText(text, 'generated.yaml'));
        const started = performance.now();
        parseAll(text, 'generated.yaml', builtIn);
        expect(performance.now() - started).toBeLessThan(5_000);
      }),
      { numRuns: 200 * scale },
    );
  });

  it('builds a PDF and a deck from a few, through the CLI', async () => {
    const dir = tempDir('briefkit-valid-');
    const samples = fc.sample(validBriefing, { numRuns: 3 * scale, seed: 17 });
    for (const [i, value] of samples.entries()) {
      writeFileSync(path.join(dir, `v${i}.yaml`), stringify(value));
      const run = await runHostile(['build', `v${i}.yaml`, '--date', '2026-03-01', '--out', 'out'], {
        cwd: dir,
        timeoutMs: 60_000,
        memoryMb: 1_500,
      });
      expectExit(run, 0);
    }
  }, 240_000);

  it('builds a section with points and neither summary nor notes (the case found)', async () => {
    const dir = tempDir('briefkit-valid-');
    writeFileSync(
      path.join(dir, 'b.yaml'),
      stringify({
        title: 'T',
        date: '2026-03-01',
        summary: 'S.',
        sections: [{ id: 'a', title: 'A', points: [{ text: 'P.' }] }],
        sources: [{ id: 's', publisher: 'P' }],
      }),
    );
    expectExit(await runHostile(['build', 'b.yaml', '--date', '2026-03-01'], { cwd: dir }), 0);
  });
});
