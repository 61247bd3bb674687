/**
 * Text from anywhere, printed with the fonts at hand. pdfkit draws a character the
 * font lacks as an empty or boxed .notdef glyph, silently, and the deck's viewer may
 * substitute another font, so the two outputs would disagree. Instead, every character
 * the theme's fonts cannot draw becomes one visible replacement mark, in both outputs
 * (and the charts), and the build warns where it was.
 *
 * - Whole user-perceived characters (grapheme clusters) are replaced, so a family
 *   emoji (five code points) or a flag (two) becomes one mark, not five.
 * - Text is put in Unicode NFC first: "e" + U+0301 becomes "é", which the font has.
 * - Control characters print as their visible "control picture" (U+2400 block) when
 *   the font has it, else as the replacement mark; line breaks and tabs stay.
 * - Invisible format characters the font lacks (a variation selector after an emoji
 *   base the font has, a word joiner) are dropped: they have nothing to show.
 */
export const REPLACEMENT = '\uFFFD';

export type HasGlyph = (codePoint: number) => boolean;

export interface FittedText {
  text: string;
  /** The characters that were replaced, each once, in order. */
  replaced: string[];
}

export interface TextFitter {
  fit(text: string): FittedText;
}

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;

export function createTextFitter(hasGlyph: HasGlyph): TextFitter {
  // 0 unknown, 1 drawable, 2 not: most text is a few hundred distinct code points.
  const known = new Uint8Array(0x110000);
  const drawable = (cp: number): boolean => {
    if (known[cp] === 0) known[cp] = cp === 0x0a || cp === 0x09 || cp === 0x0d || hasGlyph(cp) ? 1 : 2;
    return known[cp] === 1;
  };
  const replacement = drawable(REPLACEMENT.codePointAt(0)!) ? REPLACEMENT : '?';
  // Made on first need: creating one costs a cold build ~8 ms, and most text never needs it.
  let segmenter: Intl.Segmenter | undefined;

  const showControl = (ch: string): string => {
    const cp = ch.codePointAt(0)!;
    const picture = cp === 0x7f ? 0x2421 : cp < 0x20 ? 0x2400 + cp : undefined;
    return picture !== undefined && drawable(picture) ? String.fromCodePoint(picture) : replacement;
  };

  return {
    fit(input) {
      const text = input.normalize('NFC').replace(CONTROL, showControl);
      if (allDrawable(text, drawable)) return { text, replaced: controlsIn(input) };
      const replaced = new Set(controlsIn(input));
      let out = '';
      // Word by word: V8's grapheme segmenter slows down quadratically on long strings,
      // and only the few words with a character the fonts lack need it at all.
      for (const piece of text.split(/(\s+)/)) {
        if (allDrawable(piece, drawable)) {
          out += piece;
          continue;
        }
        segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
        for (const { segment } of segmenter.segment(piece)) {
          const shown = [...segment].filter((ch) => drawable(ch.codePointAt(0)!) || !INVISIBLE.test(ch));
          if (shown.length === 0) continue;
          if (shown.every((ch) => drawable(ch.codePointAt(0)!))) out += shown.join('');
          else {
            out += replacement;
            replaced.add(segment);
          }
        }
      }
      return { text: out, replaced: [...replaced] };
    },
  };
}

function allDrawable(text: string, drawable: (cp: number) => boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!drawable(cp)) return false;
  }
  return true;
}

function controlsIn(text: string): string[] {
  return [...new Set(text.match(CONTROL) ?? [])];
}

/** "😀" (U+1F600), for warnings: the character and its code points, since it may not show. */
export function describeCharacter(ch: string): string {
  const points = [...ch].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  if (/^\p{Cc}$/u.test(ch)) return `control character ${points[0]}`;
  // Quoted only when it has a visible form somewhere: joiners and selectors count, as parts of emoji.
  const visible = [...ch].every(
    (c) => /[\p{L}\p{N}\p{P}\p{S}\p{M}]/u.test(c) || c === '\u200d' || c === '\ufe0f',
  );
  const shown = visible ? `"${ch}" ` : '';
  return `${shown}(${points.join(' ')})`;
}

/**
 * A copy of a plain-data value (the briefing) with every string fitted, except those at
 * the paths `keep` names (link targets, which must stay exact); other objects (dates)
 * are kept as they are. The document IR is fitted by type instead (map-text.ts).
 */
export function fitStrings<T>(
  value: T,
  fitter: TextFitter,
  onReplaced?: (path: readonly (string | number)[], replaced: string[]) => void,
  keep: (path: readonly (string | number)[]) => boolean = () => false,
  path: readonly (string | number)[] = [],
): T {
  if (keep(path)) return value;
  if (typeof value === 'string') {
    const { text, replaced } = fitter.fit(value);
    if (replaced.length > 0) onReplaced?.(path, replaced);
    return text as T;
  }
  if (Array.isArray(value))
    return value.map((item, i) => fitStrings(item, fitter, onReplaced, keep, [...path, i])) as T;
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const fitted = fitStrings(item, fitter, onReplaced, keep, [...path, key]);
      // Defined, not assigned: a key named __proto__ stays a plain key.
      Object.defineProperty(out, key, {
        value: fitted,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out as T;
  }
  return value;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
