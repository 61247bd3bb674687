import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The stages depend on each other in one direction only (briefing → charts, compose →
 * document, build → config, ...), so a newcomer can read and change a stage knowing
 * what it may touch. Every relative import counts, type-only and dynamic ones too: a
 * cycle through types still ties two folders together.
 */
const SRC = path.resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Relative imports of a file, as absolute .ts paths; with `runtime`, only those that load
 * code (not `import type` / `export type`, which vanish when compiled).
 */
function importsOf(file: string, runtime = false): string[] {
  const text = readFileSync(file, 'utf8');
  const statements = [
    ...text.matchAll(/^(import|export)\b([^;]*?)\bfrom\s*['"](\.[^'"]+)['"]/gms),
    ...text.matchAll(/()()\bimport\s*\(\s*['"](\.[^'"]+)['"]/g),
    ...text.matchAll(/^(import)()\s*['"](\.[^'"]+)['"]/gm),
  ];
  return statements
    .filter((m) => !runtime || !/^\s*type\b/.test(m[2]!))
    .map((m) => path.resolve(path.dirname(file), m[3]!).replace(/\.(m?)js$/, '.$1ts'));
}

/**
 * A file's stage: its folder under src/, or the top-level file itself. render/pdf and
 * render/pptx are apart, and so is each file of vendor/: it adapts one library for the
 * stages that use it, not a stage of its own.
 */
function stageOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  if (parts.length === 1) return parts[0]!;
  return parts[0] === 'render' || parts[0] === 'vendor' ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Every cycle's members, found by Tarjan's strongly connected components. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const files = sourceFiles(SRC);
const fileGraph = new Map(files.map((file) => [file, new Set(importsOf(file))]));
const runtimeGraph = new Map(files.map((file) => [file, new Set(importsOf(file, true))]));

describe('the import graph of src/', () => {
  it('resolves every relative import to a file', () => {
    const missing = [...fileGraph].flatMap(([file, targets]) =>
      [...targets].filter((t) => !fileGraph.has(t)).map((t) => `${file} → ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no cycles between files that load each other (type-only imports aside)', () => {
    const named = cycles(runtimeGraph).map((c) => c.map((f) => path.relative(SRC, f)).join(' ↔ '));
    expect(named).toEqual([]);
  });

  it('has no cycles between stages (folders)', () => {
    const stages = new Map<string, Set<string>>();
    const why = new Map<string, string>();
    for (const [file, targets] of fileGraph) {
      const from = stageOf(file);
      for (const target of targets) {
        const to = stageOf(target);
        if (from === to) continue;
        if (!stages.has(from)) stages.set(from, new Set());
        stages.get(from)!.add(to);
        why.set(`${from}→${to}`, `${path.relative(SRC, file)} imports ${path.relative(SRC, target)}`);
      }
    }
    const named = cycles(stages).map((members) => {
      const edges = [...why].filter(([edge]) => edge.split('→').every((stage) => members.includes(stage)));
      return `${members.join(' ↔ ')}: ${edges.map(([, reason]) => reason).join('; ')}`;
    });
    expect(named).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});
