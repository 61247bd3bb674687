/**
 * Data is text. Every string from a briefing goes into the Markdown with all ASCII
 * punctuation backslash-escaped (CommonMark allows escaping any of it), so `**`,
 * `#`, `[x](y)`, `<b>`, `{{x}}` and autolinks print literally instead of acting.
 */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
/** Identifiers and plain words need no escaping; helpers receive them unchanged. */
const INERT = /^[A-Za-z0-9 ]*$|^[a-z0-9][a-z0-9-]*$/;

export function escapeMarkdown(text: string): string {
  if (INERT.test(text)) return text;
  return normaliseWhitespace(text).replace(PUNCTUATION, (ch) => `\\${ch}`);
}

/** Undo escapeMarkdown: the inverse is simply dropping the escaping backslashes. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, '$1');
}

/**
 * Blank lines separate paragraphs; single line breaks become spaces (YAML folds
 * the same way). Control characters would be invisible or break the layout, so
 * they are shown as their visible Unicode "control picture" (U+2400 block).
 */
function normaliseWhitespace(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .split(/\n[ \t]*\n+/)
      .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
      .filter((paragraph) => paragraph !== '')
      .join('\n\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- replacing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (ch) =>
        String.fromCharCode(ch === '\u007f' ? 0x2421 : 0x2400 + ch.charCodeAt(0)),
      )
  );
}
