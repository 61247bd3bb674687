/**
 * What changed between two versions of a small text file (a template, a workflow), as
 * `-12  old line` / `+12  new line` rows numbered by the new file's lines, with no
 * context: enough for `init --update` to show a user what it is about to replace.
 * A longest-common-subsequence table; the files are a few hundred lines at most.
 */
export function lineDiff(before: string, after: string, maxRows = 60): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      common[i]![j] =
        a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  const rows: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || common[i]![j + 1]! >= common[i + 1]![j]!)) {
      rows.push(`+${j + 1}  ${b[j]}`);
      j++;
    } else {
      rows.push(`-${j + 1}  ${a[i]}`);
      i++;
    }
  }
  return rows.length > maxRows
    ? [...rows.slice(0, maxRows), `… ${rows.length - maxRows} more changed lines`]
    : rows;
}
