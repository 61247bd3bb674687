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
  space: boolean;
}

/**
 * Greedy word wrap, the way PowerPoint and LibreOffice break lines: at spaces, a
 * word wider than the line broken between characters, forced breaks honoured.
 * Returns the lines as runs; trailing spaces at a break are dropped.
 */
export function wrapRuns(
  runs: readonly Run[],
  maxWidth: number,
  size: number,
  measure: TextMeasurer,
  base: BaseStyle = {},
): WrappedLine[] {
  const lines: { pieces: Piece[]; joiner: WrappedLine['joiner'] }[] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  let joiner: WrappedLine['joiner'] = 'none';
  let word: Piece[] = [];
  let spaces: Piece[] = [];

  const widthOf = (pieces: readonly Piece[]): number => pieces.reduce((sum, p) => sum + p.width, 0);
  const endLine = (next: WrappedLine['joiner']): void => {
    lines.push({ pieces: line, joiner });
    line = [];
    lineWidth = 0;
    joiner = next;
  };
  const placeWord = (): void => {
    if (word.length === 0) return;
    const wordWidth = widthOf(word);
    const spaceWidth = line.length > 0 ? widthOf(spaces) : 0;
    if (line.length > 0 && lineWidth + spaceWidth + wordWidth > maxWidth) endLine('space');
    if (line.length > 0) {
      line.push(...spaces);
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
      line.push(...word);
      lineWidth += wordWidth;
    }
    word = [];
    spaces = [];
  };

  for (const run of runs) {
    if (run.breakBefore) {
      placeWord();
      endLine('break');
      spaces = [];
    }
    const style = styleOf(run, base);
    for (const token of run.text.split(/(\s+)/)) {
      if (token === '') continue;
      const piece: Piece = {
        run,
        text: token,
        width: measure.width(token, size, style),
        space: /^\s+$/.test(token),
      };
      if (piece.space) {
        placeWord();
        spaces.push(piece);
      } else {
        word.push(piece);
      }
    }
  }
  placeWord();
  if (line.length > 0 || lines.length === 0) endLine('none');
  return lines.map(({ pieces, joiner: join }) => ({ runs: piecesToRuns(pieces), joiner: join }));
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
