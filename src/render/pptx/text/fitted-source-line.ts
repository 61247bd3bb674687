import { shortenSourceLine } from '../../../document/source-lines.js';
import type { SourceLine } from '../../../document/types.js';
import type { TextMeasurer } from './measure.js';
import { fitText, type FitOptions, type FitResult } from './fit.js';
import { plainRun } from './runs.js';

/**
 * A source line fitted to its box without losing provenance: when the whole line does
 * not fit at any step, the sources' names are shortened ("Government of…") at the last
 * step until it fits, and the citation numbers always stay ("… [3]").
 */
export function fitSourceLine(line: SourceLine, measure: TextMeasurer, options: FitOptions): FitResult {
  const whole = fitText([plainRun(line.text)], measure, options);
  if (!whole.truncated) return whole;
  const last = options.steps.at(-1);
  const steps = last ? [last] : options.steps;
  const longest = Math.max(1, ...line.entries.map((entry) => [...entry.name].length));
  let shortest = whole;
  for (let max = longest - 1; max >= 4; max--) {
    const fit = fitText([plainRun(shortenSourceLine(line, max))], measure, { ...options, steps });
    if (!fit.truncated) return fit;
    shortest = fit;
  }
  // Even four letters a name is too long: the numbers alone still say where it came from.
  const numbers = fitText([plainRun(shortenSourceLine(line, 1))], measure, { ...options, steps });
  return numbers.truncated ? shortest : numbers;
}
