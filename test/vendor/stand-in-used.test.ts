import { describe, expect, it, vi } from 'vitest';
import { loadPptxGenJS } from '../../src/render/pptx/pptxgen.js';

describe('pptxgenjs in the tests', () => {
  it('writes its package through the jszip stand-in, as the bundle does', async () => {
    const standIn = await import('../../src/vendor/jszip.js');
    const generate = vi.spyOn(standIn.default.prototype, 'generateAsync');
    const PptxGenJS = await loadPptxGenJS();
    const pptx = new PptxGenJS();
    pptx.addSlide().addText('hello', { x: 1, y: 1, w: 4, h: 1 });
    const out = await pptx.write({ outputType: 'nodebuffer' });
    expect(generate).toHaveBeenCalled();
    expect(Buffer.isBuffer(out) || out instanceof Uint8Array).toBe(true);
  });
});
