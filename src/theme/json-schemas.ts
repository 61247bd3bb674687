// A namespace import lets the bundler drop what briefkit never uses (zod's ~250 locale files).
import * as z from 'zod';
import { configSchema } from '../config/config-schema.js';
import { themeFileSchema } from './theme-schema.js';

/**
 * JSON Schemas for editors (schema/config.schema.json, schema/theme.schema.json), generated
 * from the same zod schemas that check the files, so completion and the checks never differ.
 * Point a file at one with `# yaml-language-server: $schema=…` on its first line.
 */
export function configJsonSchemaText(): string {
  return schemaText(
    configSchema,
    'briefkit config',
    'Settings for the briefings in a folder: briefkit.config.yaml.',
  );
}

export function themeJsonSchemaText(): string {
  return schemaText(
    themeFileSchema,
    'briefkit theme',
    'The look of the PDF, the charts and the deck: colours, fonts, logo, margins, sizes.',
  );
}

function schemaText(schema: z.ZodType, title: string, description: string): string {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    // A field whose accepted shapes are spelled out (`anyOf` in its meta, as config `formats`
    // is: a word or a list) keeps only those; the checked shape would contradict them.
    override: ({ jsonSchema }) => {
      if (jsonSchema.anyOf === undefined || jsonSchema.type === undefined) return;
      for (const key of ['type', 'items', 'minItems', 'maxItems'] as const) delete jsonSchema[key];
    },
  }) as Record<string, unknown>;
  return `${JSON.stringify({ ...json, title, description }, null, 2)}\n`;
}
