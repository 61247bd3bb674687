import { boundedCache } from '../../cache/index.js';
import type { TextFace } from '../drawing.js';
import { unimplemented } from './unimplemented.js';

export interface CssFont {
  /** Families in order of preference, unquoted. */
  families: string[];
  weight: TextFace['weight'];
  style: TextFace['style'];
  /** Pixels (1 px = 1 pt in a chart's natural box). */
  size: number;
}

/**
 * Reads the canvas `font` shorthand as chart.js writes it ("bold 12px Noto Sans",
 * `10.5px "Noto Sans"`): optional style and weight, a size in px (a line height after
 * a slash is ignored, as canvas does), then a family list. Weights of 600 and above
 * are bold, because the theme has a regular and a bold face only.
 */
export function parseCssFont(input: string): Readonly<CssFont> {
  // chart.js sets the same few fonts hundreds of times per chart.
  return parsed.get(input, () => Object.freeze(parse(input)));
}

const parsed = boundedCache<Readonly<CssFont>>({ name: 'canvas font strings', maxEntries: 256 });

function parse(input: string): CssFont {
  const match = /^\s*(.*?)\s*(\d*\.?\d+)px(?:\s*\/\s*\S+)?\s+(.+?)\s*$/.exec(input);
  if (!match) return unimplemented(`the font "${input}"`, 'a CSS font with a size in px and a family');
  const [, prefix = '', size = '', familyList = ''] = match;
  let weight: CssFont['weight'] = 'normal';
  let style: CssFont['style'] = 'normal';
  for (const word of prefix.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (word === 'normal') continue;
    else if (word === 'italic' || word === 'oblique') style = 'italic';
    else if (word === 'bold' || word === 'bolder') weight = 'bold';
    else if (word === 'lighter') weight = 'normal';
    else if (/^\d+$/.test(word)) weight = Number(word) >= 600 ? 'bold' : 'normal';
    else unimplemented(`"${word}" in the font "${input}"`, 'a style (italic) and a weight only');
  }
  const families = familyList
    .split(',')
    .map((f) => f.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .filter((f) => f !== '');
  return { families, weight, style, size: Number(size) };
}
