import type { FontStyle, TextMeasurer } from './measure.js';
import type { Run } from './runs.js';

/** The look a whole paragraph adds to its runs (a heading is bold throughout). */
export interface BaseStyle {
  bold?: boolean;
  italic?: boolean;
}

/** One laid-out line, and how it joins the line before it (for splitting a paragraph). */
export interface WrappedLine {
  runs: Run[];
  joiner: 'space' | 'break' | 'none';
}

interface Piece {
  run: Run;
  text: string;
  width: number;
}

/** A run's text cut into words and the spaces between them. */
interface Token {
  text: string;
  space: boolean;
}

/**
 * Each run's tokens, cut once: the fitter and the paginator wrap the same runs at several
 * sizes and widths (a deck of 26 slides wraps some 400 times), and the same token strings
 * each time also let the measurer's per-word cache find them without hashing new strings.
 * Runs are never changed once made (every step copies), so a run's tokens stay true.
 */
const tokensByRun = new WeakMap<Run, readonly Token[]>();

function tokensOf(run: Run): readonly Token[] {
  let tokens = tokensByRun.get(run);
  if (tokens === undefined) {
    tokens = run.text
      .split(/(\s+)/)
      .filter((text) => text !== '')
      .map((text) => ({ text, space: /^\s+$/.test(text) }));
    tokensByRun.set(run, tokens);
  }
  return tokens;
}

/**
 * Greedy word wrap, the way PowerPoint and LibreOffice break lines: at spaces, a
 * word wider than the line broken between characters, forced breaks honoured.
 * Returns the lines as runs; trailing spaces at a break are dropped. The lines are
 * shared by every call that asks for the same text set the same way (read them, never
 * change them): the fitter and the paginator ask for most texts more than once.
 */
export function wrapRuns(
  runs: readonly Run[],
  maxWidth: number,
  size: number,
  measure: TextMeasurer,
  base: BaseStyle = {},
): readonly WrappedLine[] {
  let memo = wrappedBy.get(measure);
  if (memo === undefined) wrappedBy.set(measure, (memo = new Map()));
  // By text first: a run array's key is made (and hashed) once, the setting's key is short.
  const content = contentKey(runs);
  let bySetting = memo.get(content);
  if (bySetting === undefined) memo.set(content, (bySetting = new Map()));
  const setting = `${maxWidth} ${size} ${base.bold === true ? 'b' : '-'}${base.italic === true ? 'i' : '-'}`;
  let lines = bySetting.get(setting);
  if (lines === undefined) {
    lines = wrapFresh(runs, maxWidth, size, measure, base);
    bySetting.set(setting, lines);
  }
  return lines;
}

/**
 * Wrapped lines by measurer (one per deck render, so the memo lives as long as the deck's
 * layout) and by text, width, size and style. Geneva's 26 slides wrap some 400 times, about
 * half of them a text already wrapped the same way (a paragraph measured again on the next
 * slide, a table row again with the header repeated).
 */
const wrappedBy = new WeakMap<TextMeasurer, Map<string, Map<string, readonly WrappedLine[]>>>();

/** Everything of some runs that wrapping reads or copies into its lines, as one string. */
const contentKeys = new WeakMap<readonly Run[], string>();

function contentKey(runs: readonly Run[]): string {
  let key = contentKeys.get(runs);
  if (key === undefined) {
    key = '';
    for (const run of runs) {
      const flags = `${run.bold ? 'b' : '-'}${run.italic ? 'i' : '-'}${run.code ? 'c' : '-'}${run.superscript ? 's' : '-'}${run.breakBefore ? 'n' : '-'}`;
      // Lengths first, so no text or link can end early and pass for another run.
      key += `${flags}${run.citation ?? ''}:${run.href?.length ?? -1}:${run.href ?? ''}${run.text.length}:${run.text}`;
    }
    contentKeys.set(runs, key);
  }
  return key;
}

function wrapFresh(
  runs: readonly Run[],
  maxWidth: number,
  size: number,
  measure: TextMeasurer,
  base: BaseStyle,
): WrappedLine[] {
  const lines: WrappedLine[] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  let joiner: WrappedLine['joiner'] = 'none';
  // The word being read and the spaces before it, with their widths summed as they come
  // (the same additions, in the same order, as summing them when the word is placed).
  let word: Piece[] = [];
  let wordWidth = 0;
  let spaces: Piece[] = [];
  let spacesWidth = 0;

  const endLine = (next: WrappedLine['joiner']): void => {
    lines.push({ runs: piecesToRuns(line), joiner });
    line = [];
    lineWidth = 0;
    joiner = next;
  };
  const placeWord = (): void => {
    if (word.length === 0) return;
    const spaceWidth = line.length > 0 ? spacesWidth : 0;
    if (line.length > 0 && lineWidth + spaceWidth + wordWidth > maxWidth) endLine('space');
    if (line.length > 0) {
      for (const space of spaces) line.push(space);
      lineWidth += spaceWidth;
    }
    if (wordWidth > maxWidth) {
      for (const piece of splitLongWord(word, maxWidth - lineWidth, maxWidth, size, measure, base)) {
        if (piece === 'break') endLine('none');
        else {
          line.push(piece);
          lineWidth += piece.width;
        }
      }
    } else {
      for (const piece of word) line.push(piece);
      lineWidth += wordWidth;
    }
    word = [];
    wordWidth = 0;
    spaces = [];
    spacesWidth = 0;
  };

  for (const run of runs) {
    if (run.breakBefore) {
      placeWord();
      endLine('break');
      spaces = [];
      spacesWidth = 0;
    }
    const style = styleOf(run, base);
    for (const token of tokensOf(run)) {
      const piece: Piece = { run, text: token.text, width: measure.width(token.text, size, style) };
      if (token.space) {
        placeWord();
        spaces.push(piece);
        spacesWidth += piece.width;
      } else {
        word.push(piece);
        wordWidth += piece.width;
      }
    }
  }
  placeWord();
  if (line.length > 0 || lines.length === 0) endLine('none');
  return lines;
}

/** Runs of some wrapped lines as one paragraph again (the inverse of wrapping). */
export function joinLines(lines: readonly WrappedLine[]): Run[] {
  const runs: Run[] = [];
  lines.forEach((line, index) => {
    line.runs.forEach((run, runIndex) => {
      const first = runIndex === 0 && index > 0;
      const text = first && line.joiner === 'space' ? ` ${run.text}` : run.text;
      runs.push({ ...run, text, breakBefore: first && line.joiner === 'break' });
    });
  });
  return runs;
}

function styleOf(run: Run, base: BaseStyle): FontStyle {
  return { bold: run.bold || base.bold === true, italic: run.italic || base.italic === true, code: run.code };
}

function splitLongWord(
  word: readonly Piece[],
  firstLineRoom: number,
  maxWidth: number,
  size: number,
  measure: TextMeasurer,
  base: BaseStyle,
): (Piece | 'break')[] {
  const out: (Piece | 'break')[] = [];
  let room = firstLineRoom;
  for (const piece of word) {
    const style = styleOf(piece.run, base);
    let chunk = '';
    for (const char of piece.text) {
      const next = chunk + char;
      if (measure.width(next, size, style) > room && (chunk !== '' || room < maxWidth)) {
        if (chunk !== '') out.push({ ...piece, text: chunk, width: measure.width(chunk, size, style) });
        out.push('break');
        room = maxWidth;
        chunk = char;
      } else {
        chunk = next;
      }
    }
    if (chunk !== '') {
      const width = measure.width(chunk, size, style);
      out.push({ ...piece, text: chunk, width });
      room -= width;
    }
  }
  return out;
}

/** Joins the pieces of one line back into runs (adjacent pieces of one run merge). */
function piecesToRuns(pieces: readonly Piece[]): Run[] {
  const out: Run[] = [];
  let run: Run | undefined;
  let texts: string[] = [];
  // One object per run: the fitter wraps every text box at several sizes.
  const flush = (): void => {
    if (run) out.push({ ...run, text: texts.join(''), breakBefore: false });
  };
  for (const piece of pieces) {
    if (piece.run !== run) {
      flush();
      run = piece.run;
      texts = [];
    }
    texts.push(piece.text);
  }
  flush();
  return out;
}
