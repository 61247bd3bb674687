import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { briefingJsonSchemaText } from '../../src/briefing/json-schema.js';

describe('schema/briefing.schema.json', () => {
  it('is current with src/briefing/schema.ts (run `npm run schema` if this fails)', () => {
    expect(readFileSync('schema/briefing.schema.json', 'utf8')).toBe(briefingJsonSchemaText());
  });

  it('is what the example data file points editors at', () => {
    const firstLine = readFileSync('data/geneva-2026-02-26.yaml', 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=../schema/briefing.schema.json');
  });
});
