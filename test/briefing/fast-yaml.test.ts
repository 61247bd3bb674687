import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FAST_DEPTH, readFastYaml } from '../../src/briefing/fast-yaml.js';
import { parseYamlDocument } from '../../src/briefing/parse-yaml.js';
import { scanStructure } from '../../src/briefing/scan-structure.js';
import type { SourceMap } from '../../src/briefing/types.js';

/**
 * The fast YAML reader (src/briefing/fast-yaml.ts) must give what the yaml library gives, to
 * the value and to the line and column of every data path, or give nothing and leave the
 * file to the library. Checked on every YAML file of the project and on thousands of
 * mutations of them (a character added or removed, a line indented, repeated or dropped).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

const files = ['data', 'test/fixtures', 'templates', 'docs']
  .flatMap((dir) => yamlFiles(path.join(ROOT, dir)))
  .sort();

/** Equal as the build sees data: same types (-0 is not 0), same keys in the same order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
    return false;
  const keys = Object.keys(a as object);
  if (keys.join('\0') !== Object.keys(b as object).join('\0')) return false;
  return keys.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function dataPaths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => dataPaths(item, [...at, i], out));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) dataPaths(item, [...at, key], out);
  return out;
}

/** Undefined when both agree (or the fast reader declined), else what differs. */
function disagreement(text: string): string | undefined {
  const fast = readFastYaml(text, 'f.yaml');
  if (!fast) return undefined;
  // What the fast reader reads, checkStructure passes well within its limits: parseYaml skips it.
  const scan = scanStructure(text, { depth: MAX_FAST_DEPTH + 2, values: text.length });
  if (scan) return `checkStructure finds ${scan.kind} at line ${scan.line}`;
  let full: { raw: unknown; sourceMap: SourceMap };
  try {
    full = parseYamlDocument(text, 'f.yaml', 'valid YAML');
  } catch (error) {
    return `the library refuses what the fast reader read: ${String(error).slice(0, 200)}`;
  }
  if (!same(fast.raw, full.raw)) return `values differ: ${JSON.stringify(fast.raw).slice(0, 200)}`;
  for (const at of dataPaths(full.raw)) {
    // Paths that exist, and the kinds of paths errors ask about that do not.
    for (const query of [at, [...at, 'missing'], [...at, 0], [...at, '1'], [...at, 2]]) {
      const fastAt = JSON.stringify([fast.sourceMap.locate(query), fast.sourceMap.locateKey?.(query)]);
      const fullAt = JSON.stringify([full.sourceMap.locate(query), full.sourceMap.locateKey?.(query)]);
      if (fastAt !== fullAt) return `positions differ at ${JSON.stringify(query)}: ${fastAt} vs ${fullAt}`;
    }
  }
  return undefined;
}

/** A small deterministic generator, so a failure names a mutation that can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const INSERTS = [' ', '  ', ':', '-', '#', '"', "'", '\n', '|', '>', '[', ']', '{', '}', ',', 'a', '1', '.'];
const INSERTS_2 = [
  '- ',
  ': ',
  '|-',
  '>+',
  '\\',
  'null',
  'true',
  '0x1',
  '1e3',
  '~',
  '&a',
  '*a',
  '!!str',
  '  #c',
];

function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const anyLine = () => Math.floor(random() * lines.length);
  const at = Math.floor(random() * text.length);
  const r = random();
  if (r < 0.35) {
    const pool = random() < 0.6 ? INSERTS : INSERTS_2;
    return text.slice(0, at) + pool[Math.floor(random() * pool.length)]! + text.slice(at);
  }
  if (r < 0.5) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
  const line = anyLine();
  if (r < 0.7) {
    const shift = Math.floor(random() * 5) - 2;
    lines[line] =
      shift > 0 ? ' '.repeat(shift) + lines[line]! : lines[line]!.replace(new RegExp(`^ {0,${-shift}}`), '');
  } else if (r < 0.85) lines.splice(line, 0, lines[anyLine()]!);
  else lines.splice(line, 1 + Math.floor(random() * 2));
  return lines.join('\n');
}

describe('fast YAML reader', () => {
  it('reads the example briefings itself (else cold builds lose its time)', () => {
    for (const example of ['data/geneva-2026-02-26.yaml', 'data/paris-2024-olympics.yaml']) {
      expect(readFastYaml(readFileSync(path.join(ROOT, example), 'utf8'), example), example).toBeDefined();
    }
  });

  it('agrees with the yaml library on every YAML file of the project', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expect(disagreement(readFileSync(file, 'utf8')), file).toBeUndefined();
  });

  it('agrees with the yaml library on mutations of them, or declines', () => {
    const random = generator(20);
    let read = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (let n = 0; n < 15; n++) {
        const mutant = mutate(text, random);
        expect(disagreement(mutant), `${path.relative(ROOT, file)} mutation ${n}`).toBeUndefined();
        if (readFastYaml(mutant, 'f.yaml')) read++;
      }
    }
    // Most mutations stay within what the fast reader handles: the comparison has teeth.
    expect(read).toBeGreaterThan(files.length * 5);
  });

  it.each([
    [
      'plain scalars as the core schema reads them',
      'a: 1\nb: -0\nc: 0o17\nd: 0x1F\ne: 1.50\nf: 1e3\ng: .inf\nh: ~\ni: True\nj: 2026-02-26\nk: +5\nl: .5\n',
    ],
    [
      'folded and literal text, each chomping',
      'a: >-\n  one\n  two\n\n  three\nb: |\n  x\n\n  y\n\n\nc: |+\n  keep\n\n\nd: >\n  f\n',
    ],
    ['plain text over several lines', 'a: one\n  two\n\n  three\nb:\n  - x\n    y\n'],
    ['quoted text', `a: "say \\"hi\\"\\n\\u00e9"\nb: 'it''s'\nc: "x" # note\n`],
    ['flow lists and mappings', 'a: [1, "two", three]\nb: { id: x, n: [1, 2], m: {} }\nc: []\n'],
    ["a sequence at its key's indentation", 'a:\n- x\n- y: 1\n  z: 2\nb: 3\n'],
  ])('reads %s as the library does', (_name, text) => {
    expect(readFastYaml(text, 'f.yaml')).toBeDefined();
    expect(disagreement(text)).toBeUndefined();
  });

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!binary aGk=\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['an empty value', 'a:\nb: 1\n'],
    ['a key that is a number', '2024: x\n'],
    ['__proto__', '__proto__: { polluted: true }\n'],
    ['a tab', 'a:\t1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a flow list over several lines', 'a: [1,\n  2]\n'],
    ['a mapping inside a plain value', 'a: b: c\n'],
    ['only comments', '# nothing\n'],
    [
      'more nesting than the fast reader takes',
      Array.from({ length: MAX_FAST_DEPTH + 1 }, (_, i) => `${'  '.repeat(i)}k${i}:\n`).join('') +
        `${'  '.repeat(MAX_FAST_DEPTH + 1)}x: 1\n`,
    ],
  ])('leaves %s to the library', (_name, text) => {
    expect(readFastYaml(text, 'f.yaml')).toBeUndefined();
  });
});
