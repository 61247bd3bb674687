import { describe, expect, it } from 'vitest';
import { cachedDrawing, drawingKey } from '../../src/charts/drawing-cache.js';

describe('cachedDrawing', () => {
  it('draws once per content and again when the content changes', () => {
    let draws = 0;
    const draw = () => `svg ${++draws}`;
    const key = drawingKey('svg', { id: 'c', title: 'One' });
    expect(cachedDrawing(key, draw)).toBe('svg 1');
    expect(cachedDrawing(drawingKey('svg', { id: 'c', title: 'One' }), draw)).toBe('svg 1');
    expect(cachedDrawing(drawingKey('svg', { id: 'c', title: 'Two' }), draw)).toBe('svg 2');
    expect(cachedDrawing(drawingKey('png', { id: 'c', title: 'One' }), draw)).toBe('svg 3');
  });

  it('keeps a bounded number of drawings, dropping the least recently used', () => {
    let draws = 0;
    const draw = () => `d${++draws}`;
    const first = drawingKey('bounded', 0);
    cachedDrawing(first, draw);
    for (let i = 1; i <= 64; i++) cachedDrawing(drawingKey('bounded', i), draw);
    const before = draws;
    cachedDrawing(first, draw);
    expect(draws).toBe(before + 1);
  });
});
