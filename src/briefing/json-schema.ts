// A namespace import lets the bundler drop what briefkit never uses (zod's ~250 locale files).
import * as z from 'zod';
import { briefingSchema } from './schema.js';

/** The JSON Schema editors use to check and complete briefings, generated from the zod schema. */
export function briefingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(briefingSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    title: 'briefkit briefing',
    description:
      'One briefing: its facts with their sources, sections, charts. Built into a PDF report and a PPTX deck.',
  };
}

export function briefingJsonSchemaText(): string {
  return `${JSON.stringify(briefingJsonSchema(), null, 2)}\n`;
}
