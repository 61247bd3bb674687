/**
 * Reading the briefing's zod schema as data (the fields an object takes, what a list holds),
 * for messages and template checks that must follow the schema without a copy of it.
 * zod 4 keeps each node's definition under `_zod.def`; only the parts read here are typed.
 */
export interface ZodDefLike {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  options?: unknown[];
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'catch', 'prefault']);

/** The definition of a schema node under its optional, default, nullable and pipe wrappers. */
export function unwrapSchema(schema: unknown): ZodDefLike | undefined {
  let node = schema;
  // Wrappers nest a few deep at most; the bound keeps a malformed schema from looping.
  for (let i = 0; i < 16; i++) {
    const def = (node as { _zod?: { def?: ZodDefLike } } | undefined)?._zod?.def;
    if (!def) return undefined;
    if (WRAPPERS.has(def.type)) node = def.innerType;
    else if (def.type === 'pipe') node = def.in;
    else return def;
  }
  return undefined;
}

/**
 * How briefkit asks zod to check data: issues carry the offending value (messages quote it),
 * and zod's interpreted checker is used. zod 4 otherwise generates and compiles a checker
 * (new Function) for each object schema on its first use, which costs a one-shot CLI build
 * more than it saves (cold: ~2x the interpreted check; warm, both take a fraction of a
 * millisecond for a briefing). Same results and issues either way.
 */
export const ZOD_PARSE_OPTIONS = { reportInput: true, jitless: true } as const;
