import { boundedCache } from '../cache/index.js';
import { briefingJsonSchema } from '../briefing/json-schema.js';
import { closest } from '../briefing/problems.js';
import type { Problem } from '../errors.js';
import { parseTemplateAsWritten } from '../vendor/handlebars.js';
import { helperNames } from './helpers.js';
import type { TemplateFile, TemplateSet } from './load-templates.js';

/** Handlebars' own block helpers, always there. */
const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
const HELPERS: readonly string[] = [...helperNames, ...BUILT_IN_HELPERS];
/** Handlebars' own fallbacks: never callable from a template (helpers.ts refuses them). */
const INTERNAL = ['helperMissing', 'blockHelperMissing'];

/** A node of Handlebars' syntax tree, as far as this walk reads it. */
interface Node {
  type: string;
  loc?: { start: { line: number; column: number } };
  path?: Node;
  params?: Node[];
  hash?: { pairs: { key: string; value: Node }[] };
  program?: { body: Node[]; blockParams?: string[] };
  inverse?: { body: Node[] };
  body?: Node[];
  name?: Node;
  original?: string;
  parts?: string[];
  data?: boolean;
  head?: unknown;
}

/**
 * Reads every template before any of them runs and reports all the slips it can see at
 * once, each at its file, line and column, with a guess: a syntax error in each file, a
 * helper or partial that does not exist, a field name that no briefing has anywhere
 * (`{{titel}}`, "missing field" as when the template runs). Running a template stops at its first missing field, so without this a
 * template with three typos took three builds to fix. A field the briefing could have but
 * this one lacks is still found when the template runs.
 */
export function lintTemplates(templates: TemplateSet): Problem[] {
  const files = [templates.main.report, templates.main.deck, ...templates.partials.values()];
  const partials = [...templates.partials.keys()];
  const parsed = files.map((template) => ({ template, ast: parse(template) }));
  const problems = parsed.flatMap(({ ast }) => ('problem' in ast ? [ast.problem] : []));
  const trees = parsed.flatMap(({ template, ast }) =>
    'problem' in ast ? [] : [{ template, body: ast.body }],
  );
  // Fields a partial is handed (`{{> slide-section layout="two-column"}}`) are fields inside it.
  const fields = new Set([...briefingFieldNames(), ...trees.flatMap(({ body }) => partialHashKeys(body))]);
  const partialFiles = new Set([...templates.partials.values()]);
  for (const { template, body } of trees) {
    const blockParams = new Set<string>();
    walk(body, (node) => {
      for (const name of node.program?.blockParams ?? []) blockParams.add(name);
      // A partial's optional parameter is tested before use (`{{#if layout}}`); its caller
      // may pass it (`{{> slide-section layout="two-column"}}`) or not.
      if (partialFiles.has(template) && isCondition(node)) blockParams.add(node.params![0]!.parts![0]!);
    });
    // Partials the template defines itself ({{#*inline "name"}}) are there for it to include.
    const known = { fields, partials: [...partials, ...inlinePartialNames(body)], blockParams };
    walk(body, (node) => {
      problems.push(...nodeProblems(node, template, known));
    });
  }
  return problems;
}

interface Known {
  fields: ReadonlySet<string>;
  partials: readonly string[];
  blockParams: ReadonlySet<string>;
}

function nodeProblems(node: Node, template: TemplateFile, known: Known): Problem[] {
  const at = (n: Node): Pick<Problem, 'file' | 'line' | 'column'> => ({
    file: template.file,
    ...(n.loc && { line: n.loc.start.line, column: n.loc.start.column + 1 }),
  });
  const problems: Problem[] = [];
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
    const name = node.name?.type === 'PathExpression' ? node.name.original : undefined;
    if (name !== undefined && !known.partials.includes(name)) {
      const guess = closest(name, known.partials);
      problems.push({
        ...at(node),
        message: `unknown partial "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        expected: `one of the templates in partials/: ${known.partials.join(', ') || 'none'}`,
      });
    }
    for (const param of [...(node.params ?? []), ...(node.hash?.pairs.map((p) => p.value) ?? [])])
      problems.push(...fieldProblem(param, at, known));
    return problems;
  }
  if (node.type !== 'MustacheStatement' && node.type !== 'BlockStatement' && node.type !== 'SubExpression')
    return problems;
  const callee = node.path!;
  const args = [...(node.params ?? []), ...(node.hash?.pairs.map((p) => p.value) ?? [])];
  const name = callee.type === 'PathExpression' && !callee.data ? callee.original! : undefined;
  const isCall = args.length > 0 || node.type === 'SubExpression';
  if (name !== undefined && isCall && !HELPERS.includes(name)) {
    const guess = closest(name, HELPERS);
    problems.push({
      ...at(callee),
      message: `unknown helper "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      expected: `one of: ${HELPERS.join(', ')}`,
    });
  } else if (!isCall && !(name !== undefined && HELPERS.includes(name))) {
    problems.push(...fieldProblem(callee, at, known));
  }
  for (const arg of args) problems.push(...fieldProblem(arg, at, known));
  return problems;
}

/** A field read by name (`title`, `../sources`, `@root.title`) that no briefing has. */
function fieldProblem(
  node: Node,
  at: (n: Node) => Pick<Problem, 'file' | 'line' | 'column'>,
  known: Known,
): Problem[] {
  if (node.type !== 'PathExpression' || node.parts === undefined) return [];
  if (node.data && !/^@root\b/.test(node.original ?? '')) return [];
  const head = node.data ? node.parts[1] : node.parts[0];
  // `this`, `.` and `../` alone have no name to check; block parameters are the template's
  // own; Handlebars' internal helpers are refused when the template runs.
  if (head === undefined || known.blockParams.has(head) || known.fields.has(head) || INTERNAL.includes(head))
    return [];
  const guess = closest(head, [...known.fields]);
  return [
    {
      ...at(node),
      // Worded as when the template runs into it, with a guess added.
      message: `missing field "${head}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
    },
  ];
}

function isCondition(node: Node): boolean {
  const test = node.params?.[0];
  return (
    node.type === 'BlockStatement' &&
    (node.path?.original === 'if' || node.path?.original === 'unless') &&
    test?.type === 'PathExpression' &&
    !test.data &&
    test.parts?.length === 1
  );
}

function walk(body: readonly Node[], visit: (node: Node) => void): void {
  for (const node of body) {
    visit(node);
    for (const child of [...(node.params ?? []), ...(node.hash?.pairs.map((p) => p.value) ?? [])])
      if (child.type === 'SubExpression') walk([child], visit);
    if (node.program) walk(node.program.body, visit);
    if (node.inverse) walk(node.inverse.body, visit);
  }
}

function inlinePartialNames(body: readonly Node[]): string[] {
  const names: string[] = [];
  walk(body, (node) => {
    const name = node.params?.[0] as (Node & { value?: unknown }) | undefined;
    if (node.type === 'DecoratorBlock' && node.path?.original === 'inline' && name?.type === 'StringLiteral')
      names.push(String(name.value));
  });
  return names;
}

function partialHashKeys(body: readonly Node[]): string[] {
  const keys: string[] = [];
  walk(body, (node) => {
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement')
      keys.push(...(node.hash?.pairs.map((p) => p.key) ?? []));
  });
  return keys;
}

/**
 * Syntax trees by source text: the check reads every template on every build, and a
 * rebuild's templates are nearly always the ones it read last time.
 */
const syntaxTrees = boundedCache<{ body: Node[] } | { error: string }>({
  name: 'template syntax trees',
  maxEntries: 128,
});

function parse(template: TemplateFile): { body: Node[] } | { problem: Problem } {
  const parsed = syntaxTrees.get(template.source, () => {
    try {
      return parseTemplateAsWritten(template.source) as unknown as { body: Node[] };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  if (!('error' in parsed)) return parsed;
  // The parser's list of the tokens it expected helps no one who writes templates.
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(parsed.error);
  const line = mismatch ? mismatch[3] : /line (\d+)/.exec(parsed.error)?.[1];
  return {
    problem: {
      file: template.file,
      ...(line !== undefined && { line: Number(line) }),
      ...(mismatch && { column: Number(mismatch[4]) + 1 }),
      message: mismatch
        ? `template syntax error: {{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}`
        : 'template syntax error',
      expected: 'complete {{…}} tags, and each {{#block}} closed by its own {{/block}}',
    },
  };
}

let fieldNames: ReadonlySet<string> | undefined;

/** Every field name a briefing can have, at any depth, from its JSON Schema. */
function briefingFieldNames(): ReadonlySet<string> {
  if (fieldNames) return fieldNames;
  const names = new Set<string>();
  const stack: unknown[] = [briefingJsonSchema()];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...(node as unknown[]));
    else if (node !== null && typeof node === 'object') {
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      if (properties) for (const key of Object.keys(properties)) names.add(key);
      stack.push(...Object.values(node));
    }
  }
  names.delete('$schema');
  return (fieldNames = names);
}
