import { isJpeg, isPng, jpegSize, pixelProblem, pngSize } from './image-header.js';

/**
 * What an SVG logo may hold so that drawing it reads nothing but itself and costs a
 * bounded amount of work. svg-to-pdfkit hands any `href` it cannot resolve in the
 * document to pdfkit as a file path (`#/../../x.png` included), and librsvg follows
 * `url()`s, so only two kinds of reference pass: `#id` naming an element of this SVG,
 * and an embedded PNG or JPEG as a `data:` URI whose pixel size is checked like a
 * logo's. `<use>` copies are counted as they expand (a few nested `<use>`s can
 * otherwise multiply into millions of shapes).
 */
export const MAX_SVG_EXPANDED_USES = 10_000;

export interface SvgProblem {
  message: string;
  expected: string;
}

const SELF_CONTAINED =
  'a self-contained SVG (images embedded as PNG or JPEG data, no links to files or URLs)';

/**
 * Largest side, in CSS pixels, an SVG may declare: cairo cannot make a surface past 32,767
 * pixels, and librsvg sizes its drawing from the declared size.
 */
const MAX_SVG_SIDE = 16_384;

export function checkSvg(text: string): SvgProblem | undefined {
  const size = declaredSvgSize(text);
  if (size && (size.width > MAX_SVG_SIDE || size.height > MAX_SVG_SIDE)) {
    return {
      message: `the SVG declares a size of ${fmt(size.width)} × ${fmt(size.height)} pixels`,
      expected: `at most ${MAX_SVG_SIDE.toLocaleString('en')} pixels a side (a viewBox scales the drawing; width and height set the size)`,
    };
  }
  if (/<!ENTITY/i.test(text))
    return { message: 'the SVG declares entities (<!ENTITY>)', expected: 'an SVG saved without a DOCTYPE' };
  if (/@import/i.test(text))
    return { message: 'the SVG imports a style sheet (@import)', expected: SELF_CONTAINED };
  const ids = new Set([...text.matchAll(/\sid\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]!));
  const references = [
    ...[...text.matchAll(/\b(?:xlink:)?href\s*=\s*(["'])([\s\S]*?)\1/gi)].map((m) => m[2]!.trim()),
    ...[...text.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)].map((m) => m[2]!.trim()),
  ];
  for (const ref of references) {
    if (ref.startsWith('#')) {
      if (ids.has(ref.slice(1))) continue;
      return {
        message: `the SVG refers to "${ref.slice(0, 60)}", which is no element of the SVG`,
        expected: '"#id" references to elements of the same SVG',
      };
    }
    const data = /^data:image\/(png|jpeg|jpg);base64,([A-Za-z0-9+/=\s]*)$/i.exec(ref);
    if (!data) return { message: `the SVG links to "${ref.slice(0, 60)}"`, expected: SELF_CONTAINED };
    const bytes = Buffer.from(data[2]!.replace(/\s+/g, ''), 'base64');
    const size = isPng(bytes) ? pngSize(bytes) : isJpeg(bytes) ? jpegSize(bytes) : undefined;
    const problem = pixelProblem(size, 'image embedded in the SVG');
    if (problem)
      return { message: problem, expected: 'embedded PNG or JPEG images of at most 4096 × 4096 pixels' };
  }
  const uses = expandedUses(text);
  if (uses > MAX_SVG_EXPANDED_USES) {
    return {
      message: `the SVG's <use> elements expand to more than ${MAX_SVG_EXPANDED_USES.toLocaleString('en')} copies`,
      expected: `at most ${MAX_SVG_EXPANDED_USES.toLocaleString('en')} copies, counting <use> inside what a <use> copies`,
    };
  }
  return undefined;
}

/**
 * How many copies the SVG's `<use>` elements make once every copy of a copy is counted:
 * a light tag scan (no full XML parse) records which `<use>`s each element with an id
 * contains, then counts recursively with a memo. A cycle counts as over the limit.
 */
function expandedUses(text: string): number {
  const tag = /<(\/?)([\w:-]+)([^>]*?)(\/?)>/g;
  const open: { id?: string; uses: string[] }[] = [];
  const usesInside = new Map<string, string[]>();
  const topLevel: string[] = [];
  for (const m of text.matchAll(tag)) {
    const [, closing, name, attrs = '', selfClosing] = m;
    if (closing) {
      const element = open.pop();
      if (element?.id !== undefined) usesInside.set(element.id, element.uses);
      continue;
    }
    const id = /\sid\s*=\s*["']([^"']*)["']/.exec(` ${attrs}`)?.[1];
    if (name!.toLowerCase() === 'use' || /href\s*=\s*["']#/.test(attrs)) {
      const target = /href\s*=\s*["']#([^"']*)["']/.exec(attrs)?.[1];
      if (target !== undefined) {
        // The reference belongs to every open element: copying any of them copies it.
        for (const element of open) element.uses.push(target);
        topLevel.push(target);
      }
    }
    if (selfClosing) {
      if (id !== undefined) usesInside.set(id, usesInside.get(id) ?? []);
    } else open.push({ ...(id !== undefined && { id }), uses: [] });
  }
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const copies = (id: string, depth = 0): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    // A cycle, or copies nested deeper than any drawing needs: over the limit either way.
    if (visiting.has(id) || depth > 64) return Infinity;
    visiting.add(id);
    let total = 1;
    for (const target of usesInside.get(id) ?? []) {
      total += copies(target, depth + 1);
      if (total > MAX_SVG_EXPANDED_USES) break;
    }
    visiting.delete(id);
    memo.set(id, total);
    return total;
  };
  let total = 0;
  for (const target of topLevel) {
    total += copies(target);
    if (total > MAX_SVG_EXPANDED_USES) return total;
  }
  return total;
}

const PX_PER_UNIT: Record<string, number> = {
  '': 1,
  px: 1,
  pt: 4 / 3,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
};

/**
 * The size the root <svg> declares, in CSS pixels: its width and height (absolute units
 * converted), else its viewBox's; undefined when it declares none (or in %, em).
 */
function declaredSvgSize(text: string): { width: number; height: number } | undefined {
  const root = /<svg\b([^>]*)>/i.exec(text)?.[1];
  if (root === undefined) return undefined;
  const attribute = (name: string): string | undefined =>
    new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(` ${root}`)?.[1]?.trim();
  const length = (value: string | undefined): number | undefined => {
    const match = /^([+]?\d*\.?\d+(?:e[+-]?\d+)?)\s*(px|pt|pc|in|cm|mm)?$/i.exec(value ?? '');
    return match ? Number(match[1]) * PX_PER_UNIT[(match[2] ?? '').toLowerCase()]! : undefined;
  };
  const box = (attribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = length(attribute('width')) ?? (box.length === 4 ? box[2] : undefined);
  const height = length(attribute('height')) ?? (box.length === 4 ? box[3] : undefined);
  return width !== undefined && height !== undefined && Number.isFinite(width) && Number.isFinite(height)
    ? { width, height }
    : undefined;
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en');
}
