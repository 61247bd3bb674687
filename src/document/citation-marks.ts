import type { Inline } from './types.js';

/**
 * Citation marks as a reader wants them: a group of adjacent marks is sorted by
 * number and names each source once ("²·⁶·¹¹·¹²", never "¹¹·²·¹²·⁶" or "¹³·¹³"); marks
 * written right after a figure join the figure's own mark; and a citation of a source
 * whose figure already carries its mark earlier in the same text is not repeated
 * ("76 drones¹³ … overnight.¹³" prints the mark once).
 */
export function normalizeMarks(inlines: readonly Inline[]): Inline[] {
  const shown = new Set<number>();
  const out: Inline[] = [];
  let group: number[] | undefined;
  let figure: Extract<Inline, { type: 'figure' }> | undefined;
  const flush = (): void => {
    if (group) {
      const numbers = [...new Set(group)].filter((n) => !shown.has(n)).sort((a, b) => a - b);
      for (const number of numbers) out.push({ type: 'citation', number });
    }
    group = undefined;
  };
  for (const inline of inlines) {
    if (inline.type === 'citation') {
      if (figure) {
        figure.marks = sortedUnique([...figure.marks, inline.number]);
        shown.add(inline.number);
      } else (group ??= []).push(inline.number);
      continue;
    }
    flush();
    figure = undefined;
    if (inline.type === 'figure') {
      figure = { ...inline, marks: sortedUnique(inline.marks) };
      figure.marks.forEach((n) => shown.add(n));
      out.push(figure);
    } else out.push(inline);
  }
  flush();
  return out;
}

function sortedUnique(numbers: readonly number[]): number[] {
  return [...new Set(numbers)].sort((a, b) => a - b);
}
