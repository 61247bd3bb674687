import { parseArgs } from 'node:util';
import { closest } from '../briefing/problems.js';
import { fail } from '../errors.js';
import { cliOptions } from './cli-options.js';

export type OptionName = keyof typeof cliOptions;
export type CliValues = ReturnType<typeof parseStrict>['values'];

/**
 * Parses the command line. Node's own messages for a bad option are written for
 * programmers (`To specify a positional argument starting with a '-', place it at the
 * end of the command after '--', as in '-- "--themes"'`), so the tokens are read
 * leniently first and every slip gets one plain line, with a guess where there is one.
 */
export function parseCliArgs(argv: readonly string[]): { values: CliValues; positionals: string[] } {
  const { tokens } = parseArgs({
    args: [...argv],
    options: cliOptions,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = (cliOptions as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (spec === undefined) unknownOption(token.rawName);
    else if (
      spec.type === 'string' &&
      (token.value === undefined || isOptionLike(token.value, token.inlineValue))
    )
      fail('USAGE_ERROR', {
        message: `${token.rawName} needs a value`,
        expected: `${token.rawName} ${VALUE_HINTS[token.name as OptionName] ?? '<value>'}`,
      });
    else if (spec.type === 'boolean' && token.inlineValue)
      fail('USAGE_ERROR', { message: `${token.rawName} takes no value`, expected: `${token.rawName} alone` });
  }
  return parseStrict(argv);
}

function parseStrict(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: cliOptions, allowPositionals: true, strict: true });
}

/** A value that is really the next option: `--out --force` forgot the folder. */
function isOptionLike(value: string, inline: boolean | undefined): boolean {
  return !inline && value.startsWith('-') && value !== '-';
}

function unknownOption(raw: string): never {
  const name = raw.replace(/^-+/, '').replace(/=.*$/, '');
  const longNames = Object.keys(cliOptions);
  const guess = raw.startsWith('--') || name.length > 1 ? closest(name, longNames) : undefined;
  return fail('USAGE_ERROR', {
    message: `unknown option ${raw.replace(/=.*$/, '')}${guess ? ` (did you mean --${guess}?)` : ''}`,
    expected: 'an option that briefkit <command> --help lists',
  });
}

/** What each option's value looks like, for "needs a value" messages. */
const VALUE_HINTS: Partial<Record<OptionName, string>> = {
  out: '<folder>',
  format: 'pdf,pptx',
  date: 'YYYY-MM-DD',
  'page-size': 'A4|Letter',
  'deck-charts': 'native|image',
  templates: '<folder>',
  theme: '<name|file|package>',
  config: '<file>',
  shard: 'i/n',
  jobs: '<n>',
  from: '<npm install spec>',
  port: '<n>',
  host: '<address>',
};

/**
 * Refuses an option the command does not use, rather than ignoring it: `validate --jobs 4`
 * or `init --theme ink` would otherwise look as if they had done something.
 */
export function checkOptionsFor(command: string, values: CliValues, allowed: readonly OptionName[]): void {
  const given = (Object.keys(values) as OptionName[]).filter(
    (name) => values[name] !== undefined && name !== 'help' && name !== 'version',
  );
  const unused = given.filter((name) => !allowed.includes(name));
  if (unused.length === 0) return;
  fail('USAGE_ERROR', {
    message: `${unused.map((name) => `--${name}`).join(', ')} ${unused.length === 1 ? 'is not an option' : 'are not options'} of briefkit ${command}`,
    expected:
      allowed.length === 0
        ? `briefkit ${command} without options`
        : `one of ${allowed.map((name) => `--${name}`).join(', ')}; briefkit ${command} --help describes them`,
  });
}

/** Checks a flag's value against its allowed values. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  const guess = closest(value, allowed);
  return (
    match ??
    fail('USAGE_ERROR', {
      message: `--${flag} ${value} is not known${guess ? ` (did you mean ${guess}?)` : ''}`,
      expected: `one of: ${allowed.join(', ')}`,
    })
  );
}
