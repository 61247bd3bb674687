import { assertNever, fail } from '../../../errors.js';
import type { Theme } from '../../../theme/types.js';
import type { FontSet } from '../fonts.js';
import type { ImageDrawer } from '../image-drawer.js';
import type { LogoDrawer } from '../logo.js';
import type { Box, ReportModel } from '../page-model.js';
import type { StructNode } from '../structure.js';
import type { Pdf } from '../types.js';
import { createOutline } from './outline.js';
import { paintLine } from './paint-text.js';
import { replayDrawing } from './replay-drawing.js';
import { drawArtifact, drawTagged } from './tagging.js';

type StructElement = PDFKit.PDFStructureElement;

/**
 * Writes the report's page model into `pdf`: the cover, the contents' pages reserved,
 * the body, then the contents and the running heads (pages are buffered). The one
 * place that draws with pdfkit and builds the structure tree.
 */
export function paintPdf(model: ReportModel, pdf: Pdf, options: PainterOptions): void {
  const painter = createPainter(pdf, options);
  painter.paint(model.cover.boxes);
  painter.open(model.contents.nodes);
  for (let i = 0; i < model.contents.pages.length; i++) pdf.addPage();
  painter.open(model.body.nodes);
  for (const page of model.body.pages) {
    pdf.addPage();
    painter.paint(page.boxes);
  }
  model.contents.pages.forEach((page, index) => {
    pdf.switchToPage(1 + index);
    painter.paint(page.boxes);
  });
  model.furniture.forEach((page, index) => {
    pdf.switchToPage(1 + index);
    painter.paint(page.boxes);
  });
  painter.end();
}

/** Paints boxes and creates the structure elements of the nodes they name. */
interface Painter {
  /** Creates the PDF elements of declared nodes now, in this order (reading order). */
  open(nodes: readonly StructNode[]): void;
  /** Paints boxes on the current page, in order. */
  paint(boxes: readonly Box[]): void;
  /** Ends the structure tree; call once, after the last box. */
  end(): void;
}

export interface PainterOptions {
  fonts: FontSet;
  theme: Theme;
  /** Draws the theme's logos; needed only when the page model has logo boxes. */
  drawLogo?: LogoDrawer;
  /** Draws the briefing's pictures; needed only when the page model has image boxes. */
  drawImage?: ImageDrawer;
  /** The x-height of a theme font file, as a fraction of the font size. */
  xHeight(path: string): number;
}

function createPainter(pdf: Pdf, { fonts, theme, drawLogo, drawImage, xHeight }: PainterOptions): Painter {
  const elements = new Map<StructNode, StructElement>();
  const outline = createOutline(pdf);
  let root: StructElement | undefined;

  /** The node's PDF element, created (after its parent) the first time it is needed. */
  const element = (node: StructNode): StructElement => {
    let created = elements.get(node);
    if (created) return created;
    const parent = node.parent && element(node.parent);
    created = pdf.struct(node.role, { ...node.options });
    if (parent) {
      parent.add(created);
    } else {
      pdf.addStructure(created);
      root = created;
    }
    elements.set(node, created);
    return created;
  };

  const paintBox = (box: Box): void => {
    switch (box.kind) {
      case 'text':
        paintLine(
          { pdf, fonts, xHeight },
          box.line,
          box.x,
          box.baseline,
          box.node && element(box.node),
          box.node?.role ?? '',
        );
        return;
      case 'rect':
        pdf.rect(box.x, box.y, box.width, box.height).fill(box.color);
        return;
      case 'rule':
        if (box.dotted) {
          pdf
            .save()
            .moveTo(box.x, box.y)
            .lineTo(box.x + box.width, box.y)
            .lineWidth(box.lineWidth)
            .lineCap('round')
            .dash(0.01, { space: 3.2 })
            .strokeColor(box.color)
            .stroke()
            .restore();
        } else {
          pdf
            .moveTo(box.x, box.y)
            .lineTo(box.x + box.width, box.y)
            .lineWidth(box.lineWidth)
            .strokeColor(box.color)
            .stroke();
        }
        return;
      case 'drawing':
        drawTagged(pdf, element(box.node), box.node.role, () =>
          replayDrawing({ pdf, fonts, theme }, box.drawing, box),
        );
        return;
      case 'image':
        if (!drawImage)
          fail('INTERNAL_ERROR', { message: 'an image box was painted without an image drawer' });
        drawTagged(pdf, element(box.node), box.node.role, () =>
          drawImage(box.image, box.x, box.y, box.width, box.height),
        );
        return;
      case 'logo':
        drawLogo?.(box.logo, box.placement);
        return;
      case 'artifact':
        // An empty one (a row without a band, an entry without a leader) marks nothing.
        if (box.boxes.length > 0) drawArtifact(pdf, () => box.boxes.forEach(paintBox), box.type);
        return;
      case 'group':
        element(box.node);
        box.boxes.forEach(paintBox);
        return;
      case 'anchor':
        // A destination never points above the page.
        pdf.addNamedDestination(box.name, 'XYZ', null, Math.max(0, box.y), null);
        if (box.outline) outline.add(box.name, box.outline.title, box.outline.level);
        return;
      case 'link-area': {
        const link = element(box.node);
        // pdfkit's typings lack structParent, and Contents must be a PDF string, not a name.
        const options = {
          structParent: link,
          Contents: new String(box.contents),
        } as unknown as PDFKit.Mixins.AnnotationOption;
        if (box.target.kind === 'uri') pdf.link(box.x, box.y, box.width, box.height, box.target.uri, options);
        else pdf.goTo(box.x, box.y, box.width, box.height, box.target.name, options);
        link.end();
        return;
      }
      default:
        assertNever(box, 'box kind');
    }
  };

  return {
    open: (nodes) => nodes.forEach(element),
    paint: (boxes) => boxes.forEach(paintBox),
    end: () => root?.end(),
  };
}
