import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import type { ChartAssets } from '../../src/charts/types.js';
import type { ChartDrawing } from '../../src/charts/drawing.js';
import { chartSvg } from '../../src/preview/svg/chart-svg.js';
import { slideSvg } from '../../src/preview/svg/slide-svg.js';
import type { DeckModel, SlideModel } from '../../src/render/pptx/slide-model.js';
import { loadTextMeasurer, type TextMeasurer } from '../../src/render/pptx/text/measure.js';
import { defaultTheme } from '../../src/theme/default-theme.js';

const GENEVA = path.resolve('data/geneva-2026-02-26.yaml');
const unescape = (text: string): string =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

describe('slides as SVG, from the slide model', () => {
  let model: DeckModel;
  let assets: ChartAssets;
  let measure: TextMeasurer;
  let svgs: string[];

  beforeAll(async () => {
    const result = await build(GENEVA, { date: '2026-02-27', config: false });
    model = result.result.deckModel!;
    assets = result.result.assets;
    measure = await loadTextMeasurer(defaultTheme());
    svgs = model.slides.map((slide, index) => slideSvg(slide, index, { model, assets, measure }));
  }, 120_000);

  it('draws every slide as well-formed SVG at the slide size (960 × 540 pt)', () => {
    expect(svgs.length).toBe(model.slides.length);
    for (const svg of svgs) {
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).toMatch(/viewBox="0 0 959\.98 540"/);
    }
  });

  it('sets every word of every text box, in the runs’ fonts', () => {
    model.slides.forEach((slide, index) => {
      const text = unescape(svgs[index]!.replace(/<[^>]+>/g, ''));
      for (const element of slide.elements) {
        if (element.kind !== 'text') continue;
        for (const paragraph of element.paragraphs) {
          for (const run of paragraph.runs) {
            for (const word of run.text.split(/\s+/).filter((w) => w.length > 3)) {
              expect(text, `slide ${index + 1}`).toContain(word);
            }
          }
        }
      }
      expect(svgs[index]).toContain(`font-family="&#39;${model.fonts.body}&#39;, sans-serif"`);
    });
  });

  it('draws native charts from the recorded drawing the PDF replays', () => {
    let charts = 0;
    model.slides.forEach((slide, index) => {
      for (const element of slide.elements) {
        if (element.kind !== 'chart') continue;
        charts += 1;
        const drawing = assets.get(element.chartId)!.drawing!;
        const svg = svgs[index]!;
        expect(svg).toContain(`data-chart="${element.chartId}"`);
        const texts = drawing.ops.filter((op) => op.op === 'text');
        for (const op of texts) expect(unescape(svg)).toContain(op.text);
      }
    });
    expect(charts).toBeGreaterThan(0);
  });

  it('marks text the fitter shrank or cut, and continuation slides, in the fit layer', () => {
    const base = model.slides[3]!;
    const text = base.elements.find((element) => element.kind === 'text')!;
    const slide: SlideModel = {
      ...base,
      continuation: 2,
      elements: [
        { ...text, fit: { shrunk: true, truncated: false } },
        { ...text, fit: { shrunk: true, truncated: true } },
      ],
    };
    const svg = slideSvg(slide, 0, { model, assets, measure });
    expect(svg).toContain('class="fit-shrunk"');
    expect(svg).toContain('class="fit-cut"');
    expect(svg).toContain('cut short');
    expect(svg).toContain('continues (cont. 2)');
  });

  it('escapes text: a briefing string never becomes markup in the page', () => {
    const base = model.slides[3]!;
    const text = base.elements.find((element) => element.kind === 'text')!;
    if (text.kind !== 'text') throw new Error('no text box');
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const paragraph = { ...text.paragraphs[0]!, runs: [{ ...text.paragraphs[0]!.runs[0]!, text: hostile }] };
    const svg = slideSvg({ ...base, elements: [{ ...text, paragraphs: [paragraph] }] }, 0, {
      model,
      assets,
      measure,
    });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(unescape(svg.replace(/<[^>]+>/g, ''))).toContain(hostile);
  });
});

describe('chart drawing → SVG', () => {
  const drawing: ChartDrawing = {
    width: 100,
    height: 50,
    ops: [
      { op: 'save' },
      { op: 'clip', path: [['M', 0, 0], ['L', 50, 0], ['L', 50, 50], ['Z']], rule: 'nonzero' },
      {
        op: 'fill',
        path: [['M', 0, 0], ['L', 100, 0], ['L', 100, 50], ['Z']],
        rule: 'evenodd',
        color: '#112233',
        alpha: 0.5,
      },
      { op: 'restore' },
      {
        op: 'stroke',
        path: [
          ['M', 0, 25],
          ['C', 10, 0, 20, 50, 30, 25],
        ],
        color: '#445566',
        alpha: 1,
        width: 2,
        cap: 'round',
        join: 'bevel',
        miterLimit: 10,
        dash: [4, 2],
        dashOffset: 1,
      },
      {
        op: 'text',
        text: '$800 billion',
        x: 10,
        y: 40,
        face: { family: 'Noto Sans', weight: 'bold', style: 'normal' },
        size: 9,
        color: '#000000',
        alpha: 1,
        angle: -45,
        scaleX: 0.9,
      },
    ],
  };

  it('scales into the box, clips only until the restore, keeps paint and text', () => {
    const svg = chartSvg(drawing, { x: 10, y: 20, width: 200, height: 100 }, 'c1');
    expect(XMLValidator.validate(`<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg>`)).toBe(true);
    expect(svg).toMatch(/^<g transform="translate\(10 20\) scale\(2 2\)">/);
    // The fill is inside the clipped group; the stroke after the restore is not.
    expect(svg).toMatch(
      /<g clip-path="url\(#c1-clip0\)"><path d="M0 0L100 0L100 50Z" fill="#112233" fill-opacity="0.5" fill-rule="evenodd"\/><\/g><path/,
    );
    expect(svg).toContain('stroke-dasharray="4 2" stroke-dashoffset="1"');
    expect(svg).toContain('d="M0 25C10 0 20 50 30 25"');
    expect(svg).toContain('rotate(-45 10 40)');
    expect(svg).toContain('font-weight="bold"');
    expect(svg).toContain('>$800 billion</text>');
  });
});
