import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { ChartDrawing, DrawOp } from '../../../src/charts/drawing.js';
import { createFontSet } from '../../../src/render/pdf/fonts.js';
import { replayDrawing } from '../../../src/render/pdf/paint/replay-drawing.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { readPdf } from '../../helpers/pdf.js';

const theme = defaultTheme();
const regular = { family: 'Noto Sans', weight: 'normal', style: 'normal' } as const;

function text(value: string, x: number, y: number, extra: Partial<DrawOp> = {}): DrawOp {
  return {
    op: 'text',
    text: value,
    x,
    y,
    face: regular,
    size: 10,
    color: '#1E2329',
    alpha: 1,
    angle: 0,
    scaleX: 1,
    ...extra,
  } as DrawOp;
}

/** Replays `drawing` at (10, 20), half its natural size, on a page of its own; returns the bytes. */
async function replayed(drawing: ChartDrawing): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: [300, 200],
    margin: 0,
    compress: false,
    font: theme.fonts.body.regular,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  replayDrawing({ pdf, fonts: createFontSet(theme), theme }, drawing, {
    x: 10,
    y: 20,
    width: 240,
    height: 120,
  });
  pdf.end();
  return done;
}

describe('replayDrawing', () => {
  it('writes chart text as real text, scaled and placed into the box', async () => {
    const bytes = await replayed({
      width: 480,
      height: 240,
      ops: [
        text('420', 100, 50),
        text('Drones launched', 40, 200, { angle: -90 }),
        text('Squeezed', 300, 100, { scaleX: 0.5 }),
      ],
    });
    const page = (await readPdf(bytes)).pages[0]!;
    const find = (s: string) => page.items.find((item) => item.text === s)!;
    expect(find('420')).toMatchObject({ x: 60, fontSize: 5 });
    expect(find('420').y).toBeCloseTo(45, 5);
    const turned = find('Drones launched');
    expect([turned.x, turned.y]).toEqual([30, 120]);
    // Half the box scale, and half again for the squeeze (horizontal scaling in the PDF).
    const natural = new PDFDocument({ font: theme.fonts.body.regular })
      .fontSize(10)
      .widthOfString('Squeezed');
    expect(find('Squeezed').width).toBeCloseTo(natural / 4, 1);
  });

  it('draws paths, clips inside save and restore, and leaves the graphics state as it found it', async () => {
    const square = [['M', 0, 0], ['L', 10, 0], ['L', 10, 10], ['Z']] as const;
    const bytes = await replayed({
      width: 480,
      height: 240,
      ops: [
        { op: 'save' },
        { op: 'clip', path: square, rule: 'nonzero' },
        { op: 'fill', path: square, color: '#1F3A5F', alpha: 0.5, rule: 'evenodd' },
        { op: 'restore' },
        {
          op: 'stroke',
          path: [
            ['M', 0, 0],
            ['C', 1, 1, 2, 2, 3, 3],
          ],
          color: '#D98E04',
          alpha: 1,
          width: 2,
          cap: 'round',
          join: 'bevel',
          miterLimit: 10,
          dash: [3, 1],
          dashOffset: 0,
        },
      ],
    });
    const content = bytes.toString('latin1');
    expect(content).toContain('W n');
    expect(content).toContain('f*');
    expect(content).toMatch(/0 0 m\s+1 1 2 2 3 3 c/);
    expect(content).toContain('[3 1] 0 d');
    expect(content).toContain('1 J');
    const ops = content.match(/^(q|Q)$/gm) ?? [];
    expect(ops.filter((o) => o === 'q').length).toBe(ops.filter((o) => o === 'Q').length);
  });
});
