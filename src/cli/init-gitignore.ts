/**
 * The lines of `needed` that a .gitignore does not already cover. A line counts as
 * present in any of its usual spellings (`output`, `output/`, `/output/`, `output/*`), so
 * init never appends a duplicate of what the user wrote their way.
 */
export function missingGitignoreLines(text: string, needed: readonly string[]): string[] {
  const present = new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
      .map(normalise),
  );
  return needed.filter((line) => !present.has(normalise(line)));
}

function normalise(line: string): string {
  return line.replace(/^\//, '').replace(/\/\*{0,2}$/, '');
}
