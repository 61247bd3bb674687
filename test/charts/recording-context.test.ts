import { beforeAll, describe, expect, it } from 'vitest';
import type { DrawOp, PathSegment, TextOp } from '../../src/charts/drawing.js';
import { loadChartFonts, type ChartFonts } from '../../src/charts/recording/chart-fonts.js';
import { guardContext } from '../../src/charts/recording/guard-context.js';
import { arcSweep } from '../../src/charts/recording/path-builder.js';
import { RecordingContext } from '../../src/charts/recording/recording-context.js';
import { BriefkitError } from '../../src/errors.js';
import { theme } from './fixture.js';

let fonts: ChartFonts;
beforeAll(async () => {
  fonts = await loadChartFonts(theme);
});

/** A guarded context, as chart.js gets it, with its ops read back through drawing(). */
function recorder() {
  const context = new RecordingContext(200, 100, fonts);
  const ctx = guardContext(context) as RecordingContext & Record<string, unknown>;
  return { ctx, ops: () => context.drawing().ops as DrawOp[] };
}

function only<T extends DrawOp['op']>(ops: DrawOp[], op: T): Extract<DrawOp, { op: T }>[] {
  return ops.filter((o): o is Extract<DrawOp, { op: T }> => o.op === op);
}

/** The end points of a path's segments. */
function points(path: readonly PathSegment[]): [number, number][] {
  return path.flatMap((s): [number, number][] =>
    s[0] === 'Z' ? [] : s[0] === 'C' ? [[s[5], s[6]]] : [[s[1], s[2]]],
  );
}

describe('RecordingContext paths', () => {
  it('records a filled and stroked path with its colours, alpha, width, dash, cap and join', () => {
    const { ctx, ops } = recorder();
    ctx.beginPath();
    ctx.moveTo(10, 10);
    ctx.lineTo(50, 10);
    ctx.quadraticCurveTo(60, 10, 60, 20);
    ctx.closePath();
    ctx.fillStyle = 'rgba(31, 58, 95, 0.5)';
    ctx.globalAlpha = 0.5;
    ctx.fill();
    ctx.strokeStyle = '#D98E04';
    ctx.lineWidth = 2;
    ctx.setLineDash([3]);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'bevel';
    ctx.stroke();
    const [fill, stroke] = ops();
    expect(fill).toEqual({
      op: 'fill',
      path: [['M', 10, 10], ['L', 50, 10], ['C', 56.67, 10, 60, 13.33, 60, 20], ['Z']],
      color: '#1F3A5F',
      alpha: 0.25,
      rule: 'nonzero',
    });
    expect(stroke).toMatchObject({ op: 'stroke', color: '#D98E04', alpha: 0.5, width: 2, cap: 'round' });
    expect(stroke).toMatchObject({ join: 'bevel', dash: [3, 3], dashOffset: 0 });
  });

  it('applies the transform in force at each call and scales line widths with it', () => {
    const { ctx, ops } = recorder();
    ctx.translate(100, 50);
    ctx.scale(2, 2);
    ctx.beginPath();
    ctx.rect(0, 0, 10, 5);
    ctx.lineWidth = 0.75;
    ctx.stroke();
    const [stroke] = only(ops(), 'stroke');
    expect(points(stroke!.path)).toEqual([
      [100, 50],
      [120, 50],
      [120, 60],
      [100, 60],
    ]);
    expect(stroke!.width).toBe(1.5);
  });

  it('draws nothing for transparent paint, and ignores the widths canvas ignores', () => {
    const { ctx, ops } = recorder();
    ctx.rect(0, 0, 10, 10);
    ctx.fillStyle = 'transparent';
    ctx.fill();
    ctx.lineWidth = 0;
    expect(ctx.lineWidth).toBe(1);
    expect(ops()).toEqual([]);
  });
});

describe('RecordingContext arcs', () => {
  it('follows the canvas rules for the way round', () => {
    expect(arcSweep(0, Math.PI / 2, false)).toBeCloseTo(Math.PI / 2);
    expect(arcSweep(0, Math.PI / 2, true)).toBeCloseTo(-1.5 * Math.PI);
    expect(arcSweep(0, -0.5, false)).toBeCloseTo(2 * Math.PI - 0.5);
    expect(arcSweep(1, 1 + 2 * Math.PI, false)).toBe(2 * Math.PI);
    expect(arcSweep(1, 1 - 3 * Math.PI, true)).toBe(-2 * Math.PI);
  });

  it('draws a doughnut slice as Béziers that stay on the circles', () => {
    const { ctx, ops } = recorder();
    const [cx, cy, outer, inner] = [100, 50, 40, 22];
    const [start, end] = [-Math.PI / 2, Math.PI * 0.6];
    ctx.beginPath();
    ctx.arc(cx, cy, outer, start, end);
    ctx.arc(cx, cy, inner, end, start, true);
    ctx.closePath();
    ctx.fill();
    const [fill] = only(ops(), 'fill');
    const path = fill!.path;
    expect(path[0]).toEqual(['M', 100, 10]);
    const curves = path.filter((s) => s[0] === 'C');
    // 198° needs three quarter-circle pieces on each circle; the line between them joins the rings.
    expect(curves).toHaveLength(6);
    expect(path.filter((s) => s[0] === 'L')).toHaveLength(1);
    // Sample each Bézier at its middle: it must lie on its circle within 0.05 pt.
    let from = [100, 10];
    for (const segment of path) {
      if (segment[0] === 'C') {
        const [, x1, y1, x2, y2, x3, y3] = segment;
        const mx = (from[0]! + 3 * x1 + 3 * x2 + x3) / 8;
        const my = (from[1]! + 3 * y1 + 3 * y2 + y3) / 8;
        const r = Math.hypot(mx - cx, my - cy);
        expect(Math.min(Math.abs(r - outer), Math.abs(r - inner))).toBeLessThan(0.05);
      }
      if (segment[0] !== 'Z') from = segment[0] === 'C' ? [segment[5], segment[6]] : [segment[1], segment[2]];
    }
    const ends = points(path);
    expect(ends.at(-1)![0]).toBeCloseTo(cx, 1);
    expect(ends.at(-1)![1]).toBeCloseTo(cy - inner, 1);
  });

  it('draws a whole circle in four pieces, back to where it started', () => {
    const { ctx, ops } = recorder();
    ctx.beginPath();
    ctx.arc(50, 50, 10, 0, 2 * Math.PI);
    ctx.fill();
    const path = only(ops(), 'fill')[0]!.path;
    expect(path.filter((s) => s[0] === 'C')).toHaveLength(4);
    expect(points(path).at(-1)).toEqual([60, 50]);
  });
});

describe('RecordingContext text', () => {
  function textAt(configure: (ctx: RecordingContext) => void, text = 'Drones'): TextOp {
    const { ctx, ops } = recorder();
    ctx.font = '10px "Noto Sans"';
    configure(ctx);
    ctx.fillText(text, 100, 50);
    return only(ops(), 'text')[0]!;
  }

  it('measures with the theme font, as the PDF will', () => {
    const { ctx } = recorder();
    ctx.font = '10px "Noto Sans"';
    const regular = ctx.measureText('Missiles 420').width;
    ctx.font = 'bold 10px Noto Sans';
    const bold = ctx.measureText('Missiles 420').width;
    expect(regular).toBeCloseTo(
      fonts.width({ family: 'Noto Sans', weight: 'normal', style: 'normal' }, 10, 'Missiles 420'),
    );
    expect(bold).toBeGreaterThan(regular);
    expect(regular).toBeGreaterThan(50);
    expect(regular).toBeLessThan(65);
  });

  it('resolves textAlign to where the text starts', () => {
    const width = fonts.width({ family: 'Noto Sans', weight: 'normal', style: 'normal' }, 10, 'Drones');
    const x = (align: CanvasTextAlignName) => textAt((ctx) => (ctx.textAlign = align)).x;
    expect(x('left')).toBe(100);
    expect(x('start')).toBe(100);
    expect(x('center')).toBeCloseTo(100 - width / 2, 2);
    expect(x('right')).toBeCloseTo(100 - width, 2);
    expect(x('end')).toBeCloseTo(100 - width, 2);
  });

  it('resolves textBaseline to the alphabetic baseline, from the font ascent and descent', () => {
    // Noto Sans: ascent 1.069 em, descent 0.293 em.
    const y = (baseline: CanvasTextBaselineName) => textAt((ctx) => (ctx.textBaseline = baseline)).y;
    expect(y('alphabetic')).toBe(50);
    expect(y('top')).toBeCloseTo(60.69, 2);
    expect(y('middle')).toBeCloseTo(53.88, 2);
    expect(y('bottom')).toBeCloseTo(47.07, 2);
  });

  it('records face, size, colour and the rotation of a turned axis title', () => {
    const op = textAt((ctx) => {
      ctx.font = 'italic bold 12px "Noto Sans"';
      ctx.fillStyle = '#5B6570';
      ctx.translate(20, 30);
      ctx.rotate(-Math.PI / 2);
    }, 'Drones launched');
    expect(op).toMatchObject({
      text: 'Drones launched',
      face: { family: 'Noto Sans', weight: 'bold', style: 'italic' },
      size: 12,
      color: '#5B6570',
      angle: -90,
      scaleX: 1,
    });
    // (100, 50) turned a quarter anticlockwise about (20, 30): x from y, y from -x.
    expect([op.x, op.y]).toEqual([70, -70]);
  });

  it('squeezes text wider than maxWidth, as canvas does', () => {
    const { ctx, ops } = recorder();
    ctx.font = '10px "Noto Sans"';
    const width = ctx.measureText('Reconstruction').width;
    ctx.fillText('Reconstruction', 0, 10, width / 2);
    expect(only(ops(), 'text')[0]!.scaleX).toBeCloseTo(0.5, 3);
  });

  it('gives the box fields of measureText from the anchor', () => {
    const { ctx } = recorder();
    ctx.font = '10px "Noto Sans"';
    ctx.textBaseline = 'top';
    const metrics = ctx.measureText('Hg');
    expect(metrics.fontBoundingBoxAscent).toBeCloseTo(0);
    expect(metrics.fontBoundingBoxDescent).toBeCloseTo(13.62, 2);
    expect(metrics.actualBoundingBoxAscent).toBeLessThan(0);
    expect(metrics.actualBoundingBoxDescent).toBeGreaterThan(10);
  });
});

describe('RecordingContext save, restore and clip', () => {
  it('restores the state, and brackets clips with save and restore ops', () => {
    const { ctx, ops } = recorder();
    ctx.fillStyle = '#FF0000';
    ctx.save();
    ctx.fillStyle = '#00FF00';
    ctx.translate(10, 10);
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, 50, 50);
    ctx.clip();
    ctx.fillRect(0, 0, 100, 100);
    ctx.restore();
    ctx.fillRect(0, 0, 1, 1);
    ctx.restore();
    ctx.fillRect(0, 0, 1, 1);
    expect(ops().map((o) => o.op)).toEqual(['save', 'clip', 'fill', 'restore', 'fill', 'fill']);
    const fills = only(ops(), 'fill');
    expect(fills.map((f) => f.color)).toEqual(['#00FF00', '#00FF00', '#FF0000']);
    expect(points(fills[1]!.path)[0]).toEqual([10, 10]);
    expect(points(fills[2]!.path)[0]).toEqual([0, 0]);
    expect(only(ops(), 'clip')[0]!.path[0]).toEqual(['M', 10, 10]);
  });

  it('writes no save for a save/restore pair that never clips', () => {
    const { ctx, ops } = recorder();
    ctx.save();
    ctx.fillRect(0, 0, 5, 5);
    ctx.restore();
    expect(ops().map((o) => o.op)).toEqual(['fill']);
  });

  it('forgets everything on a clear of the whole canvas, as chart.js does before drawing', () => {
    const { ctx, ops } = recorder();
    ctx.fillRect(0, 0, 5, 5);
    ctx.clearRect(0, 0, 200, 100);
    expect(ops()).toEqual([]);
  });
});

describe('RecordingContext refuses what it does not implement', () => {
  const internal = (call: () => unknown, what: RegExp) => {
    const error = (() => {
      try {
        call();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).code).toBe('INTERNAL_ERROR');
    expect((error as BriefkitError).message).toMatch(what);
  };

  it('throws a clear internal error for canvas calls it lacks, read or written', () => {
    const { ctx } = recorder();
    internal(
      () => (ctx.createLinearGradient as () => void)(),
      /does not implement ctx\.createLinearGradient/,
    );
    internal(() => (ctx.drawImage as () => void)(), /ctx\.drawImage/);
    internal(() => (ctx.shadowBlur = 4), /setting ctx\.shadowBlur/);
    internal(() => (ctx.globalCompositeOperation = 'destination-over'), /globalCompositeOperation/);
  });

  it('throws for gradients, unknown colours and fonts, partial clears and stretched text', () => {
    const { ctx } = recorder();
    internal(() => (ctx.fillStyle = {}), /not a colour/);
    internal(() => (ctx.fillStyle = 'hsl(0, 50%, 50%)'), /the colour "hsl/);
    internal(() => (ctx.font = '12px Helvetica, sans-serif'), /the font "12px Helvetica/);
    internal(() => ctx.clearRect(0, 0, 10, 10), /clearRect/);
    internal(() => ctx.fillText('x', 0, 0), /before a font is set/);
    ctx.font = '10px "Noto Sans"';
    ctx.scale(2, 1);
    internal(() => ctx.fillText('x', 0, 0), /stretched/);
  });
});

type CanvasTextAlignName = 'left' | 'right' | 'center' | 'start' | 'end';
type CanvasTextBaselineName = 'top' | 'middle' | 'alphabetic' | 'bottom';
