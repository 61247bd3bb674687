import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { build } from '../../src/build/build.js';
import { loadTemplates, type TemplateSet } from '../../src/compose/load-templates.js';
import { BriefkitError } from '../../src/errors.js';
import { briefing, hostileText, mutation, textEdit } from './arbitraries.js';
import { expectLocated, genericTemplates, GENERIC_TEMPLATES, hostile, parseAll } from './helpers.js';
import { editText, mutate } from './mutate.js';
import { slowOr } from '../helpers/slow.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Whatever arrives, every run ends in a result or a BriefkitError whose problems are
 * located, never another exception, and within a time limit. Most runs stop after
 * parsing the Markdown (validate, compose, parse: milliseconds each, so hundreds of
 * cases fit in seconds on two cores); a few go all the way to a PDF and a deck.
 */
const RUN_LIMIT_MS = 5_000;
/**
 * PROPERTY_SCALE=20 npx vitest run test/hostile/properties.test.ts hunts longer; npm test
 * runs a quarter of the cases, SLOW=1 (CI) all of them.
 */
const scale = Number(process.env.PROPERTY_SCALE ?? slowOr(1, 0.25));

function settle(work: () => unknown): 'ok' | BriefkitError {
  const started = performance.now();
  try {
    work();
    return 'ok';
  } catch (error) {
    if (!(error instanceof BriefkitError)) throw error;
    expectLocated(error);
    return error;
  } finally {
    expect(performance.now() - started).toBeLessThan(RUN_LIMIT_MS);
  }
}

const serialize = (value: unknown, json: boolean): [string, string] =>
  json ? [JSON.stringify(value, null, 2), 'generated.json'] : [stringify(value), 'generated.yaml'];

describe('property: any briefing ends in outputs or a located error', () => {
  let generic: TemplateSet;
  let builtIn: TemplateSet;
  const valid = parse(readFileSync(hostile('valid.yaml'), 'utf8')) as unknown;
  const geneva = parse(readFileSync('data/geneva-2026-02-26.yaml', 'utf8')) as unknown;
  beforeAll(async () => {
    generic = await genericTemplates();
    builtIn = await loadTemplates();
  });

  it('holds for briefings assembled from hostile pieces', () => {
    const outcomes = { ok: 0, refused: 0 };
    fc.assert(
      fc.property(briefing, fc.boolean(), (value, json) => {
        const [text, file] = serialize(value, json);
        if (settle(() => parseAll(text, file, generic)) === 'ok') outcomes.ok++;
        else outcomes.refused++;
      }),
      { numRuns: 300 * scale },
    );
    // Both kinds of outcome were exercised, not only refusals.
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('holds for valid briefings with hostile text in every text field', () => {
    let built = 0;
    fc.assert(
      fc.property(
        fc.array(hostileText, { minLength: 4, maxLength: 4 }),
        ([title, summary, point, publisher]) => {
          const value = structuredClone(valid) as {
            title: string;
            summary: string;
            sections: { points: { text: string }[] }[];
            sources: { publisher: string }[];
          };
          value.title = title!;
          value.summary = `${summary} {fig:widgets}`;
          value.sections[0]!.points[0]!.text = point!;
          value.sources[0]!.publisher = publisher!;
          if (settle(() => parseAll(stringify(value), 'hostile-text.yaml', generic)) === 'ok') built++;
        },
      ),
      { numRuns: 200 * scale },
    );
    expect(built).toBeGreaterThan(0);
  });

  it('holds for valid briefings after random mutations', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (mutations, json) => {
        const mutated = mutations.reduce((value, m) => mutate(value, m), valid);
        const [text, file] = serialize(mutated, json);
        settle(() => parseAll(text, file, generic));
      }),
      { numRuns: 300 * scale },
    );
  });

  it('holds for the Geneva example after random mutations, with the built-in templates', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 2 }), (mutations) => {
        const mutated = mutations.reduce((value, m) => mutate(value, m), geneva);
        settle(() => parseAll(stringify(mutated), 'geneva-mutated.yaml', builtIn));
      }),
      { numRuns: 60 * scale },
    );
  });

  it('holds for files edited character by character', () => {
    const text = readFileSync(hostile('valid.yaml'), 'utf8');
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        settle(() => parseAll(edits.reduce(editText, text), 'edited.yaml', generic));
      }),
      { numRuns: 300 * scale },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(
    'holds all the way to a PDF and a deck, within the time limit',
    async () => {
      const dir = tempDir('briefkit-properties-');
      let run = 0;
      let built = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(hostileText, { minLength: 2, maxLength: 2 }), async ([title, point]) => {
          const value = structuredClone(valid) as {
            title: string;
            sections: { points: { text: string }[] }[];
          };
          value.title = title!;
          value.sections[0]!.points[0]!.text = point!;
          const file = path.join(dir, `run-${run++}.yaml`);
          writeFileSync(file, stringify(value));
          const started = performance.now();
          try {
            const result = await build(file, { templatesDir: GENERIC_TEMPLATES, date: '2026-03-01' });
            expect(result.pdf!.subarray(0, 5).toString()).toBe('%PDF-');
            expect(result.pptx!.subarray(0, 2).toString()).toBe('PK');
            built++;
          } catch (error) {
            if (!(error instanceof BriefkitError)) throw error;
            expectLocated(error);
          }
          expect(performance.now() - started).toBeLessThan(30_000);
        }),
        // Hostile text is often refused (with a location), so one plain case always runs too:
        // the property must reach a PDF and a deck at least once to mean anything.
        { numRuns: 4 * scale, examples: [[['A plain title', 'A plain point.']]] },
      );
      expect(built).toBeGreaterThan(0);
    },
    120_000 * scale,
  );
});
