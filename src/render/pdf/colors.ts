/** Mixes two "#RRGGBB" colours; t = 0 gives `from`, 1 gives `to`. Used for tints on dark grounds. */
export function mixColor(from: string, to: string, t: number): string {
  const parse = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const a = parse(from);
  const b = parse(to);
  return `#${a
    .map((value, i) => Math.round(value + ((b[i] ?? value) - value) * t))
    .map((value) => value.toString(16).padStart(2, '0'))
    .join('')}`;
}
