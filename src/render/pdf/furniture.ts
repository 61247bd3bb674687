import type { LogoImage } from '../../theme/logo.js';
import type { Box } from './page-model.js';
import { smallStyle } from './styles.js';
import { singleLine } from './text/text-flow.js';
import type { LayoutContext } from './types.js';

/** "Page {page} of {pages}" with the numbers filled in. */
export function formatPageOf(template: string, page: number, pages: number): string {
  return template.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
}

/**
 * Running header (short title, and the theme's logo at the right) and footer (date,
 * "Page X of Y") for one page (`index` 0-based), laid out once the page count is
 * known, and marked as pagination artifacts so screen readers do not read them on
 * every page. The cover has none.
 */
export function layoutFurniture(
  ctx: LayoutContext,
  index: number,
  pageCount: number,
  logo?: LogoImage,
): Box[] {
  const { page, theme, meta } = ctx;
  const style = smallStyle(ctx, { color: theme.colors.muted });
  const text = (value: string, x: number, baseline: number, align: 'left' | 'right'): Box => {
    const line = singleLine(ctx, value, style);
    return { kind: 'text', x: align === 'left' ? x : x - line.width, baseline, line };
  };
  const rule = (y: number): Box => ({
    kind: 'rule',
    x: page.left,
    y,
    width: page.right - page.left,
    lineWidth: 0.5,
    color: theme.colors.rule,
  });
  const boxes: Box[] = [text(meta.shortTitle, page.left, page.top - 26, 'left')];
  // The logo stands on the header rule, as tall as two lines of small print.
  if (logo) {
    boxes.push({
      kind: 'logo',
      logo,
      placement: {
        x: page.right,
        y: page.top - 38,
        height: 16,
        maxWidth: page.contentWidth * 0.3,
        align: 'right',
      },
    });
  }
  boxes.push(
    rule(page.top - 18),
    rule(page.bottom + 18),
    text(meta.dateText, page.left, page.bottom + 32, 'left'),
    text(formatPageOf(meta.labels.pageOf, index + 1, pageCount), page.right, page.bottom + 32, 'right'),
  );
  return [{ kind: 'artifact', type: 'Pagination', boxes }];
}
