import type Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime';
import { boundedCache } from '../cache/index.js';
import { BriefkitError, type Problem } from '../errors.js';
import { closest } from '../briefing/problems.js';
import { createHelpers, helperNames, TemplateUsageError } from './helpers.js';
import { checkTemplateAst, type TemplateFacts } from './template-ast.js';
import type { Facts } from './facts.js';
import type { TemplateSet } from './load-templates.js';
import {
  compileSpec,
  compileSpecSource,
  parseTemplate,
  specFromSource,
  type TemplateSpec,
} from '../vendor/handlebars.js';
import { precompiledTemplate } from './precompiled-templates.js';

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
  const hb = runtime.create();
  const helpers = createHelpers(facts);
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  for (const [name, fn] of Object.entries(boundedBuiltIns(hb))) hb.registerHelper(name, fn);
  const runtimeOptions: RuntimeOptions = {
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  };
  const partialNames = new Set(templates.partials.keys());

  // Compiled on first use, as Handlebars does, so a broken partial no template uses stays silent.
  const compile = (file: string, source: string): RenderTemplate => {
    let template: HandlebarsTemplateDelegate | undefined;
    return (view, data?: Record<string, unknown>) => {
      try {
        if (!template) {
          const compiled = compiledSpec(source);
          checkPartialRefs(compiled.facts, partialNames);
          template = hb.template(compiled.spec) as HandlebarsTemplateDelegate;
        }
        return template(view, { ...runtimeOptions, data });
      } catch (error) {
        throw templateError(file, source, error);
      }
    };
  };

  // Partials nest (a partial includes another); one that includes itself would recurse until the stack overflows.
  let depth = 0;
  for (const [name, partial] of templates.partials) {
    const render = compile(partial.file, partial.source);
    // A partial is a function so errors inside it name the partial's own file.
    hb.registerPartial(name, ((context: unknown, options?: { data?: Record<string, unknown> }) => {
      if (depth >= MAX_PARTIAL_DEPTH) {
        throw new BriefkitError('TEMPLATE_ERROR', {
          file: partial.file,
          line: 1,
          message: `partials nest more than ${MAX_PARTIAL_DEPTH} deep here (does "${name}" include itself?)`,
          expected: 'partials that end: a partial may include another, not itself without end',
        });
      }
      depth++;
      try {
        return (render as (v: unknown, d?: Record<string, unknown>) => string)(context, options?.data);
      } finally {
        depth--;
      }
    }) as never);
  }
  return (name) => {
    const entry = templates.main[name];
    return compile(entry.file, entry.source);
  };
}

const MAX_PARTIAL_DEPTH = 32;

/**
 * Handlebars' runtime alone (what runs a compiled spec), the same code the full package runs:
 * the parser and compiler are loaded only when a template has no precompiled spec
 * (vendor/handlebars.ts), which saves a cold build compiling them.
 */
const runtime = HandlebarsRuntime as unknown as typeof Handlebars;

/**
 * Loop steps one build's templates may take, all loops together: a template that loops over
 * each item a few times takes a few times the briefing's values (at most 200,000); a loop
 * nested in a loop over the same list multiplies them, and three deep over 500 keywords is
 * 125 million steps (minutes). A clear error, at the loop, instead.
 */
export const MAX_LOOP_STEPS = 2_000_000;

/**
 * Handlebars' `each` and `lookup`, made strict and bounded: `each` over a value that is
 * neither a list nor a mapping (text, a number) is an error, and its steps are counted;
 * `lookup` of a field or an entry that does not exist is an error, not a blank.
 */
function boundedBuiltIns(hb: typeof Handlebars): Record<string, Handlebars.HelperDelegate> {
  const each = hb.helpers.each!;
  let steps = 0;
  const where = (options: HelperOptions | undefined): [number | undefined, number | undefined] => {
    const loc = (options as { loc?: { start: { line: number; column: number } } } | undefined)?.loc;
    return [loc?.start.line, loc ? loc.start.column + 1 : undefined];
  };
  return {
    each(this: unknown, context: unknown, options: HelperOptions) {
      if (context !== undefined && context !== null && typeof context !== 'object') {
        throw new TemplateUsageError(`each needs a list, got ${typeof context}`, ...where(options));
      }
      steps += Array.isArray(context) ? context.length : context ? Object.keys(context).length : 0;
      if (steps > MAX_LOOP_STEPS) {
        throw new TemplateUsageError(
          `the templates' loops took more than ${MAX_LOOP_STEPS.toLocaleString('en')} steps (a loop inside a loop over the same list?)`,
          ...where(options),
        );
      }
      return each.call(this, context, options) as unknown;
    },
    lookup(value: unknown, field: unknown, options: HelperOptions) {
      const key = typeof field === 'number' ? field : String(field);
      const found =
        value !== null &&
        typeof value === 'object' &&
        (Array.isArray(value)
          ? Number.isInteger(key) && (key as number) >= 0 && (key as number) < value.length
          : Object.hasOwn(value, key));
      if (!found)
        throw new TemplateUsageError(
          `lookup found no ${typeof key === 'number' ? `entry ${key}` : `field "${key}"`} in ${value === undefined || value === null ? 'a missing value' : Array.isArray(value) ? 'the list' : typeof value === 'object' ? 'the mapping' : typeof value}`,
          ...where(options),
        );
      return (value as Record<string | number, unknown>)[key];
    },
  };
}

/** Every `{{> name}}` names a partial there is (or one the template defines inline). */
function checkPartialRefs(facts: TemplateFacts, known: ReadonlySet<string>): void {
  for (const ref of facts.partials) {
    if (known.has(ref.name) || facts.inline.includes(ref.name) || ref.name === '@partial-block') continue;
    const guess = closest(ref.name, [...known]);
    throw new TemplateUsageError(
      `unknown partial "${ref.name.slice(0, 80)}"${guess ? ` (did you mean "${guess}"?)` : ''}: partials are the .hbs files in the templates' partials folder, named without folder or extension`,
      ref.line,
      ref.column,
    );
  }
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

/**
 * Compiled templates by source text, for the life of the process. Compiling is most of
 * the compose stage of a rebuild (parse, then generate and evaluate JavaScript), and a
 * compiled spec depends only on the source and the compile options, which are fixed;
 * helpers and partials are bound when each build's environment instantiates it. A source
 * that fails to compile is not kept.
 */
const compiledSpecs = boundedCache<{ spec: TemplateSpec; facts: TemplateFacts }>({
  name: 'compiled templates',
  maxEntries: 128,
});

function compiledSpec(source: string): { spec: TemplateSpec; facts: TemplateFacts } {
  return compiledSpecs.get(source, () => {
    const precompiled = precompiledTemplate(source);
    if (precompiled) return { spec: specFromSource(precompiled.spec), facts: precompiled.facts };
    const { ast, options } = parsed(source);
    const facts = checkTemplateAst(ast as unknown as Parameters<typeof checkTemplateAst>[0]);
    return { spec: compileSpec(ast, options), facts };
  });
}

/** A template's spec as JavaScript source, and its facts: what `npm run build` keeps (prepare-templates.ts). */
export function precompileTemplate(source: string): { spec: string; facts: TemplateFacts } {
  const { ast, options } = parsed(source);
  const facts = checkTemplateAst(ast as unknown as Parameters<typeof checkTemplateAst>[0]);
  return { spec: compileSpecSource(ast, options), facts };
}

function parsed(source: string): { ast: ReturnType<typeof parseTemplate>; options: CompileOptions } {
  // A fresh copy for each compile, as Handlebars.compile makes: the compiler keeps state in
  // its options (block parameters in scope), which a failed compile would leave behind.
  const options: CompileOptions = { ...compileOptions, knownHelpers: { ...compileOptions.knownHelpers } };
  return { ast: parseTemplate(source, options), options };
}

function templateError(file: string, source: string, error: unknown): BriefkitError {
  if (error instanceof BriefkitError) return error;
  if (error instanceof TemplateUsageError) {
    return new BriefkitError('TEMPLATE_ERROR', {
      file,
      line: error.line,
      column: error.column,
      message: error.message,
    });
  }
  if (error instanceof RangeError) {
    return new BriefkitError('TEMPLATE_ERROR', {
      file,
      message: 'the template nests too deeply to run (a partial or a block inside itself?)',
      expected: 'templates whose blocks and partials end',
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  // A field read from text or a number, or from a missing value: JavaScript's words quote the
  // whole value (a page of text), and give no position; say it plainly, at the first place
  // the template names that field.
  const fieldOfValue =
    /^Cannot use 'in' operator to search for '([^']*)' in /.exec(message) ??
    /^Cannot read properties of (?:undefined|null) \(reading '([^']*)'\)/.exec(message);
  if (error instanceof TypeError && fieldOfValue) {
    const field = fieldOfValue[1]!;
    return new BriefkitError('TEMPLATE_ERROR', {
      file,
      ...firstUse(source, field),
      message: `"${field.slice(0, 80)}" is read from a value that has no fields (text, a number, or a missing value)`,
      expected: 'a field of a mapping in the briefing, e.g. {{section.title}}',
    });
  }
  return new BriefkitError('TEMPLATE_ERROR', describeHandlebarsError(file, message, error));
}

/** Where a template first reads `.field` inside {{…}}: the best place to point at when Handlebars gives none. */
function firstUse(source: string, field: string): { line?: number; column?: number } {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\{\\{[^}]*[./]${escaped}\\b`).exec(source);
  if (!match) return {};
  const before = source.slice(0, match.index);
  return { line: before.split('\n').length, column: match.index - before.lastIndexOf('\n') };
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
