import { numberWritten } from './describe-issue.js';

type Position = { line: number; column: number } | undefined;

export interface UnknownKeyContext {
  /** The mapping that holds the key, as parsed. */
  holder: unknown;
  /** Only YAML has unquoted text a comma can cut short. */
  yaml: boolean;
  /** Where a key of the holder is written, for the order of the keys in the file. */
  locate: (key: string) => Position;
}

/**
 * The message for a key nothing expects, in a briefing's field or a table row: a comma that
 * cut a value short (below), else the name it is nearest to. A key of digits is a split
 * number ("74" is no slip for "id"), whatever its nearest name. `expected` is set only for a
 * slip; the caller knows the names allowed.
 */
export function unknownKeyText(
  kind: 'field' | 'column',
  key: string,
  /** The allowed name nearest to the key, if any is near enough to be a typo. */
  near: string | undefined,
  context: UnknownKeyContext,
): { message: string; expected?: string } {
  const slip =
    context.yaml && (!near || /^\d+$/.test(key)) ? commaSlip(context.holder, key, context.locate) : undefined;
  if (slip?.split === 'number')
    return {
      message: `unknown ${kind} "${key}": a comma split the number of "${slip.field}"`,
      expected: numberWritten(`${slip.field}: ${slip.text}`),
    };
  if (slip)
    return {
      message: `unknown ${kind} "${key}": the comma before it ended the value of "${slip.field}"`,
      expected: `text with a comma in quotes, e.g. ${slip.field}: ${quoted(slip.text)}`,
    };
  return { message: `unknown ${kind} "${key}"${near ? ` (did you mean "${near}"?)` : ''}` };
}

/**
 * `{ label: Inflation, December 2023, unit: percent }`: in a YAML flow mapping a comma ends
 * a value, so "December 2023" becomes a key without a value. When an unknown key has no
 * value and follows a field whose value is text (or a run of such keys does), the comma
 * was meant as part of that text: name the field and the text it was meant to hold.
 */
function commaSlip(
  holder: unknown,
  key: string,
  locate: (key: string) => Position,
): { field: string; text: string; split: 'value' | 'number' } | undefined {
  if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) return undefined;
  const fields = holder as Record<string, unknown>;
  if (fields[key] !== null) return undefined;
  // In the order written (an object lists keys such as "2024" first, whatever the file says).
  const at = new Map(Object.keys(fields).map((k) => [k, locate(k)]));
  if ([...at.values()].some((pos) => pos === undefined)) return undefined;
  const keys = [...at.keys()].sort((a, b) => {
    const pa = at.get(a)!;
    const pb = at.get(b)!;
    return pa.line - pb.line || pa.column - pb.column;
  });
  let index = keys.indexOf(key);
  const parts: string[] = [];
  while (index > 0 && fields[keys[index]!] === null) parts.unshift(keys[index--]!);
  const field = keys[index]!;
  const value = fields[field];
  // A flow mapping on one line (a block mapping puts each key on its own line). Only the
  // run up to this key: later keys of the same slip report themselves.
  if (parts.length === 0 || at.get(field)!.line !== at.get(key)!.line) return undefined;
  if (typeof value === 'string') return { field, text: [value, ...parts].join(', '), split: 'value' };
  // value: 4,279 — thousands separators split a number the same way.
  // A group read as a number key loses its leading zeros ("074" is the key 74).
  if (Number.isInteger(value) && parts.every((part) => /^\d{1,3}$/.test(part)))
    return {
      field,
      text: `${String(value)}${parts.map((part) => part.padStart(3, '0')).join('')}`,
      split: 'number',
    };
  return undefined;
}

/** A YAML scalar in quotes that keep it one value: single quotes, unless it holds one. */
function quoted(text: string): string {
  return text.includes("'") ? JSON.stringify(text) : `'${text}'`;
}
