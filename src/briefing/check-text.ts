import type { Problem } from '../errors.js';
import { DATA_LIMITS } from './limits.js';
import { problemAt, type DataPath } from './problems.js';
import type { SourceMap } from './types.js';

/**
 * Scripts written right to left. pdfkit and the deck's text fitting lay out text left
 * to right without the Unicode bidirectional algorithm, so such text would print with
 * its letters in the wrong order (and PowerPoint would reorder it, so the two outputs
 * would disagree). Until briefkit shapes it properly, it is refused with its location.
 */
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mende_Kikakui}\p{Script=Yezidi}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Avestan}\p{Script=Manichaean}\p{Script=Nabataean}\p{Script=Palmyrene}\p{Script=Old_South_Arabian}\p{Script=Old_North_Arabian}\p{Script=Hatran}\p{Script=Elymaic}\p{Script=Sogdian}\p{Script=Old_Sogdian}\p{Script=Chorasmian}\p{Script=Psalter_Pahlavi}\p{Script=Inscriptional_Pahlavi}\p{Script=Inscriptional_Parthian}\p{Script=Lydian}\p{Script=Cypriot}\p{Script=Old_Hungarian}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}]/u;

/**
 * Invisible characters that reorder text ("Trojan source"): a viewer that honours them
 * shows something other than what the PDF prints.
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const BIDI_NAMES: Record<string, string> = {
  '\u061c': 'ARABIC LETTER MARK',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

/** Every text value with its data path, in document order. */
export function* textValues(value: unknown, path: DataPath = []): Generator<[string, DataPath]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value))
    for (const [i, item] of value.entries()) yield* textValues(item, [...path, i]);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* textValues(item, [...path, key]);
  }
}

/** Right-to-left text and bidirectional controls, each located; and the briefing's total text. */
export function checkText(briefing: unknown, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  let total = 0;
  for (const [text, path] of textValues(briefing)) {
    total += text.length;
    const problem = directionProblem(text);
    if (problem) problems.push(problemAt(map, path, problem.message, problem.expected));
  }
  if (total > DATA_LIMITS.totalTextChars) {
    problems.push(
      problemAt(
        map,
        [],
        `the briefing holds ${total.toLocaleString('en')} characters of text`,
        `at most ${DATA_LIMITS.totalTextChars.toLocaleString('en')} (about 500 printed pages)`,
      ),
    );
  }
  return problems;
}

export function directionProblem(text: string): { message: string; expected: string } | undefined {
  const control = BIDI_CONTROL.exec(text);
  if (control) {
    return {
      message:
        `invisible bidirectional control ${codePoint(control[0])} ${BIDI_NAMES[control[0]] ?? ''} at character ${control.index + 1}`.trimEnd(),
      expected:
        'text without direction controls (they make viewers show text in another order than it prints)',
    };
  }
  const rtl = RTL_SCRIPT.exec(text);
  if (rtl) {
    const start = Math.max(0, rtl.index - 10);
    return {
      message: `right-to-left text is not supported yet: "${text.slice(start, rtl.index + 10)}" (${codePoint(rtl[0])} at character ${rtl.index + 1})`,
      expected:
        'left-to-right text (Latin, Cyrillic, Greek); Arabic, Hebrew and other right-to-left scripts would print in the wrong order',
    };
  }
  return undefined;
}

export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
