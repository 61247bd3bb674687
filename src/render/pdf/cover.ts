import { mixColor } from './colors.js';
import { metricsFor, smallStyle, textStyle } from './styles.js';
import type { LogoPlacement } from './logo.js';
import { addStruct, drawArtifact } from './tagging.js';
import { drawLine } from './text/draw-line.js';
import type { Line } from './text/line-break.js';
import type { TextStyle } from './text/runs.js';
import { layoutInlines } from './text/text-flow.js';
import type { LayoutContext, StructElement } from './types.js';

interface Block {
  lines: Line[];
  lineHeight: number;
  baseline: number;
  gapAfter: number;
}

/** Height of the theme's logo at the top of the cover's band, in points. */
const COVER_LOGO_HEIGHT = 40;

/**
 * The cover (page 1, no running header or footer): a primary-colour band holding
 * the theme's logo, organisation, title and subtitle, then date, place and audience below it.
 */
export function drawCover(
  ctx: LayoutContext,
  parent: StructElement,
  drawLogo?: (placement: LogoPlacement) => void,
): void {
  const { pdf, theme, meta, page } = ctx;
  const width = page.contentWidth;
  const onBand = (style: Partial<TextStyle>): TextStyle => textStyle(ctx, { color: '#FFFFFF', ...style });
  const block = (text: string | undefined, style: TextStyle, gapAfter: number, gapScale = 0.4): Block[] => {
    if (!text) return [];
    const metrics = metricsFor(ctx, style.size, gapScale);
    const lines = layoutInlines(ctx, [{ type: 'text', text }], style, width);
    return [{ lines, lineHeight: metrics.lineHeight, baseline: metrics.baseline, gapAfter }];
  };
  const tint = mixColor(theme.colors.primary, '#FFFFFF', 0.72);
  const organisation = meta.organisation?.toLocaleUpperCase(meta.lang);
  const bandBlocks = [
    ...block(organisation, onBand({ size: theme.sizes.small, face: 'bold', color: tint }), 22),
    ...block(meta.title, onBand({ role: 'heading', face: 'bold', size: theme.sizes.title }), 14, 0.2),
    ...block(meta.subtitle, onBand({ size: theme.sizes.h2, color: tint }), 0),
  ];
  const bandContent = bandBlocks.reduce((sum, b) => sum + b.lines.length * b.lineHeight + b.gapAfter, 0);
  // A logo sits at the top of the band; a long title pushes the band down rather than into it.
  const logoSpace = drawLogo ? COVER_LOGO_HEIGHT + 24 : 0;
  const bandHeight = Math.max(page.height * 0.46, bandContent + page.top + 56 + logoSpace);
  const sect = addStruct(pdf, parent, 'Sect');
  drawArtifact(pdf, () => {
    pdf.rect(0, 0, page.width, bandHeight).fill(theme.colors.primary);
    pdf.rect(page.left, bandHeight - 48 - bandContent - 22, 56, 4).fill(theme.colors.accent);
  });
  if (drawLogo) {
    const placement = { x: page.left, y: page.top - 28, height: COVER_LOGO_HEIGHT, maxWidth: width * 0.45 };
    drawArtifact(pdf, () => drawLogo({ ...placement, align: 'left' }));
  }
  // The band's text sits on its lower edge, so short and long titles both look anchored.
  drawBlocks(ctx, bandBlocks, bandHeight - 48 - bandContent, sect);
  const details = [
    ...block(
      meta.dateText,
      textStyle(ctx, { role: 'heading', face: 'bold', size: theme.sizes.h2, color: theme.colors.primary }),
      6,
    ),
    ...block(meta.place, textStyle(ctx, { color: theme.colors.text }), 14),
    ...block(meta.audience, textStyle(ctx, { color: theme.colors.muted, face: 'italic' }), 0),
  ];
  drawBlocks(ctx, details, bandHeight + 36, sect);
  const footer = [meta.author && meta.author !== meta.organisation ? meta.author : undefined]
    .filter((text): text is string => Boolean(text))
    .join(' · ');
  const footerBlocks = block(footer, smallStyle(ctx, { color: theme.colors.muted }), 0);
  if (footerBlocks.length > 0) {
    drawArtifact(pdf, () => {
      pdf
        .moveTo(page.left, page.bottom - 18)
        .lineTo(page.right, page.bottom - 18)
        .lineWidth(0.6)
        .strokeColor(theme.colors.rule)
        .stroke();
    });
    drawBlocks(ctx, footerBlocks, page.bottom - 10, sect);
  }
}

function drawBlocks(ctx: LayoutContext, blocks: readonly Block[], top: number, sect: StructElement): void {
  let y = top;
  for (const block of blocks) {
    const element = addStruct(ctx.pdf, sect, 'P');
    for (const line of block.lines) {
      drawLine(ctx, line, ctx.page.left, y + block.baseline, element, 'P');
      y += block.lineHeight;
    }
    y += block.gapAfter;
  }
}
