import type * as YamlLibrary from 'yaml';
import type { Alias, Document, LineCounter, Node } from 'yaml';
import { BriefkitError, type Problem } from '../errors.js';
import { readFastYaml } from './fast-yaml.js';
import { lazyPackage } from '../vendor/lazy-package.js';
import { findIndentationSlip } from './indentation-slip.js';
import { DATA_LIMITS } from './limits.js';
import { scanStructure } from './scan-structure.js';
import type { SourceMap } from './types.js';

/** The yaml library, loaded when the fast reader leaves a file to it (see vendor/lazy-package.ts). */
const yaml = (): typeof YamlLibrary => lazyPackage<typeof YamlLibrary>('yaml');

export interface ParsedYaml {
  raw: unknown;
  sourceMap: SourceMap;
}

/**
 * YAML (and JSON, which is YAML) to plain data, refusing what could exhaust memory or
 * the stack: alias bombs here, too deep or too many values in checkStructure (call it first). Duplicate keys and unknown tags
 * (`!!js/function`) are errors, never guessed at. Every problem is located.
 */
export function parseYaml(text: string, file: string, expected: string): ParsedYaml {
  // Most briefings are plain block YAML, which the fast reader gives the same values and
  // positions for in a fraction of the time; anything else is read by the library below.
  // checkStructure guards the library; the fast reader needs it only for long files: it
  // nests at most MAX_FAST_DEPTH deep (the check's depth then stays under MAX_FAST_DEPTH + 2,
  // far below its limit), and the check counts at most one value per character.
  const long = text.length > DATA_LIMITS.values;
  if (long) checkStructure(text, file);
  const fast = readFastYaml(text, file);
  if (fast) return fast;
  if (!long) checkStructure(text, file);
  return parseYamlDocument(text, file, expected);
}

/**
 * parseYaml with the yaml library: every construct, every error. Call checkStructure first.
 * Exported for the fast reader's tests and for JSON.
 */
export function parseYamlDocument(text: string, file: string, expected: string): ParsedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  // uniqueKeys is off because the library compares every key with every other
  // (quadratic in a map's size); findDuplicateKeys does it with a Set instead.
  const doc = withStackGuard(file, () =>
    parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false }),
  );
  let problems: Problem[] = doc.errors.map((error) => ({
    ...at(error.pos[0]),
    message: firstLine(error.message),
    expected,
  }));
  // A key indented a space too far or too little: one plain sentence about that line rather
  // than the parser's messages about what it made of the lines after it.
  const slip =
    problems.length > 0 && !/^\s*[[{]/.test(text)
      ? findIndentationSlip(text, Math.min(...problems.slice(0, 100).map((p) => p.line ?? 1)), file)
      : undefined;
  if (slip) problems = [slip];
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    problems.push({
      ...at(warning.pos[0]),
      message: firstLine(warning.message).replace(/^Unresolved tag/, 'unsupported YAML tag'),
      expected: 'plain values: briefkit reads no YAML tags, so nothing in a file is ever run',
    });
  }
  if (problems.length === 0 && doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    // YAML 1.1 reads `yes` as true, `2026-03-01` as a time and `<<` as a merge: not what a briefing says.
    const offset = Math.max(0, text.indexOf('%YAML'));
    problems.push({
      ...at(offset),
      message: `a %YAML ${doc.directives.yaml.version} document`,
      expected: 'YAML 1.2, the version briefkit reads: remove the %YAML line',
    });
  }
  // concat, not push(...): a spread of a huge list overflows the stack.
  const targets = aliasTargets(doc);
  if (problems.length === 0) problems = problems.concat(findUnsupportedNodes(doc, at, targets));
  if (problems.length === 0) problems = problems.concat(findDuplicateKeys(doc, at));
  if (problems.length > 0) throw new BriefkitError('PARSE_ERROR', problems);
  checkExpandedSize(doc, at, targets);
  let raw: unknown;
  try {
    raw = withStackGuard(file, () => doc.toJS({ maxAliasCount: DATA_LIMITS.aliases }));
  } catch (error) {
    if (error instanceof BriefkitError || !/alias/i.test(String(error))) throw error;
    throw new BriefkitError('LIMIT_EXCEEDED', {
      ...firstAliasPosition(doc, at),
      message: 'YAML aliases expand to too much data (an "alias bomb")',
      expected: `each anchor used at most ${DATA_LIMITS.aliases.toLocaleString('en')} times, counting the aliases inside it`,
    });
  }
  return { raw, sourceMap: createSourceMap(file, doc, lineCounter) };
}

/** Refuses text too deep or with too many values for the parser, before any parser sees it. */
export function checkStructure(text: string, file: string): void {
  const hit = scanStructure(text, DATA_LIMITS);
  if (!hit) return;
  throw new BriefkitError('LIMIT_EXCEEDED', {
    file,
    line: hit.line,
    column: hit.column,
    ...(hit.kind === 'depth'
      ? {
          message: `the data is nested more than ${DATA_LIMITS.depth} levels deep`,
          expected: `at most ${DATA_LIMITS.depth} levels of lists and mappings (a briefing needs 6)`,
        }
      : {
          message: `the file holds more than ${DATA_LIMITS.values.toLocaleString('en')} values`,
          expected: `at most ${DATA_LIMITS.values.toLocaleString('en')} (each line, comma and bracket counts)`,
        }),
  });
}

/** The scan above keeps nesting shallow; this is the backstop if the parser still recurses too far. */
function withStackGuard<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new BriefkitError('LIMIT_EXCEEDED', {
      file,
      message: 'the data is nested too deeply to read',
      expected: `at most ${DATA_LIMITS.depth} levels of lists and mappings`,
    });
  }
}

type Locate = (offset: number) => { file: string; line: number; column: number };

/** Each key once per mapping, in linear time; the second use of a key is the error. */
function findDuplicateKeys(doc: Document, at: Locate): Problem[] {
  const { isMap, isNode, isPair, isScalar, isSeq } = yaml();
  const problems: Problem[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const offset = isNode(pair.key) && pair.key.range ? pair.key.range[0] : (node.range?.[0] ?? 0);
        if (key === undefined) {
          problems.push({ ...at(offset), message: 'a key that is not plain text', expected: 'field names' });
        } else if (seen.has(key)) {
          problems.push({
            ...at(offset),
            message: `duplicate key "${key}"`,
            expected: 'each key once per mapping',
          });
        }
        if (key !== undefined) seen.add(key);
        stack.push(pair.value);
      }
    }
  }
  return problems.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
}

type AliasTargets = ReadonlyMap<Alias, Node | undefined>;

/**
 * What each alias refers to, found in one walk: the last node anchored with its name
 * before it, as yaml's Alias.resolve() decides. resolve() walks the whole document for
 * every alias, so a file of a few thousand aliases took seconds, quadratically.
 */
function aliasTargets(doc: Document): AliasTargets {
  const { isAlias, visit } = yaml();
  const latest = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) targets.set(node, latest.get(node.source));
      else if (node.anchor) latest.set(node.anchor, node);
    },
  });
  return targets;
}

/**
 * Aliases may not make the data larger than the same file written out could be: every
 * use of `*name` counts its anchor's values and characters again. Without this, a
 * 300 KB file of aliases to long texts passes the alias count yet makes the checks
 * after it walk a thousand times its size. Linear: each node is measured once.
 */
function checkExpandedSize(doc: Document, at: Locate, targets: AliasTargets): void {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  const sizes = new Map<unknown, { values: number; chars: number }>();
  const measure = (node: unknown): { values: number; chars: number } => {
    const known = sizes.get(node);
    if (known) return known;
    let size = { values: 1, chars: 0 };
    if (isAlias(node)) size = measure(targets.get(node));
    else if (isScalar(node))
      size = { values: 1, chars: typeof node.value === 'string' ? node.value.length : 8 };
    else if (isSeq(node) || isMap(node)) {
      for (const item of node.items) {
        const parts = isPair(item) ? [item.key, item.value] : [item];
        for (const part of parts) {
          if (part === null || part === undefined) continue;
          const child = measure(part);
          size = { values: size.values + child.values, chars: size.chars + child.chars };
        }
      }
    }
    sizes.set(node, size);
    return size;
  };
  const total = measure(doc.contents);
  if (total.values <= DATA_LIMITS.values && total.chars <= DATA_LIMITS.inputBytes) return;
  throw new BriefkitError('LIMIT_EXCEEDED', {
    ...firstAliasPosition(doc, at),
    message: `YAML aliases expand the data to ${total.values.toLocaleString('en')} values and ${total.chars.toLocaleString('en')} characters (an "alias bomb")`,
    expected: `at most ${DATA_LIMITS.values.toLocaleString('en')} values and ${(DATA_LIMITS.inputBytes / 1024 / 1024).toLocaleString('en')} MB of text once every alias is written out`,
  });
}

/** The YAML 1.2 core tags: they only say what the value already is. */
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/**
 * Explicit tags that make a value something other than text, numbers, lists and
 * mappings (`!!binary`, `!!set`, `!!omap`, `!!timestamp`), and aliases that refer to a
 * value containing them (`a: &a [*a]`, a loop no data can be), each located.
 */
function findUnsupportedNodes(doc: Document, at: Locate, targets: AliasTargets): Problem[] {
  const { isAlias, isMap, isNode, isPair, isSeq } = yaml();
  const problems: Problem[] = [];
  // Each node with the anchored nodes it lies inside; explicit stack, no recursion.
  const stack: { node: unknown; inside: ReadonlySet<unknown> }[] = [
    { node: doc.contents, inside: new Set() },
  ];
  while (stack.length > 0 && problems.length < 100) {
    const { node, inside } = stack.pop()!;
    if (!isNode(node)) continue;
    const offset = node.range?.[0] ?? 0;
    if (node.tag && !CORE_TAGS.has(node.tag)) {
      problems.push({
        ...at(offset),
        message: `unsupported YAML tag ${node.tag.replace('tag:yaml.org,2002:', '!!')}`,
        expected: 'plain values: briefkit reads no YAML tags, so nothing in a file is ever run',
      });
      continue;
    }
    if (isAlias(node)) {
      if (inside.has(targets.get(node))) {
        problems.push({
          ...at(offset),
          message: `the alias *${node.source} refers to a value that contains it`,
          expected: 'aliases to values defined elsewhere (a value cannot contain itself)',
        });
      }
      continue;
    }
    const within = node.anchor ? new Set([...inside, node]) : inside;
    if (isSeq(node)) for (const item of node.items) stack.push({ node: item, inside: within });
    else if (isMap(node))
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        stack.push({ node: pair.key, inside: within }, { node: pair.value, inside: within });
      }
  }
  return problems;
}

function firstAliasPosition(doc: Document, at: Locate): Partial<Problem> {
  const { isAlias, isMap, isSeq } = yaml();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.shift();
    if (isAlias(node) && node.range) return at(node.range[0]);
    if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isMap(node)) for (const pair of node.items) stack.push(pair.key, pair.value);
  }
  return {};
}

function createSourceMap(file: string, doc: Document, lineCounter: LineCounter): SourceMap {
  const { isMap, isNode, isScalar } = yaml();
  return {
    file,
    locate(dataPath) {
      // Walk up the path until a node exists: a missing field points at its parent.
      for (let depth = dataPath.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(dataPath.slice(0, depth), true);
        if (isNode(node) && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
      return undefined;
    },
    locateKey(dataPath) {
      const key = dataPath.at(-1);
      const parent = dataPath.length <= 1 ? doc.contents : doc.getIn(dataPath.slice(0, -1), true);
      if (typeof key !== 'string' || !isMap(parent)) return undefined;
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (!pair || !isNode(pair.key) || !pair.key.range) return undefined;
      const pos = lineCounter.linePos(pair.key.range[0]);
      return { line: pos.line, column: pos.col };
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
