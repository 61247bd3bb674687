import { TemplateUsageError } from './helpers.js';

/**
 * Checks a parsed template before it is compiled, and makes it strict all through.
 * Handlebars' strict mode stops a misspelt `{{field}}`, but not a misspelt value given to
 * a block helper (`{{#each setcions}}`, `{{#with nosuchfield}}` print nothing) nor a
 * helper's argument; here every such path is marked strict too, so a field that does
 * not exist in the data is a located error wherever it is named. (The template view
 * lists every field the schema knows, absent ones as undefined, so an optional field
 * a briefing leaves out is falsy, not an error.) Also refused here with their line:
 * `{{#if}}` and its kin without their one value, Handlebars' internal helpers, and
 * partials whose names are computed (a partial is named as written, so it can be
 * checked against the templates there are).
 */
interface Loc {
  start: { line: number; column: number };
}
interface Node {
  type: string;
  loc?: Loc;
  [key: string]: unknown;
}
interface PathNode extends Node {
  original: string;
  parts: string[];
  data?: boolean;
  strict?: boolean;
}

/** A partial a template includes, by name, and where. */
export interface PartialRef {
  name: string;
  line: number;
  column: number;
}

const ONE_VALUE = new Set(['if', 'unless', 'with', 'each']);
const INTERNAL = new Set(['helperMissing', 'blockHelperMissing', 'log']);

export interface TemplateFacts {
  /** Partials the template includes. */
  partials: PartialRef[];
  /** Partials it defines itself with {{#*inline "name"}}. */
  inline: string[];
}

export function checkTemplateAst(program: Node): TemplateFacts {
  const partials: PartialRef[] = [];
  const inline: string[] = [];
  const fail = (node: Node, message: string): never => {
    throw new TemplateUsageError(
      message,
      node.loc?.start.line,
      node.loc ? node.loc.start.column + 1 : undefined,
    );
  };
  const strict = (value: unknown): void => {
    const node = value as Node | undefined;
    if (!node || typeof node !== 'object') return;
    if (node.type === 'PathExpression') {
      const path = node as PathNode;
      if (!path.data && path.parts.length > 0) path.strict = true;
    } else if (node.type === 'SubExpression') call(node);
  };
  const call = (node: Node): void => {
    const path = node.path as PathNode | undefined;
    const params = (node.params as unknown[] | undefined) ?? [];
    const name = path?.type === 'PathExpression' ? path.original : undefined;
    if (name !== undefined && INTERNAL.has(name)) fail(node, `unknown helper "${name}"`);
    const isBlock = node.type === 'BlockStatement';
    if (name !== undefined && isBlock && ONE_VALUE.has(name) && params.length !== 1) {
      fail(
        node,
        `{{#${name}}} needs exactly one value, e.g. {{#${name} ${name === 'each' ? 'sections' : 'summary'}}}`,
      );
    }
    if (name === 'lookup' && params.length !== 2)
      fail(node, 'lookup needs a value and a field: {{lookup this "title"}}');
    // `if` and `unless` test whether a value is there (an optional field, a partial's
    // parameter), so theirs may be absent; every other helper's and block's are strict.
    if (name === 'if' || name === 'unless') return;
    if (params.length > 0 || (node.hash as Node | undefined)?.pairs) {
      params.forEach(strict);
      for (const pair of (node.hash as { pairs?: { value: unknown }[] } | undefined)?.pairs ?? [])
        strict(pair.value);
    }
  };
  const visit = (value: unknown): void => {
    const node = value as Node | undefined;
    if (!node || typeof node !== 'object') return;
    switch (node.type) {
      case 'Program':
        (node.body as Node[]).forEach(visit);
        return;
      case 'DecoratorBlock': {
        const literal = (node.params as Node[] | undefined)?.[0] as (Node & { value?: unknown }) | undefined;
        if (literal?.type === 'StringLiteral') inline.push(String(literal.value));
        call(node);
        visit(node.program);
        return;
      }
      case 'BlockStatement':
        call(node);
        visit(node.program);
        visit(node.inverse);
        return;
      case 'MustacheStatement':
      case 'Decorator':
        call(node);
        return;
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = node.name as Node & { original?: unknown };
        if (name.type === 'SubExpression') fail(node, "a partial's name must be written out, not computed");
        partials.push({
          name: String(name.original ?? (name as { value?: unknown }).value),
          line: node.loc?.start.line ?? 1,
          column: (node.loc?.start.column ?? 0) + 1,
        });
        ((node.params as unknown[] | undefined) ?? []).forEach(strict);
        for (const pair of (node.hash as { pairs?: { value: unknown }[] } | undefined)?.pairs ?? [])
          strict(pair.value);
        if (node.type === 'PartialBlockStatement') visit(node.program);
        return;
      }
      default:
        return;
    }
  };
  visit(program);
  return { partials, inline };
}
