import type { Mutation } from './arbitraries.js';

type Container = Record<string, unknown> | unknown[];

/** Every object and list inside a value, in a stable order, so a mutation can pick one by number. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (Array.isArray(value)) {
    out.push(value);
    value.forEach((item) => containers(item, out));
  } else if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((item) => containers(item, out));
  }
  return out;
}

/** Applies a mutation to a deep copy of `value`: delete, replace, rename or duplicate something. */
export function mutate(value: unknown, m: Mutation): unknown {
  const copy = structuredClone(value);
  const all = containers(copy);
  const target = all[m.at % all.length]!;
  const keys = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
  if (keys.length === 0) return copy;
  const key = keys[m.at % keys.length]!;
  const record = target as Record<string | number, unknown>;
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(target)) target.splice(key as number, 1);
      else delete record[key];
      break;
    case 'set':
      record[key] = structuredClone(m.value);
      break;
    case 'rename':
      if (!Array.isArray(target)) {
        // defineProperty: a key named __proto__ must become a key, as a parser would make it.
        Object.defineProperty(record, m.to, {
          value: record[key],
          enumerable: true,
          writable: true,
          configurable: true,
        });
        if (m.to !== key) delete record[key];
      }
      break;
    case 'duplicate':
      if (Array.isArray(target)) target.push(structuredClone(target[key as number]));
      break;
  }
  return copy;
}

/** A character-level edit of a file's text. */
export function editText(text: string, edit: { at: number; remove: number; insert: string }): string {
  const at = edit.at % (text.length + 1);
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}
