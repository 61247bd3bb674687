import { fail } from '../../errors.js';

/**
 * The recorder implements only the canvas calls chart.js makes for briefkit's chart
 * types. Anything else fails loudly here, so a new chart option or a chart.js upgrade
 * that needs more shows up as a clear internal error, never as a silently wrong chart.
 */
export function unimplemented(what: string, expected?: string): never {
  return fail('INTERNAL_ERROR', {
    message: `the chart recorder does not implement ${what}`,
    expected:
      expected ?? 'only the canvas calls chart.js makes for briefkit charts (see src/charts/recording/)',
  });
}
