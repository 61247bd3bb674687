import type { z } from 'zod';

export interface IssueText {
  message: string;
  expected?: string;
}

/**
 * What a zod issue means to the person who wrote the briefing: the value they wrote
 * and what would have been accepted, in their words ("a list", "text"), never
 * zod's ("Too big: expected string to have <=500 characters").
 */
export function describeIssue(issue: z.core.$ZodIssue): IssueText {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined)
        return { message: 'missing required field', expected: describeType(issue.expected) };
      const plain = issue.expected === 'number' ? plainNumber(input) : undefined;
      return {
        message: `wrong type: ${describeValue(input)}`,
        expected: plain === undefined ? describeType(issue.expected) : numberWritten(plain),
      };
    }
    case 'invalid_value':
      return {
        message: `${describeValue(input)} is not allowed`,
        expected: `one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'too_big':
      if (isNumberOrigin(issue.origin))
        return {
          message: `${describeValue(input)} is too large`,
          expected: `at most ${Number(issue.maximum).toLocaleString('en')}`,
        };
      return issue.origin === 'array'
        ? {
            message: `too many entries: ${count(input)}`,
            expected: `at most ${Number(issue.maximum).toLocaleString('en')} (see "Limits" in the README)`,
          }
        : {
            message: `too long: ${count(input)} characters`,
            expected: `at most ${Number(issue.maximum).toLocaleString('en')} characters`,
          };
    case 'too_small':
      if (isNumberOrigin(issue.origin))
        return {
          message: `${describeValue(input)} is too small`,
          expected: `at least ${Number(issue.minimum).toLocaleString('en')}`,
        };
      return issue.origin === 'array'
        ? { message: 'an empty list', expected: issue.message }
        : { message: 'empty text', expected: issue.message };
    case 'invalid_format':
      return describeFormat(issue, input);
    case 'custom': {
      const expected = (issue.params as { expected?: string } | undefined)?.expected;
      return { message: issue.message, ...(expected !== undefined && { expected }) };
    }
    default:
      return { message: `${describeValue(input)} is not valid`, expected: stripInvalid(issue.message) };
  }
}

function describeFormat(issue: z.core.$ZodIssueInvalidStringFormat, input: unknown): IssueText {
  const value = describeValue(input);
  if (issue.format === 'date') return { message: `${value} is not a real date`, expected: issue.message };
  if (issue.format === 'url') {
    return {
      message: `${value} is not an allowed link`,
      expected: 'an http, https or mailto URL (links never run code or open files)',
    };
  }
  if (typeof input === 'string' && input.trim() === '')
    return { message: 'blank text', expected: issue.message };
  return { message: `${value} is not valid`, expected: issue.message };
}

function isNumberOrigin(origin: string): boolean {
  return origin === 'number' || origin === 'int' || origin === 'bigint';
}

function count(input: unknown): string {
  const n = Array.isArray(input) ? input.length : typeof input === 'string' ? [...input].length : NaN;
  return n.toLocaleString('en');
}

function stripInvalid(message: string): string {
  return message.replace(/^Invalid input:?\s*/i, '').replace(/^expected /i, '');
}

/**
 * A number written as people write it in prose, "4,279", "£4,279", "12%" or "1 200": the
 * plain number it stands for ("4279"), else undefined. YAML reads those as text.
 */
export function plainNumber(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const bare = value
    .replace(/[\s\u00a0\u202f]+/g, '')
    .replace(/^[-−]?[$€£₴¥]|%$/gu, (m) => (/[-−]/u.test(m) ? '-' : ''));
  const grouped = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(bare) ? bare.replace(/,/g, '') : bare;
  return /^-?\d+(\.\d+)?$/.test(grouped) && grouped !== value ? grouped : undefined;
}

/** What to write instead of a number in prose form. */
export function numberWritten(plain: string): string {
  return `a number written plainly, e.g. ${plain} (no thousands separators, currency signs or %: the unit says how it prints)`;
}

function describeType(expected: string): string {
  if (expected === 'number') return 'a finite number';
  if (expected === 'object') return 'a mapping of fields';
  if (expected === 'array') return 'a list';
  if (expected === 'string') return 'text';
  if (expected === 'tuple') return 'a list [low, high]';
  if (expected === 'null') return 'null (an empty cell)';
  return `a ${expected}`;
}

/** A value as it is quoted in a message: short, and readable whatever it holds. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return `${typeof value} ${String(value)}`;
}
