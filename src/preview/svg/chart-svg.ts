import type { ChartDrawing, DrawOp, Path } from '../../charts/drawing.js';
import { escapeXml, fontFamily, num } from './svg-text.js';

export interface SvgBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Replays a chart's recorded vector drawing as SVG, scaled into `box`: the same display
 * list the PDF replays onto pdfkit (src/render/pdf/replay-drawing.ts), paths as paths and
 * text as text in the theme's fonts. `idPrefix` keeps clip-path ids unique in a page.
 */
export function chartSvg(drawing: ChartDrawing, box: SvgBox, idPrefix: string): string {
  const out: string[] = [];
  const sx = box.width / drawing.width;
  const sy = box.height / drawing.height;
  out.push(`<g transform="translate(${num(box.x)} ${num(box.y)}) scale(${sx} ${sy})">`);
  // Groups opened since each save: a save opens one, each clip one more; restore closes them.
  const open: number[] = [0];
  let clips = 0;
  for (const op of drawing.ops) {
    const text = replayOp(op, () => `${idPrefix}-clip${clips++}`, open);
    if (text) out.push(text);
  }
  for (const count of open) out.push('</g>'.repeat(count));
  out.push('</g>');
  return out.join('');
}

function replayOp(op: DrawOp, nextId: () => string, open: number[]): string {
  switch (op.op) {
    case 'fill':
      return `<path d="${pathData(op.path)}" fill="${op.color}"${opacity('fill', op.alpha)}${
        op.rule === 'evenodd' ? ' fill-rule="evenodd"' : ''
      }/>`;
    case 'stroke': {
      const dash =
        op.dash.length > 0
          ? ` stroke-dasharray="${op.dash.map(num).join(' ')}" stroke-dashoffset="${num(op.dashOffset)}"`
          : '';
      return `<path d="${pathData(op.path)}" fill="none" stroke="${op.color}"${opacity('stroke', op.alpha)} stroke-width="${num(
        op.width,
      )}" stroke-linecap="${op.cap}" stroke-linejoin="${op.join}" stroke-miterlimit="${num(op.miterLimit)}"${dash}/>`;
    }
    case 'clip': {
      const id = nextId();
      open[open.length - 1]! += 1;
      const rule = op.rule === 'evenodd' ? ' clip-rule="evenodd"' : '';
      return `<clipPath id="${id}"><path d="${pathData(op.path)}"${rule}/></clipPath><g clip-path="url(#${id})">`;
    }
    case 'save':
      open.push(0);
      return '';
    case 'restore':
      return '</g>'.repeat(open.length > 1 ? open.pop()! : 0);
    case 'text': {
      const transforms: string[] = [];
      if (op.angle !== 0) transforms.push(`rotate(${num(op.angle)} ${num(op.x)} ${num(op.y)})`);
      if (op.scaleX !== 1) {
        transforms.push(`translate(${num(op.x)} 0) scale(${op.scaleX} 1) translate(${num(-op.x)} 0)`);
      }
      const transform = transforms.length > 0 ? ` transform="${transforms.join(' ')}"` : '';
      return `<text x="${num(op.x)}" y="${num(op.y)}" font-family="${escapeXml(fontFamily(op.face.family))}" font-size="${num(
        op.size,
      )}" font-weight="${op.face.weight}" font-style="${op.face.style}" fill="${op.color}"${opacity(
        'fill',
        op.alpha,
      )} xml:space="preserve"${transform}>${escapeXml(op.text)}</text>`;
    }
  }
}

function opacity(what: 'fill' | 'stroke', alpha: number): string {
  return alpha < 1 ? ` ${what}-opacity="${num(alpha)}"` : '';
}

function pathData(path: Path): string {
  return path
    .map((segment) => {
      switch (segment[0]) {
        case 'M':
        case 'L':
          return `${segment[0]}${num(segment[1])} ${num(segment[2])}`;
        case 'C':
          return `C${segment
            .slice(1)
            .map((n) => num(n as number))
            .join(' ')}`;
        case 'Z':
          return 'Z';
      }
    })
    .join('');
}
