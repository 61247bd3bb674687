// Generated briefings for the bench, all derived from the Geneva example so they
// validate with the built-in templates: a batch of varied briefings, and the example
// scaled up in sections and table rows (the people table of the meeting block).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export const GENEVA = 'data/geneva-2026-02-26.yaml';

/** The documented data limits (src/briefing/limits.ts), read as text: the bench runs against dist/. */
export function readDataLimits(root) {
  const file = path.join(root, 'src/briefing/limits.ts');
  const limits = {};
  if (!existsSync(file)) return limits;
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of source.matchAll(/^\s*(\w+):\s*([\d_ *]+),/gm)) {
    // Values such as `5 * 1024 * 1024` or `100_000`.
    const value = m[2]
      .split('*')
      .map((n) => Number(n.trim().replace(/_/g, '')))
      .reduce((a, b) => a * b, 1);
    if (Number.isFinite(value)) limits[m[1]] = value;
  }
  return limits;
}

export function loadGeneva(root) {
  return parse(readFileSync(path.join(root, GENEVA), 'utf8'));
}

/** Characters of text in a briefing, counted as the validator does (every string). */
export function textChars(value) {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n, v) => n + textChars(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n, v) => n + textChars(v), 0);
  return 0;
}

/** Briefings are plain data from YAML: strings, numbers, lists, mappings. */
function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

/** Renames figure ids everywhere they are used: {fig:ID} in text, keyFigures, sections, charts. */
function renameFigures(briefing, rename) {
  const text = (s) => s.replace(/\{fig:([a-z0-9-]+)\}/g, (_, id) => `{fig:${rename(id)}}`);
  const walk = (value) => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  const out = walk(briefing);
  out.figures = out.figures.map((f) => ({ ...f, id: rename(f.id) }));
  out.keyFigures = out.keyFigures?.map(rename);
  for (const s of out.sections) if (s.figures) s.figures = s.figures.map(rename);
  for (const c of out.charts ?? []) if (c.figures) c.figures = c.figures.map(rename);
  return out;
}

/**
 * Briefing number n (1-based) of a batch: its own title, ids, section order and
 * values, the same shape as the example.
 */
export function variedBriefing(geneva, n) {
  const tag = `b${String(n).padStart(3, '0')}`;
  const b = renameFigures(clone(geneva), (id) => `${id}-${tag}`);
  b.title = `${geneva.title} (briefing ${n})`;
  b.shortTitle = `Geneva briefing ${n}`;
  b.summary = `Briefing ${n} of the batch. ${b.summary}`;
  // Vary values, keeping counts whole and percents within 0-100.
  for (const [i, f] of b.figures.entries()) {
    const k = 1 + ((n * 7 + i * 3) % 17) / 20;
    f.value = f.unit === 'percent' ? Math.min(100, Math.round(f.value * k)) : Math.round(f.value * k);
  }
  // Vary section ids and order (rotate), as different briefings would.
  b.sections = b.sections.map((s) => ({ ...s, id: `${s.id}-${tag}` }));
  const r = n % b.sections.length;
  b.sections = [...b.sections.slice(r), ...b.sections.slice(0, r)];
  return b;
}

/**
 * The example at `factor` times its sections and table rows, within the data limits.
 * Sections are copied up to the `sections` limit; beyond it each section carries more
 * points and longer prose, so the body text still grows by about `factor`. The people table gets factor x rows.
 * Charts are copied with their sections up to the `charts` limit.
 */
export function scaledBriefing(geneva, factor, limits) {
  const maxSections = limits.sections ?? 100;
  const maxCharts = limits.charts ?? 100;
  const base = geneva.sections.length;
  const copies = Math.max(1, Math.min(factor, Math.floor(maxSections / base)));
  const pointRepeat = Math.max(1, Math.round(factor / copies));
  const b = clone(geneva);
  if (factor === 1) return { briefing: b, copies, pointRepeat, charts: b.charts.length };
  const figures = [];
  const charts = [];
  const sections = [];
  const chartCopies = Math.max(1, Math.min(copies, Math.floor(maxCharts / geneva.charts.length)));
  for (let c = 0; c < copies; c++) {
    const suffix = `-c${c + 1}`;
    const copy = c === 0 ? clone(geneva) : renameFigures(clone(geneva), (id) => `${id}${suffix}`);
    figures.push(...copy.figures);
    const chartSuffix = c < chartCopies && c > 0 ? suffix : undefined;
    if (c === 0 || chartSuffix) {
      for (const chart of copy.charts) charts.push({ ...chart, id: `${chart.id}${chartSuffix ?? ''}` });
    }
    for (const s of copy.sections) {
      const section = { ...s, id: `${s.id}${c === 0 ? '' : suffix}` };
      if (c > 0) section.title = `${s.title} (${c + 1})`;
      if (s.charts) {
        if (c === 0) section.charts = s.charts;
        else if (chartSuffix) section.charts = s.charts.map((id) => `${id}${chartSuffix}`);
        else delete section.charts;
      }
      if (pointRepeat > 1) {
        // The section's prose grows with its points: the summary and notes repeat as paragraphs.
        const repeat = (text) =>
          Array.from({ length: pointRepeat }, (_, r) => (r === 0 ? text : `${text} (${r + 1})`)).join('\n\n');
        if (s.summary) section.summary = repeat(s.summary);
        if (s.notes) section.notes = repeat(s.notes);
      }
      if (s.points && pointRepeat > 1) {
        section.points = [];
        for (let r = 0; r < pointRepeat; r++) {
          for (const p of s.points)
            section.points.push({ ...p, text: r === 0 ? p.text : `${p.text} (${r + 1})` });
        }
      }
      sections.push(section);
    }
  }
  b.sections = sections;
  b.figures = figures;
  b.charts = charts;
  // The people table: factor x rows, each a person with a unique id.
  const people = [];
  for (let r = 0; r < factor; r++) {
    for (const p of geneva.people) {
      people.push(r === 0 ? p : { ...p, id: `${p.id}-${r + 1}`, name: `${p.name} ${r + 1}` });
    }
  }
  b.people = people;
  return { briefing: b, copies, pointRepeat, charts: charts.length };
}

const HEADER = '# Generated by bench/lib/generate.mjs from data/geneva-2026-02-26.yaml\n';

export function writeBriefing(file, briefing) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, HEADER + stringify(briefing, { lineWidth: 0 }));
  return file;
}

/** Writes `count` varied briefings into `dir` and returns their paths. */
export function writeBatch(geneva, dir, count) {
  const files = [];
  for (let n = 1; n <= count; n++) {
    files.push(
      writeBriefing(path.join(dir, `brief-${String(n).padStart(3, '0')}.yaml`), variedBriefing(geneva, n)),
    );
  }
  return files;
}
