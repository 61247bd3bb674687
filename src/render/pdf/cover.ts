import { mixColor } from './colors.js';
import { metricsFor, smallStyle, textStyle } from './styles.js';
import type { LogoImage } from '../../theme/logo.js';
import type { Box } from './page-model.js';
import type { StructNode, StructureBuilder } from './structure.js';
import type { Line } from './text/line-break.js';
import type { TextStyle } from './text/runs.js';
import { layoutInlines, stackLines } from './text/text-flow.js';
import type { LayoutContext } from './types.js';

interface Block {
  /** The title is the document's first heading; the other lines are paragraphs. */
  role: 'H1' | 'P';
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
export function layoutCover(ctx: LayoutContext, parent: StructNode, logo?: LogoImage): Box[] {
  const { theme, meta, page } = ctx;
  const width = page.contentWidth;
  const onBand = (style: Partial<TextStyle>): TextStyle => textStyle(ctx, { color: '#FFFFFF', ...style });
  const block = (
    text: string | undefined,
    style: TextStyle,
    gapAfter: number,
    gapScale = 0.4,
    role: Block['role'] = 'P',
  ): Block[] => {
    if (!text) return [];
    const metrics = metricsFor(ctx, style.size, gapScale);
    const lines = layoutInlines(ctx, [{ type: 'text', text }], style, width);
    return [{ role, lines, lineHeight: metrics.lineHeight, baseline: metrics.baseline, gapAfter }];
  };
  const tint = mixColor(theme.colors.primary, '#FFFFFF', 0.72);
  const organisation = meta.organisation?.toLocaleUpperCase(meta.lang);
  const bandBlocks = [
    ...block(organisation, onBand({ size: theme.sizes.small, face: 'bold', color: tint }), 22),
    ...block(meta.title, onBand({ role: 'heading', face: 'bold', size: theme.sizes.title }), 14, 0.2, 'H1'),
    ...block(meta.subtitle, onBand({ size: theme.sizes.h2, color: tint }), 0),
  ];
  const bandContent = bandBlocks.reduce((sum, b) => sum + b.lines.length * b.lineHeight + b.gapAfter, 0);
  // A logo sits at the top of the band; a long title pushes the band down rather than into it.
  const logoSpace = logo ? COVER_LOGO_HEIGHT + 24 : 0;
  const bandHeight = Math.max(page.height * 0.46, bandContent + page.top + 56 + logoSpace);
  const sect = ctx.struct.local(parent, 'Sect');
  const boxes: Box[] = [
    {
      kind: 'artifact',
      type: 'Layout',
      boxes: [
        { kind: 'rect', x: 0, y: 0, width: page.width, height: bandHeight, color: theme.colors.primary },
        {
          kind: 'rect',
          x: page.left,
          y: bandHeight - 48 - bandContent - 22,
          width: 56,
          height: 4,
          color: theme.colors.accent,
        },
      ],
    },
  ];
  if (logo) {
    const placement = { x: page.left, y: page.top - 28, height: COVER_LOGO_HEIGHT, maxWidth: width * 0.45 };
    boxes.push({
      kind: 'artifact',
      type: 'Layout',
      boxes: [{ kind: 'logo', logo, placement: { ...placement, align: 'left' } }],
    });
  }
  // The band's text sits on its lower edge, so short and long titles both look anchored.
  boxes.push(...paragraphs(ctx.struct, bandBlocks, page.left, bandHeight - 48 - bandContent, sect));
  const details = [
    ...block(
      meta.dateText,
      textStyle(ctx, { role: 'heading', face: 'bold', size: theme.sizes.h2, color: theme.colors.primary }),
      6,
    ),
    ...block(meta.place, textStyle(ctx, { color: theme.colors.text }), 14),
    ...block(meta.audience, textStyle(ctx, { color: theme.colors.muted, face: 'italic' }), 0),
  ];
  boxes.push(...paragraphs(ctx.struct, details, page.left, bandHeight + 36, sect));
  const footer = [meta.author && meta.author !== meta.organisation ? meta.author : undefined]
    .filter((text): text is string => Boolean(text))
    .join(' · ');
  const footerBlocks = block(footer, smallStyle(ctx, { color: theme.colors.muted }), 0);
  if (footerBlocks.length > 0) {
    const rule: Box = {
      kind: 'rule',
      x: page.left,
      y: page.bottom - 18,
      width: page.right - page.left,
      lineWidth: 0.6,
      color: theme.colors.rule,
    };
    boxes.push({ kind: 'artifact', type: 'Layout', boxes: [rule] });
    boxes.push(...paragraphs(ctx.struct, footerBlocks, page.left, page.bottom - 10, sect));
  }
  return [{ kind: 'group', node: sect, boxes }];
}

/** Each block as a P (or the title's H1) of its own, stacked from `top`. */
function paragraphs(
  struct: StructureBuilder,
  blocks: readonly Block[],
  x: number,
  top: number,
  sect: StructNode,
): Box[] {
  let y = top;
  return blocks.map((block): Box => {
    const node = struct.local(sect, block.role);
    const lines = stackLines(block.lines, x, y, block, node);
    y += block.lines.length * block.lineHeight + block.gapAfter;
    return { kind: 'group', node, boxes: lines };
  });
}
