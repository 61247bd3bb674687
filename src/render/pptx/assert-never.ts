import { fail } from '../../errors.js';

/** Ends every switch over a union: a compile error when a case is missing, a clear error at run time. */
export function assertNever(value: never, what: string): never {
  return fail('INTERNAL_ERROR', {
    message: `Unknown ${what}: ${JSON.stringify(value)}. The deck renderer has no case for it; add one in src/render/pptx/.`,
  });
}
