/**
 * Cairo numbers the ids in its SVG output from a counter that lives as long as
 * the process (`surface11` on the first chart, `surface26` on the next), so the
 * same chart would give different bytes depending on what was drawn before it.
 * Renumbers every id in order of appearance, per kind, under the chart's id:
 * the same chart gives the same bytes, and two charts in one page never share an id.
 */
export function stabilizeSvg(svg: string, chartId: string): string {
  const renamed = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const match of svg.matchAll(/\bid="([^"]+)"/g)) {
    const id = match[1] ?? '';
    if (renamed.has(id)) continue;
    const kind = id.replace(/[\d-]+$/, '') || 'id';
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    renamed.set(id, `${chartId}-${kind}${n}`);
  }
  const rename = (id: string): string => renamed.get(id) ?? id;
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${rename(id)}"`);
}

/**
 * Rounds the coordinates cairo writes with six decimals (glyph outlines make most
 * of the file) to two: a hundredth of a point is far below what print resolves,
 * and the SVG shrinks by about a third, which the PDF embedding step parses faster.
 */
export function roundSvgNumbers(svg: string): string {
  return svg.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}
