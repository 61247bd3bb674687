import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseBriefingText } from '../../src/briefing/load.js';
import { briefingSchema } from '../../src/briefing/schema.js';
import { ZOD_PARSE_OPTIONS } from '../../src/briefing/zod-schema-node.js';

/**
 * Briefings are checked with zod's interpreted checker (ZOD_PARSE_OPTIONS.jitless), which a
 * cold build runs faster than the checker zod compiles. Both must give the same data and the
 * same issues: checked here on the example briefings and on broken copies of them, so a zod
 * upgrade that made them differ fails here rather than in a message.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

function both(input: unknown): void {
  const compiled = briefingSchema.safeParse(structuredClone(input), { reportInput: true });
  const interpreted = briefingSchema.safeParse(structuredClone(input), ZOD_PARSE_OPTIONS);
  expect(interpreted.success).toBe(compiled.success);
  if (compiled.success) expect(isDeepStrictEqual(interpreted.data, compiled.data)).toBe(true);
  else expect(isDeepStrictEqual(interpreted.error?.issues, compiled.error.issues)).toBe(true);
}

/** Each top-level field in turn: removed, given the wrong type, or joined by an unknown field. */
function brokenCopies(raw: Record<string, unknown>): Record<string, unknown>[] {
  return Object.keys(raw).flatMap((key) => {
    const { [key]: _removed, ...without } = raw;
    const first = Array.isArray(raw[key]) ? (raw[key] as unknown[])[0] : undefined;
    return [
      without,
      { ...raw, [key]: 42 },
      { ...raw, [`${key}s`]: 'x' },
      ...(first && typeof first === 'object' ? [{ ...raw, [key]: [{ ...first, id: 'Bad Id!' }, 7] }] : []),
    ];
  });
}

describe('zod interpreted checker', () => {
  const examples = readdirSync(path.join(ROOT, 'data')).filter((f) => f.endsWith('.yaml'));

  it.each(examples)('gives what the compiled checker gives for %s and broken copies of it', (name) => {
    const file = path.join(ROOT, 'data', name);
    const raw = parseBriefingText(readFileSync(file, 'utf8'), file).raw as Record<string, unknown>;
    both(raw);
    for (const copy of brokenCopies(raw)) both(copy);
  });
});
