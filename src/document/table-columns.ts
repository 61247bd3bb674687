/**
 * Column widths of a table, shared by both renderers (the PDF and the deck measure their
 * cells with their own fonts and sizes, then fit the same way).
 */
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Column widths fitted to content, filling the frame, much like a browser's
 * automatic table layout. Natural width is a column's widest cell on one line;
 * minimum is its longest word.
 * - Everything fits on one line: spare room is shared equally, so narrow numeric
 *   columns gain as much air as wide text ones.
 * - Otherwise columns narrower than a fair share keep their natural width (a name
 *   or a country never wraps because a long text column needs room), and the wide
 *   columns share what is left in proportion to their natural width, never below
 *   their minimum.
 */
export function fitColumnWidths(
  natural: readonly number[],
  minimum: readonly number[],
  available: number,
): number[] {
  const naturalTotal = sum(natural);
  if (naturalTotal <= available) {
    return natural.map((width) => width + (available - naturalTotal) / natural.length);
  }
  const widths = [...natural];
  let open = natural.map((_, index) => index);
  let remaining = available;
  for (;;) {
    const fair = remaining / Math.max(1, open.length);
    const narrow = open.filter((index) => (natural[index] ?? 0) <= fair);
    if (narrow.length === 0 || narrow.length === open.length) break;
    remaining -= sum(narrow.map((index) => natural[index] ?? 0));
    open = open.filter((index) => !narrow.includes(index));
  }
  const share = (columns: readonly number[], room: number): void => {
    const total = sum(columns.map((index) => natural[index] ?? 0));
    for (const index of columns) widths[index] = (room * (natural[index] ?? 0)) / total;
  };
  share(open, remaining);
  // A wide column squeezed below its longest word takes its minimum; the others give way.
  const short = open.filter((index) => (widths[index] ?? 0) < (minimum[index] ?? 0));
  if (short.length > 0 && short.length < open.length) {
    for (const index of short) widths[index] = minimum[index] ?? 0;
    share(
      open.filter((index) => !short.includes(index)),
      remaining - sum(short.map((index) => minimum[index] ?? 0)),
    );
  }
  const total = sum(widths);
  // Even single words do not fit: scale down and let the line breaker split words.
  return total > available + 0.01 ? widths.map((width) => (width * available) / total) : widths;
}
