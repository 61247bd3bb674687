/**
 * The one link-safety rule: only these schemes become live links in either output;
 * anything else (javascript:, file:, data:, relative paths) prints as its text.
 */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

export function isSafeHref(href: string): boolean {
  return SAFE_LINK.test(href.trim());
}
