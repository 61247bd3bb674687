import type { TextMeasurer } from './measure.js';
import type { Run } from './runs.js';
import { joinLines, wrapRuns, type BaseStyle } from './wrap.js';

export interface FitStep {
  size: number;
  lines: number;
}

export interface FitResult {
  runs: Run[];
  size: number;
  /** Lines the text takes at that size. */
  lines: number;
  lineHeight: number;
  /** True when even the last step did not fit and the text was cut with an ellipsis. */
  truncated: boolean;
}

/** What the preview's fit view marks: text set below its first size, or cut short. */
export function fitNote(
  result: FitResult,
  steps: readonly FitStep[],
): { shrunk: boolean; truncated: boolean } {
  return { shrunk: result.size < (steps[0]?.size ?? result.size), truncated: result.truncated };
}

export interface FitOptions extends BaseStyle {
  /** Tried in order: the first size at which the text takes at most `lines` lines wins. */
  steps: readonly FitStep[];
  /** Line pitch as a multiple of the size. */
  pitch: number;
  /** Box size in points. */
  width: number;
  height: number;
}

/**
 * Finds the largest listed size at which text fits its box: titles shrink from 28 pt
 * to 22 pt on one line, then wrap to two lines down to 20 pt, then three at 18 pt. Text that
 * fits no step is cut at the last step's line limit with an ellipsis, never left to overflow.
 */
export function fitText(runs: readonly Run[], measure: TextMeasurer, options: FitOptions): FitResult {
  for (const step of options.steps) {
    const lineHeight = step.size * options.pitch;
    const maxLines = Math.min(step.lines, Math.floor(options.height / lineHeight + 1e-6));
    if (maxLines < 1) continue;
    const lines = wrapRuns(runs, options.width, step.size, measure, options);
    if (lines.length <= maxLines) {
      return { runs: [...runs], size: step.size, lines: lines.length, lineHeight, truncated: false };
    }
  }
  const last = options.steps.at(-1) ?? { size: 12, lines: 1 };
  const lineHeight = last.size * options.pitch;
  const maxLines = Math.max(1, Math.min(last.lines, Math.floor(options.height / lineHeight + 1e-6)));
  return {
    runs: truncate(runs, maxLines, last.size, measure, options),
    size: last.size,
    lines: maxLines,
    lineHeight,
    truncated: true,
  };
}

/** Shortens text word by word until it fits `maxLines` lines with a trailing ellipsis. */
export function truncate(
  runs: readonly Run[],
  maxLines: number,
  size: number,
  measure: TextMeasurer,
  options: BaseStyle & { width: number },
): Run[] {
  const lines = wrapRuns(runs, options.width, size, measure, options);
  let kept = joinLines(lines.slice(0, maxLines));
  for (;;) {
    const withEllipsis = appendEllipsis(kept);
    if (wrapRuns(withEllipsis, options.width, size, measure, options).length <= maxLines) return withEllipsis;
    const shorter = dropLastWord(kept);
    if (shorter.length === 0 || textOf(shorter) === textOf(kept)) return withEllipsis;
    kept = shorter;
  }
}

function textOf(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

function appendEllipsis(runs: readonly Run[]): Run[] {
  const out = runs.filter((run) => run.citation === undefined).map((run) => ({ ...run }));
  const last = out.at(-1);
  if (!last) return out;
  out[out.length - 1] = { ...last, text: `${last.text.replace(/[\s,;:.\u2014-]+$/u, '')}…` };
  return out;
}

function dropLastWord(runs: readonly Run[]): Run[] {
  const out = runs.map((run) => ({ ...run }));
  while (out.length > 0) {
    const last = out.at(-1)!;
    const trimmed = last.text.replace(/\s*\S+\s*$/u, '');
    if (trimmed === '') {
      out.pop();
      continue;
    }
    out[out.length - 1] = { ...last, text: trimmed };
    break;
  }
  return out;
}
