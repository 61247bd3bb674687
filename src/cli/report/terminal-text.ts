/**
 * Text from data (a key, a file name, a value, a message quoting them) made safe to
 * print on a terminal: control characters (ESC starts sequences that recolour, retitle
 * or clear the terminal; BEL, backspace and carriage return overwrite what was shown),
 * C1 controls and the invisible bidirectional overrides are shown as `\uXXXX` escapes
 * instead of acting. Newlines and tabs stay: they are layout, not commands.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  // \uXXXX is readable and also a valid escape inside the JSON that --json prints.
  return text.replace(UNSAFE, (ch) => `\\u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}
