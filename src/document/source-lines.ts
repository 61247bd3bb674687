import type { SourceLine } from './types.js';

/**
 * "Source: Reuters [3]" or "Sources: Reuters [1]; AP [2]": the one wording of a source
 * line, for charts, key figures and the foot of a slide. Numbers are sorted and each
 * source is named once; a source without a name in `names` is left out.
 */
export function sourceLine(
  numbers: Iterable<number>,
  names: ReadonlyMap<number, string>,
  labels: { source: string; sources: string },
): SourceLine {
  const entries = [...new Set(numbers)]
    .sort((a, b) => a - b)
    .flatMap((number) => {
      const name = names.get(number);
      return name === undefined ? [] : [{ number, name }];
    });
  const label = entries.length === 1 ? labels.source : labels.sources;
  return { label, entries, text: sourceLineText(label, entries, Infinity) };
}

/** An empty source line: nothing is cited. */
export function isEmptySourceLine(line: SourceLine): boolean {
  return line.entries.length === 0;
}

/**
 * The line with every name cut to at most `maxNameLength` characters ("Government of…"),
 * the citation numbers kept: provenance is never truncated away. Callers try longer
 * lengths first and shorten until the line fits.
 */
export function shortenSourceLine(line: SourceLine, maxNameLength: number): string {
  return sourceLineText(line.label, line.entries, maxNameLength);
}

function sourceLineText(label: string, entries: SourceLine['entries'], max: number): string {
  if (entries.length === 0) return '';
  const cut = (name: string): string => {
    const chars = [...name];
    if (chars.length <= max) return name;
    let kept = chars.slice(0, Math.max(1, max - 1)).join('');
    // At a word's end where one is near: "Government of…", not "Government o…".
    const space = kept.lastIndexOf(' ');
    if (chars[[...kept].length] !== ' ' && space > kept.length / 2) kept = kept.slice(0, space);
    return `${kept.replace(/[\s,;:.]+$/u, '')}…`;
  };
  return `${label}: ${entries.map((e) => `${cut(e.name)} [${e.number}]`).join('; ')}`;
}
