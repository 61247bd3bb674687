import { fail } from '../errors.js';

/**
 * The one place that reads the clock. An explicit date wins, then SOURCE_DATE_EPOCH
 * (the reproducible-builds convention: seconds since 1970), else now.
 */
export function resolveBuildDate(explicit?: string | Date, env: NodeJS.ProcessEnv = process.env): Date {
  if (explicit instanceof Date) return explicit;
  if (explicit !== undefined) {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(explicit)
      ? new Date(`${explicit}T00:00:00Z`)
      : new Date(explicit);
    if (Number.isNaN(date.getTime()))
      fail('USAGE_ERROR', {
        message: `--date "${explicit}" is not a date`,
        expected: 'YYYY-MM-DD or an ISO 8601 time',
      });
    return date;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch))
      fail('USAGE_ERROR', {
        message: `SOURCE_DATE_EPOCH="${epoch}" is not a number of seconds`,
        expected: 'an integer such as 1772064000',
      });
    return new Date(Number(epoch) * 1000);
  }
  return new Date();
}
