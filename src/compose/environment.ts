import Handlebars from 'handlebars';
import { BriefkitError, type Problem } from '../errors.js';
import { createHelpers, helperNames, TemplateUsageError } from './helpers.js';
import type { Facts } from './facts.js';
import type { TemplateSet } from './load-templates.js';

export type RenderTemplate = (view: unknown) => string;

/**
 * An isolated Handlebars environment for one build: strict (a missing field is an
 * error, not a blank), only known helpers, no prototype access. Every error names
 * the template file and line.
 */
export function createEnvironment(
  templates: TemplateSet,
  facts: Facts,
): (name: 'report' | 'deck') => RenderTemplate {
  const hb = Handlebars.create();
  const helpers = createHelpers(facts);
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const knownHelpers = Object.fromEntries(helperNames.map((n) => [n, true]));
  const compileOptions: CompileOptions = {
    strict: true,
    knownHelpers,
    knownHelpersOnly: true,
    noEscape: true, // Markdown escaping is done on the data itself (template-view.ts).
    preventIndent: true,
  };
  const runtimeOptions: RuntimeOptions = {
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  };

  const compile = (file: string, source: string): RenderTemplate => {
    let template: HandlebarsTemplateDelegate;
    try {
      template = hb.compile(source, compileOptions);
    } catch (error) {
      throw templateError(file, error);
    }
    return (view, data?: Record<string, unknown>) => {
      try {
        return template(view, { ...runtimeOptions, data });
      } catch (error) {
        throw templateError(file, error);
      }
    };
  };

  for (const [name, partial] of templates.partials) {
    const render = compile(partial.file, partial.source);
    // A partial is a function so errors inside it name the partial's own file.
    hb.registerPartial(name, ((context: unknown, options?: { data?: Record<string, unknown> }) =>
      (render as (v: unknown, d?: Record<string, unknown>) => string)(context, options?.data)) as never);
  }
  return (name) => {
    const entry = templates.main[name];
    return compile(entry.file, entry.source);
  };
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
type RuntimeOptions = Handlebars.RuntimeOptions;

function templateError(file: string, error: unknown): BriefkitError {
  if (error instanceof BriefkitError) return error;
  if (error instanceof TemplateUsageError) {
    return new BriefkitError('TEMPLATE_ERROR', {
      file,
      line: error.line,
      column: error.column,
      message: error.message,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new BriefkitError('TEMPLATE_ERROR', describeHandlebarsError(file, message, error));
}

/** Handlebars reports positions in three different shapes; find the line in any of them. */
function describeHandlebarsError(file: string, message: string, error: unknown): Problem {
  const props = error as { lineNumber?: number; column?: number };
  const parse = /Parse error on line (\d+):[\s\S]*?\n(Expecting [^\n]*|.*)$/.exec(message);
  if (parse)
    return {
      file,
      line: Number(parse[1]),
      message: 'template syntax error',
      expected: parse[2]?.replace(/^Expecting /, ''),
    };
  const trailing = /^(.*?) - (\d+):(\d+)$/s.exec(message);
  const text = (trailing?.[1] ?? message)
    .replace(/ in \[(object Object|briefing data)\]/, '')
    .replace(/^"(.+)" not defined/, 'missing field "$1"')
    .replace(/^You specified knownHelpersOnly, but used the unknown helper (\S+)/, 'unknown helper "$1"');
  return {
    file,
    line: props.lineNumber ?? (trailing ? Number(trailing[2]) : undefined),
    column: props.column !== undefined ? props.column + 1 : trailing ? Number(trailing[3]) + 1 : undefined,
    message: text,
  };
}
