/**
 * SLOW=1 runs the long forms of the slowest tests: the full SIGKILL sweep, the 10,000-row
 * table at the data limit, property tests at their full number of runs. `.ci/run` sets it,
 * so CI runs everything; `npm test` runs shorter forms that test the same thing, so it stays
 * under a minute on a two-core machine.
 */
export const SLOW = process.env.SLOW === '1';

/** `full` with SLOW=1, else `quick`. */
export function slowOr<T>(full: T, quick: T): T {
  return SLOW ? full : quick;
}
