import type { ChartDrawing, DrawOp, Path, StrokeOp, TextFace } from '../../../charts/drawing.js';
import { fail } from '../../../errors.js';
import { drawTextLine } from '../../../vendor/pdfkit.js';
import type { Theme } from '../../../theme/types.js';
import type { FaceName, FontRole, FontSet } from '../fonts.js';
import type { Pdf } from '../types.js';

/** What replaying needs: the document, the theme's fonts and the theme they come from. */
export interface ReplayContext {
  pdf: Pdf;
  fonts: FontSet;
  theme: Theme;
}

export interface DrawingBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Replays a chart's vector drawing onto the page, scaled into `box`: paths as PDF
 * paths, text as real text in the theme's embedded fonts (the same registered fonts
 * the body uses, so one subset serves both, and the figures in a chart can be found
 * and copied). Everything happens inside one save/restore, so no colour, opacity or
 * line setting of the chart leaks into what is drawn after it.
 */
export function replayDrawing(ctx: ReplayContext, drawing: ChartDrawing, box: DrawingBox): void {
  const { pdf } = ctx;
  const settings = new PdfSettings(pdf);
  pdf.save();
  pdf.translate(box.x, box.y);
  pdf.scale(box.width / drawing.width, box.height / drawing.height);
  for (const op of drawing.ops) replayOp(ctx, settings, op);
  pdf.restore();
}

function replayOp(ctx: ReplayContext, settings: PdfSettings, op: DrawOp): void {
  const { pdf } = ctx;
  switch (op.op) {
    case 'fill':
      tracePath(pdf, op.path);
      settings.fill(op.color, op.alpha);
      pdf.fill(op.rule === 'evenodd' ? 'even-odd' : 'non-zero');
      return;
    case 'stroke':
      tracePath(pdf, op.path);
      settings.stroke(op);
      pdf.stroke();
      return;
    case 'clip':
      tracePath(pdf, op.path);
      pdf.clip(op.rule === 'evenodd' ? 'even-odd' : 'non-zero');
      return;
    case 'save':
      settings.save();
      pdf.save();
      return;
    case 'restore':
      settings.restore();
      pdf.restore();
      return;
    case 'text': {
      settings.fill(op.color, op.alpha);
      const turned = op.angle !== 0;
      if (turned) pdf.save().rotate(op.angle, { origin: [op.x, op.y] });
      pdf.font(ctx.fonts.path(...fontFor(ctx.theme, op.face))).fontSize(op.size);
      drawTextLine(pdf, op.text, op.x, op.y, op.scaleX * 100);
      if (turned) pdf.restore();
      return;
    }
  }
}

function tracePath(pdf: Pdf, path: Path): void {
  for (const segment of path) {
    switch (segment[0]) {
      case 'M':
        pdf.moveTo(segment[1], segment[2]);
        break;
      case 'L':
        pdf.lineTo(segment[1], segment[2]);
        break;
      case 'C':
        pdf.bezierCurveTo(segment[1], segment[2], segment[3], segment[4], segment[5], segment[6]);
        break;
      case 'Z':
        pdf.closePath();
        break;
    }
  }
}

/** The theme's font role and face for a chart text face; the body wins when both roles share a family. */
function fontFor(theme: Theme, face: TextFace): [FontRole, FaceName] {
  const role: FontRole | undefined =
    face.family === theme.fonts.body.family
      ? 'body'
      : face.family === theme.fonts.heading.family
        ? 'heading'
        : undefined;
  if (!role) {
    fail('INTERNAL_ERROR', {
      message: `a chart drawing uses the font family "${face.family}", which the theme does not have`,
      expected: 'a drawing made with the same theme as the PDF',
    });
  }
  const bold = face.weight === 'bold';
  const name: FaceName =
    face.style === 'italic' ? (bold ? 'boldItalic' : 'italic') : bold ? 'bold' : 'regular';
  return [role, name];
}

/**
 * The colour, opacity and line settings in force in the PDF, so each is written only
 * when it changes (a chart sets the same grey for every gridline). Unknown at first,
 * and saved and restored with the PDF's own graphics state around clips.
 */
class PdfSettings {
  private current: Record<string, string> = {};
  private readonly saved: Record<string, string>[] = [];

  constructor(private readonly pdf: Pdf) {}

  save(): void {
    this.saved.push({ ...this.current });
  }

  restore(): void {
    this.current = this.saved.pop() ?? {};
  }

  fill(color: string, alpha: number): void {
    this.set('fill', color, () => this.pdf.fillColor(color));
    this.set('fillAlpha', String(alpha), () => this.pdf.fillOpacity(alpha));
  }

  stroke(op: StrokeOp): void {
    const { pdf } = this;
    this.set('stroke', op.color, () => pdf.strokeColor(op.color));
    this.set('strokeAlpha', String(op.alpha), () => pdf.strokeOpacity(op.alpha));
    this.set('width', String(op.width), () => pdf.lineWidth(op.width));
    this.set('cap', op.cap, () => pdf.lineCap(op.cap));
    this.set('join', op.join, () => pdf.lineJoin(op.join));
    this.set('miterLimit', String(op.miterLimit), () => pdf.miterLimit(op.miterLimit));
    // pdfkit takes an array of dash and gap lengths, though its typings say one number.
    const pattern = [...op.dash] as unknown as number;
    this.set('dash', `${op.dash.join(' ')}/${op.dashOffset}`, () =>
      op.dash.length === 0 ? pdf.undash() : pdf.dash(pattern, { phase: op.dashOffset }),
    );
  }

  private set(name: string, value: string, write: () => void): void {
    if (this.current[name] === value) return;
    write();
    this.current[name] = value;
  }
}
