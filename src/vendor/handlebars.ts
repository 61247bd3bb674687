import type Handlebars from 'handlebars';
import { lazyPackage } from './lazy-package.js';

/**
 * The one place briefkit reaches inside Handlebars: compiling a template to a spec in two
 * steps (Compiler, then JavaScriptCompiler), as Handlebars.precompile does inside, so the
 * parsed AST can be checked in between and the spec cached and instantiated per build with
 * Handlebars.template. Written for Handlebars 4.7 (HANDLEBARS_RANGE);
 * test/vendor/contracts.test.ts fails loudly when an upgrade moves these classes.
 */
export const HANDLEBARS_RANGE = { package: 'handlebars', from: '4.7.0', below: '5.0.0' } as const;

export type TemplateSpec = Parameters<typeof Handlebars.template>[0];
export type ParsedTemplate = ReturnType<typeof Handlebars.parse>;

interface HandlebarsCompiler {
  parse: (source: string, options?: CompileOptions) => ParsedTemplate;
  parseWithoutProcessing: (source: string) => ParsedTemplate;
  Compiler: new () => { compile(ast: unknown, options: CompileOptions): unknown };
  JavaScriptCompiler: new () => {
    compile(
      environment: unknown,
      options: CompileOptions,
      context: undefined,
      asObject: boolean,
    ): TemplateSpec;
  };
}

/**
 * Handlebars with its parser and compiler, loaded on first use (vendor/lazy-package.ts): a
 * build with the built-in templates runs their precompiled specs on the runtime alone
 * (compose/environment.ts) and never parses a template.
 */
const hbc = (): HandlebarsCompiler => lazyPackage<HandlebarsCompiler>('handlebars');

/** Handlebars' parse, with the options it compiles with (they decide what a partial block is). */
export function parseTemplate(source: string, options: CompileOptions): ParsedTemplate {
  return hbc().parse(source, options);
}

/** Handlebars' parse without its whitespace processing: the syntax tree as written (the lint walks it). */
export function parseTemplateAsWritten(source: string): ParsedTemplate {
  return hbc().parseWithoutProcessing(source);
}

/** A parsed template compiled to a spec object, the form Handlebars.template instantiates. */
export function compileSpec(ast: ParsedTemplate, options: CompileOptions): TemplateSpec {
  const { Compiler, JavaScriptCompiler } = hbc();
  const environment = new Compiler().compile(ast, options);
  return new JavaScriptCompiler().compile(environment, options, undefined, true);
}

/**
 * The same spec as JavaScript source, the text Handlebars.precompile writes: `npm run build`
 * keeps the built-in templates' specs in a file (compose/precompiled-templates.ts), so a
 * cold build does not parse and compile them.
 */
export function compileSpecSource(ast: ParsedTemplate, options: CompileOptions): string {
  const { Compiler, JavaScriptCompiler } = hbc();
  const environment = new Compiler().compile(ast, options);
  return new JavaScriptCompiler().compile(environment, options, undefined, false) as unknown as string;
}

/** A spec from its source: what Handlebars.template instantiates, as compileSpec gives it. */
export function specFromSource(source: string): TemplateSpec {
  // Handlebars makes a spec's functions the same way (new Function) when it compiles one.
  return new Function(`return ${source};`)() as TemplateSpec;
}
