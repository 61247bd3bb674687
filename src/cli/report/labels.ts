import type { BuildReport, BuildStep } from '../../build/build-report.js';

/** Steps as people read them, in the order a build goes through them. */
export const STEP_LABELS: Record<BuildStep, string> = {
  check: 'checking',
  load: 'loading',
  validate: 'validating',
  compose: 'composing',
  parse: 'parsing',
  charts: 'charts',
  pdf: 'PDF',
  pptx: 'deck',
  write: 'writing',
};

/** 840 ms, 1.27 s, 2 min 5 s. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The phases people see, each the sum of the steps it covers (loading is part of validating). */
const PHASES: readonly [string, readonly BuildStep[]][] = [
  ['validating', ['load', 'validate']],
  ['composing', ['compose', 'parse']],
  ['charts', ['charts']],
  ['PDF', ['pdf']],
  ['deck', ['pptx']],
];

/** "validating 12 ms · composing 30 ms · charts 300 ms · PDF 400 ms · deck 250 ms" */
export function formatTimings(timings: BuildReport['timings']): string {
  return PHASES.filter(([, steps]) => steps.some((step) => timings[step] !== undefined))
    .map(
      ([label, steps]) => `${label} ${formatMs(steps.reduce((sum, step) => sum + (timings[step] ?? 0), 0))}`,
    )
    .join(' · ');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "19 built, 1 skipped, 1 failed" — only the counts that are not zero. */
export function formatCounts(reports: readonly BuildReport[]): string {
  const count = (status: BuildReport['status']): number => reports.filter((r) => r.status === status).length;
  const parts = (['built', 'skipped', 'failed'] as const)
    .map((s) => [count(s), s] as const)
    .filter(([n]) => n > 0);
  return parts.map(([n, s]) => `${n} ${s === 'skipped' ? 'up to date' : s}`).join(', ') || 'nothing to do';
}

/** "1 chart", "3 charts": a count with its noun (regular English plurals only). */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
