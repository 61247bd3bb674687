import type { Theme } from '../theme/types.js';

/**
 * The chart look, derived from the theme. Sizes are canvas pixels, and a chart's
 * natural box is in points (1 px = 1 pt in the PDF's drawing), so at the default
 * size the chart text matches the report's small print when the PDF draws it full width.
 */
export interface ChartStyle {
  family: string;
  titleFamily: string;
  sizes: { title: number; subtitle: number; tick: number; label: number; legend: number; axisTitle: number };
  colors: { text: string; muted: string; grid: string; zero: string; background: string; light: string };
}

export function chartStyle(theme: Theme): ChartStyle {
  const small = theme.sizes.small;
  return {
    family: theme.fonts.body.family,
    titleFamily: theme.fonts.heading.family,
    sizes: {
      title: theme.sizes.h3 + 1,
      subtitle: small + 1,
      tick: small,
      label: small + 0.5,
      legend: small + 0.5,
      axisTitle: small,
    },
    colors: {
      text: theme.colors.text,
      muted: theme.colors.muted,
      // Gridlines are a quiet guide, a step lighter than the theme's rules.
      grid: mix(theme.colors.rule, theme.colors.background, 0.45),
      zero: theme.colors.muted,
      background: theme.colors.background,
      light: '#FFFFFF',
    },
  };
}

/** Canvas font spec for chart.js options. */
export function font(
  style: ChartStyle,
  size: number,
  weight: 'normal' | 'bold' = 'normal',
): { family: string; size: number; weight: 'normal' | 'bold'; lineHeight: number } {
  return { family: weight === 'bold' ? style.titleFamily : style.family, size, weight, lineHeight: 1.25 };
}

/**
 * Splits text into lines of at most `maxChars`, at spaces. Chart.js does not wrap
 * titles or tick labels itself but draws an array of strings as lines.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** How many characters of a font size fit a width, for wrapping without measuring. */
export function charsFitting(width: number, fontSize: number): number {
  // Noto Sans averages a little over half an em per character in running text.
  return Math.max(8, Math.floor(width / (fontSize * 0.56)));
}

/** White or the text colour, whichever contrasts more with a fill (WCAG contrast ratio). */
export function textOn(fill: string, style: ChartStyle): string {
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  return contrast(fill, style.colors.light) >= contrast(fill, style.colors.text)
    ? style.colors.light
    : style.colors.text;
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** `a` moved towards `b` by `t` (0..1), as #RRGGBB. */
function mix(a: string, b: string, t: number): string {
  const ca = channels(a);
  const cb = channels(b);
  const out = ca.map((c, i) => Math.round(c + ((cb[i] ?? c) - c) * t));
  return `#${out.map((c) => c.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}
