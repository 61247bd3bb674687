import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText, themeJsonSchemaText } from '../../src/theme/json-schemas.js';

describe('the editor schemas for config and theme files', () => {
  it('are current with the zod schemas (run `npm run schema` if this fails)', () => {
    expect(readFileSync('schema/config.schema.json', 'utf8')).toBe(configJsonSchemaText());
    expect(readFileSync('schema/theme.schema.json', 'utf8')).toBe(themeJsonSchemaText());
  });

  it('list the settings a config takes', () => {
    const schema = JSON.parse(configJsonSchemaText()) as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toEqual([
      '$schema',
      'out',
      'formats',
      'pageSize',
      'deckCharts',
      'pdfa',
      'templates',
      'theme',
    ]);
    expect(schema.additionalProperties).toBe(false);
  });
});
