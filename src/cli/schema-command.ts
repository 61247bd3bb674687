import { briefingJsonSchemaText } from '../briefing/json-schema.js';
import { fail } from '../errors.js';
import type { CliIo } from './io.js';

/** `briefkit schema`: the briefing's JSON Schema on stdout, for editors and other tools. */
export function schemaCommand(args: string[], io: CliIo): number {
  if (args.length > 0)
    fail('USAGE_ERROR', {
      message: 'schema takes no arguments',
      expected: 'briefkit schema > briefing.schema.json',
    });
  io.out(briefingJsonSchemaText().trimEnd());
  return 0;
}
