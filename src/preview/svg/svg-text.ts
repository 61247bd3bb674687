/** Escapes text for an SVG (or HTML) text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A number for SVG: at most two decimals, no trailing zeros (the same drawing gives the same SVG). */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A CSS font-family list: the theme's family, then the fallbacks a browser has. */
export function fontFamily(family: string, code = false): string {
  if (code) return "'Courier New', monospace";
  return `'${family.replace(/['\\]/g, '')}', sans-serif`;
}
