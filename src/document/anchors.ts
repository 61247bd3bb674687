/**
 * Heading anchors, the one rule: a heading's words, lower-case and hyphenated, made
 * unique in the document with "-2", "-3"… They name PDF destinations and outline entries.
 */
export function uniqueAnchor(text: string, used: Set<string>): string {
  const base =
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section';
  return claimAnchor(base, used);
}

/** `base`, or `base-2`, `base-3`… whichever is not used yet; marks it used. */
export function claimAnchor(base: string, used: Set<string>): string {
  let anchor = base;
  for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
  used.add(anchor);
  return anchor;
}
