import type { Paint } from '../drawing.js';
import { unimplemented } from './unimplemented.js';

/**
 * Reads a canvas colour string into "#RRGGBB" and an alpha. Covers the forms chart.js
 * and the chart theme write (hex with or without alpha, rgb()/rgba() with numbers or
 * percentages, "transparent", black and white); anything else is refused rather than
 * drawn in a wrong colour.
 */
export function parseCssColor(input: string): Paint {
  const text = input.trim().toLowerCase();
  const named = NAMED[text];
  if (named) return named;
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
  if (hex) return fromHex(hex);
  const functional = /^rgba?\(([^)]*)\)$/.exec(text)?.[1];
  if (functional !== undefined) {
    const parts = functional.split(/\s*[,/]\s*|\s+/).filter((p) => p !== '');
    if (parts.length === 3 || parts.length === 4) {
      const [r, g, b] = parts.slice(0, 3).map((p) => channel(p, 255));
      const alpha = parts[3] === undefined ? 1 : channel(parts[3], 1);
      if (r !== undefined && g !== undefined && b !== undefined && alpha !== undefined) {
        return { color: toHex(r, g, b), alpha };
      }
    }
  }
  return unimplemented(`the colour "${input}"`, 'a hex colour, rgb(), rgba() or transparent');
}

const NAMED: Readonly<Record<string, Paint>> = {
  transparent: { color: '#000000', alpha: 0 },
  black: { color: '#000000', alpha: 1 },
  white: { color: '#FFFFFF', alpha: 1 },
};

function fromHex(hex: string): Paint {
  const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
  const byte = (i: number): number => Number.parseInt(full.slice(i, i + 2), 16);
  const alpha = full.length === 8 ? byte(6) / 255 : 1;
  return { color: toHex(byte(0), byte(2), byte(4)), alpha: round3(alpha) };
}

/** A number, or a percentage of `max`, clamped to 0..max; undefined when it is neither. */
function channel(part: string, max: number): number | undefined {
  const percent = part.endsWith('%');
  const value = Number(percent ? part.slice(0, -1) : part);
  if (!Number.isFinite(value)) return undefined;
  const scaled = percent ? (value / 100) * max : value;
  return Math.min(max, Math.max(0, scaled));
}

function toHex(r: number, g: number, b: number): string {
  const byte = (v: number): string => Math.round(v).toString(16).padStart(2, '0');
  return `#${byte(r)}${byte(g)}${byte(b)}`.toUpperCase();
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
