import { escapeMarkdown } from '../document/escape-markdown.js';

/**
 * The opt-in prose markup of `markup: inline`: `**bold**`, `_italic_` and
 * `[links](https://…)` (http, https and mailto only, the rule every link follows). Each
 * is taken out of the text before it is escaped and put back as the Markdown it means;
 * everything else stays literal, as without the option.
 */
const LINK = /\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s()<>]+)\)/g;
const BOLD = /\*\*(?=\S)([^*\n]*?\S)\*\*/g;
const ITALIC = /(?<![\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu;

/** Placeholders are private-use characters, which escaping leaves alone and data never holds meaningfully. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/**
 * Swaps markup for placeholders into `pieces`, each piece already Markdown. Inner text is
 * escaped, so `**a [b](c)**` is bold text with a literal bracket, never a nested link.
 */
export function takeInlineMarkup(text: string, pieces: string[]): string {
  const keep = (markdown: string): string => {
    pieces.push(markdown);
    return `${OPEN}${pieces.length - 1}${CLOSE}`;
  };
  return text
    .replace(LINK, (_m, label: string, href: string) => keep(`[${escapeMarkdown(label)}](<${href}>)`))
    .replace(BOLD, (_m, inner: string) => keep(`**${escapeMarkdown(inner)}**`))
    .replace(ITALIC, (_m, inner: string) => keep(`_${escapeMarkdown(inner)}_`));
}

/** Puts pieces back; a piece may hold others (bold text with a figure in it). */
export function restorePieces(markdown: string, pieces: readonly string[]): string {
  let out = markdown;
  for (let depth = 0; depth < 4 && PLACEHOLDER.test(out); depth++) {
    out = out.replace(PLACEHOLDER, (_, n: string) => pieces[Number(n)] ?? '');
  }
  return out;
}
