import Handlebars from 'handlebars';

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

const hbc = Handlebars as unknown as HandlebarsCompiler;

/** Handlebars' parse, with the options it compiles with (they decide what a partial block is). */
export function parseTemplate(source: string, options: CompileOptions): ParsedTemplate {
  return hbc.parse(source, options);
}

/** A parsed template compiled to a spec object, the form Handlebars.template instantiates. */
export function compileSpec(ast: ParsedTemplate, options: CompileOptions): TemplateSpec {
  const environment = new hbc.Compiler().compile(ast, options);
  return new hbc.JavaScriptCompiler().compile(environment, options, undefined, true);
}

/**
 * The same spec as JavaScript source, the text Handlebars.precompile writes: `npm run build`
 * keeps the built-in templates' specs in a file (compose/precompiled-templates.ts), so a
 * cold build does not parse and compile them.
 */
export function compileSpecSource(ast: ParsedTemplate, options: CompileOptions): string {
  const environment = new hbc.Compiler().compile(ast, options);
  return new hbc.JavaScriptCompiler().compile(environment, options, undefined, false) as unknown as string;
}

/** A spec from its source: what Handlebars.template instantiates, as compileSpec gives it. */
export function specFromSource(source: string): TemplateSpec {
  // Handlebars makes a spec's functions the same way (new Function) when it compiles one.
  return new Function(`return ${source};`)() as TemplateSpec;
}
