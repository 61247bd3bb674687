import type { LogoPlacement } from './logo.js';
import { smallStyle } from './styles.js';
import { drawArtifact } from './tagging.js';
import type { LayoutContext } from './types.js';

/** "Page {page} of {pages}" with the numbers filled in. */
export function formatPageOf(template: string, page: number, pages: number): string {
  return template.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
}

/**
 * Running header (short title, and the theme's logo at the right) and footer (date,
 * "Page X of Y") on every page but the cover, drawn last so the page count is known,
 * and marked as pagination artifacts so screen readers do not read them on every page.
 */
export function drawFurniture(
  ctx: LayoutContext,
  pageCount: number,
  drawLogo?: (placement: LogoPlacement) => void,
): void {
  const { pdf, page, theme, meta } = ctx;
  const style = smallStyle(ctx, { color: theme.colors.muted });
  const font = ctx.fonts.path('body', 'regular');
  const text = (value: string, x: number, baseline: number, align: 'left' | 'right'): void => {
    const width = ctx.measure.width(style, value);
    pdf
      .font(font)
      .fontSize(style.size)
      .fillColor(style.color)
      .text(value, align === 'left' ? x : x - width, baseline, { lineBreak: false, baseline: 'alphabetic' });
  };
  const rule = (y: number): void => {
    pdf.moveTo(page.left, y).lineTo(page.right, y).lineWidth(0.5).strokeColor(theme.colors.rule).stroke();
  };
  for (let index = 1; index < pageCount; index++) {
    pdf.switchToPage(index);
    drawArtifact(
      pdf,
      () => {
        text(meta.shortTitle, page.left, page.top - 26, 'left');
        // The logo stands on the header rule, as tall as two lines of small print.
        drawLogo?.({
          x: page.right,
          y: page.top - 38,
          height: 16,
          maxWidth: page.contentWidth * 0.3,
          align: 'right',
        });
        rule(page.top - 18);
        rule(page.bottom + 18);
        text(meta.dateText, page.left, page.bottom + 32, 'left');
        text(formatPageOf(meta.labels.pageOf, index + 1, pageCount), page.right, page.bottom + 32, 'right');
      },
      'Pagination',
    );
  }
}
