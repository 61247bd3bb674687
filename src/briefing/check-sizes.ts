import type { Problem } from '../errors.js';
import { FIGURE_REF } from './figure-refs.js';
import { DATA_LIMITS } from './limits.js';
import { problemAt, type DataPath } from './problems.js';
import { textValues } from './check-text.js';
import type { Briefing, SourceMap } from './types.js';

/** Characters a printed figure takes besides its noun: a qualifier and the largest value, "about US$1,000,000,000,000,000". */
const FIGURE_CHARS = 64;

/**
 * Limits on what the data becomes, not only on what it is: each is checked before any
 * work, so a small file cannot make a long build. A text field's `{fig:…}` references
 * print each figure with its noun (2,857 references to a figure with a long noun made a
 * 20 KB file a 1.4 MB paragraph), and each chart placed in a section is drawn.
 */
export function checkSizes(briefing: Briefing, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  // A noun with plural forms prints its longest form at most.
  const nounLength = (noun: Briefing['figures'][number]['noun']): number =>
    typeof noun === 'string'
      ? noun.length
      : Math.max(0, ...Object.values(noun ?? {}).map((f) => f?.length ?? 0));
  const nouns = new Map(briefing.figures.map((f) => [f.id, nounLength(f.noun)]));
  for (const [text, path] of textValues(briefing)) {
    if (!text.includes('{fig:')) continue;
    let length = text.length;
    for (const match of text.matchAll(FIGURE_REF)) {
      length += FIGURE_CHARS + (nouns.get(match[1]!) ?? 0) - match[0].length;
    }
    if (length > DATA_LIMITS.textChars) {
      problems.push(
        problemAt(
          map,
          path,
          `with its figure references printed, the text would be about ${length.toLocaleString('en')} characters`,
          `at most ${DATA_LIMITS.textChars.toLocaleString('en')} characters, figures printed included`,
        ),
      );
    }
  }
  const placed = briefing.sections.reduce((sum, section) => sum + (section.charts?.length ?? 0), 0);
  if (placed > DATA_LIMITS.chartPlacements) {
    const at: DataPath = ['sections'];
    problems.push(
      problemAt(
        map,
        at,
        `the sections place ${placed.toLocaleString('en')} charts in all`,
        `at most ${DATA_LIMITS.chartPlacements.toLocaleString('en')} chart placements (see "Limits" in the README)`,
      ),
    );
  }
  const images = briefing.sections.reduce((sum, section) => sum + (section.images?.length ?? 0), 0);
  if (images > DATA_LIMITS.imagePlacements) {
    problems.push(
      problemAt(
        map,
        ['sections'],
        `the sections place ${images.toLocaleString('en')} images in all`,
        `at most ${DATA_LIMITS.imagePlacements.toLocaleString('en')} image placements (see "Limits" in the README)`,
      ),
    );
  }
  return problems;
}
