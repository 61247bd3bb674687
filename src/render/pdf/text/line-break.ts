import type { Measurer } from './metrics.js';
import type { Run, TextStyle } from './runs.js';

export interface LineItem {
  text: string;
  style: TextStyle;
  /** Offset from the start of the line. */
  x: number;
  width: number;
}

export interface Line {
  items: LineItem[];
  width: number;
}

interface Part {
  text: string;
  style: TextStyle;
}

type Token = { kind: 'word'; parts: Part[] } | { kind: 'space'; style: TextStyle } | { kind: 'break' };

const EPSILON = 0.01;
// Inside an over-long word (a URL), prefer to break after these characters.
const SOFT_BREAK_AFTER = new Set(['/', '-', '.', '?', '&', '=', '_', '–', '—', ',', ':']);

/**
 * Greedy line breaking on word boundaries. A "word" may span runs (a figure and
 * its citation number stay together); a word wider than the line is broken inside,
 * preferably after a URL separator, so nothing ever overflows the frame.
 */
export function breakLines(runs: readonly Run[], maxWidth: number, measure: Measurer): Line[] {
  const lines: Part[][] = [];
  let line: Part[] = [];
  let width = 0;
  let space: Part | undefined;
  const flush = (): void => {
    lines.push(line);
    line = [];
    width = 0;
    space = undefined;
  };
  for (const token of tokenize(runs)) {
    if (token.kind === 'break') {
      flush();
      continue;
    }
    if (token.kind === 'space') {
      if (line.length > 0) space = { text: ' ', style: token.style };
      continue;
    }
    const wordWidth = partsWidth(token.parts, measure);
    const spaceWidth = space ? measure.width(space.style, ' ') : 0;
    if (width + spaceWidth + wordWidth <= maxWidth + EPSILON) {
      if (space) line.push(space);
      line.push(...token.parts);
      width += spaceWidth + wordWidth;
      space = undefined;
      continue;
    }
    if (wordWidth <= maxWidth + EPSILON) {
      if (line.length > 0) flush();
      line.push(...token.parts);
      width = wordWidth;
      continue;
    }
    // Longer than a whole line: start it on this line if a useful amount of room is left.
    let room = maxWidth - width - spaceWidth;
    if (line.length > 0 && room < maxWidth * 0.3) {
      flush();
      room = maxWidth;
    } else if (space) {
      line.push(space);
    }
    const chunks = splitWord(token.parts, room, maxWidth, measure);
    chunks.forEach((chunk, index) => {
      if (index > 0) flush();
      line.push(...chunk);
      width = (index === 0 ? width + spaceWidth : 0) + partsWidth(chunk, measure);
    });
    space = undefined;
  }
  if (line.length > 0) lines.push(line);
  return lines.map((parts) => toLine(parts, measure));
}

function tokenize(runs: readonly Run[]): Token[] {
  const tokens: Token[] = [];
  let word: Part[] = [];
  const endWord = (): void => {
    if (word.length > 0) tokens.push({ kind: 'word', parts: word });
    word = [];
  };
  for (const run of runs) {
    if (run.kind === 'break') {
      endWord();
      tokens.push({ kind: 'break' });
      continue;
    }
    // Split on a captured separator, the pieces alternate: text (possibly empty, never
    // holding a space), whitespace, text, ..., so every odd piece is a space.
    const pieces = run.text.split(/(\s+)/);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i % 2 === 1) {
        endWord();
        tokens.push({ kind: 'space', style: run.style });
      } else if (piece !== '') {
        word.push({ text: piece, style: run.style });
      }
    }
  }
  endWord();
  return tokens;
}

function partsWidth(parts: readonly Part[], measure: Measurer): number {
  return parts.reduce((sum, part) => sum + measure.width(part.style, part.text), 0);
}

/** Cuts a word into chunks: the first fits `firstRoom`, the rest fit `maxWidth`. */
function splitWord(parts: readonly Part[], firstRoom: number, maxWidth: number, measure: Measurer): Part[][] {
  const chars = parts.flatMap((part) => Array.from(part.text, (char) => ({ char, style: part.style })));
  const chunks: (typeof chars)[] = [];
  let chunk: typeof chars = [];
  let width = 0;
  let room = firstRoom;
  for (const item of chars) {
    const charWidth = measure.width(item.style, item.char);
    if (chunk.length > 0 && width + charWidth > room + EPSILON) {
      const soft = lastSoftBreak(chunk);
      const carry = soft > 0 ? chunk.splice(soft) : [];
      chunks.push(chunk);
      chunk = carry;
      width = carry.reduce((sum, c) => sum + measure.width(c.style, c.char), 0);
      room = maxWidth;
    }
    chunk.push(item);
    width += charWidth;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks.map((c) => groupChars(c));
}

/** Index just after the last soft-break character in the later part of the chunk, or -1. */
function lastSoftBreak(chunk: readonly { char: string }[]): number {
  for (let i = chunk.length - 1; i >= Math.ceil(chunk.length * 0.5); i--) {
    if (SOFT_BREAK_AFTER.has(chunk[i]?.char ?? '')) return i + 1 < chunk.length ? i + 1 : -1;
  }
  return -1;
}

function groupChars(chars: readonly { char: string; style: TextStyle }[]): Part[] {
  const parts: Part[] = [];
  for (const { char, style } of chars) {
    const last = parts.at(-1);
    if (last && last.style === style) last.text += char;
    else parts.push({ text: char, style });
  }
  return parts;
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return (
    a === b ||
    (a.role === b.role &&
      a.face === b.face &&
      a.size === b.size &&
      a.color === b.color &&
      a.superscript === b.superscript &&
      a.underline === b.underline &&
      a.link === b.link)
  );
}

/** Merges neighbouring parts of one style into single drawn items and positions them. */
function toLine(parts: readonly Part[], measure: Measurer): Line {
  const merged: Part[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && sameStyle(last.style, part.style)) last.text += part.text;
    else merged.push({ ...part });
  }
  let x = 0;
  const items = merged.map((part) => {
    const width = measure.width(part.style, part.text);
    const item = { text: part.text, style: part.style, x, width };
    x += width;
    return item;
  });
  return { items, width: x };
}
