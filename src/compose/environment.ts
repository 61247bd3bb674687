import Handlebars from 'handlebars';
import { boundedCache } from '../cache/index.js';
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
  const runtimeOptions: RuntimeOptions = {
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  };

  // Compiled on first use, as Handlebars does, so a broken partial no template uses stays silent.
  const compile = (file: string, source: string): RenderTemplate => {
    let template: HandlebarsTemplateDelegate | undefined;
    return (view, data?: Record<string, unknown>) => {
      try {
        template ??= hb.template(compiledSpec(source)) as HandlebarsTemplateDelegate;
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

const compileOptions: CompileOptions = {
  strict: true,
  knownHelpers: Object.fromEntries(helperNames.map((n) => [n, true])),
  knownHelpersOnly: true,
  noEscape: true, // Markdown escaping is done on the data itself (template-view.ts).
  preventIndent: true,
  data: true, // Handlebars.compile's own default
};

/** Handlebars' compiler stages, which `Handlebars.compile` runs one after the other. */
interface HandlebarsCompiler {
  parse(source: string, options: CompileOptions): unknown;
  Compiler: new () => { compile(ast: unknown, options: CompileOptions): unknown };
  JavaScriptCompiler: new () => {
    compile(environment: unknown, options: CompileOptions, context: undefined, asObject: true): TemplateSpec;
  };
}
type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/**
 * Compiled templates by source text, for the life of the process. Compiling is most of
 * the compose stage of a rebuild (parse, then generate and evaluate JavaScript), and a
 * compiled spec depends only on the source and the compile options, which are fixed;
 * helpers and partials are bound when each build's environment instantiates it. A source
 * that fails to compile is not kept.
 */
const compiledSpecs = boundedCache<TemplateSpec>({ name: 'compiled templates', maxEntries: 128 });

function compiledSpec(source: string): TemplateSpec {
  return compiledSpecs.get(source, () => {
    const hbc = Handlebars as unknown as HandlebarsCompiler;
    // A fresh copy for each compile, as Handlebars.compile makes: the compiler keeps state in
    // its options (block parameters in scope), which a failed compile would leave behind.
    const options: CompileOptions = { ...compileOptions, knownHelpers: { ...compileOptions.knownHelpers } };
    const environment = new hbc.Compiler().compile(hbc.parse(source, options), options);
    return new hbc.JavaScriptCompiler().compile(environment, options, undefined, true);
  });
}

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
