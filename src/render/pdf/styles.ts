import type { FaceName, FontRole } from './fonts.js';
import { lineMetrics } from './text/metrics.js';
import type { LineMetrics } from './text/metrics.js';
import type { TextStyle } from './text/runs.js';
import type { LayoutContext } from './types.js';

/** A text style at the theme's body size and colour, with overrides. */
export function textStyle(ctx: LayoutContext, overrides: Partial<TextStyle> = {}): TextStyle {
  return {
    role: 'body' as FontRole,
    face: 'regular' as FaceName,
    size: ctx.theme.sizes.body,
    color: ctx.theme.colors.text,
    superscript: false,
    underline: false,
    ...overrides,
  };
}

/** The small size used by captions, tables, sources and page furniture. */
export function smallStyle(ctx: LayoutContext, overrides: Partial<TextStyle> = {}): TextStyle {
  return textStyle(ctx, { size: ctx.theme.sizes.small, ...overrides });
}

export function metricsFor(ctx: LayoutContext, size: number, gapScale = 1): LineMetrics {
  return lineMetrics(size, ctx.theme.sizes.lineGap * gapScale * (size / ctx.theme.sizes.body));
}

export function bodyMetrics(ctx: LayoutContext): LineMetrics {
  return metricsFor(ctx, ctx.theme.sizes.body);
}
