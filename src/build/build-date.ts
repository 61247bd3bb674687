import { fail } from '../errors.js';

/**
 * The dates a build can carry. The deck is a zip file, whose entries are dated in DOS
 * format, which ends with 2107; entries before 1980 are dated 1980 (normalize.ts), so
 * SOURCE_DATE_EPOCH=0, the reproducible-builds default, works.
 */
export const BUILD_DATE_RANGE = {
  first: new Date('1970-01-01T00:00:00Z'),
  last: new Date('2107-12-31T23:59:59Z'),
} as const;

const RANGE_TEXT = 'a date from 1970-01-01 to 2107-12-31 (a deck is a zip file, whose dates end in 2107)';

/**
 * The one place that reads the clock. An explicit date wins, then SOURCE_DATE_EPOCH
 * (the reproducible-builds convention: seconds since 1970), else now.
 */
export function resolveBuildDate(explicit?: string | Date, env: NodeJS.ProcessEnv = process.env): Date {
  if (explicit instanceof Date) return inRange(explicit, `the build date ${String(explicit)}`);
  if (explicit !== undefined) {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(explicit);
    const date = day ? new Date(`${explicit}T00:00:00Z`) : new Date(explicit);
    const shown = `--date "${explicit.slice(0, 40)}"`;
    if (Number.isNaN(date.getTime()))
      fail('USAGE_ERROR', { message: `${shown} is not a date`, expected: 'YYYY-MM-DD or an ISO 8601 time' });
    // 2026-02-30 would silently be 2 March: a calendar day must exist as written.
    if (day && date.toISOString().slice(0, 10) !== explicit)
      fail('USAGE_ERROR', { message: `${shown} is not a real calendar date`, expected: 'YYYY-MM-DD' });
    return inRange(date, shown);
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const shown = `SOURCE_DATE_EPOCH="${epoch.slice(0, 40)}"`;
    if (!/^\d+$/.test(epoch))
      fail('USAGE_ERROR', {
        message: `${shown} is not a number of seconds`,
        expected: 'an integer such as 1772064000',
      });
    return inRange(new Date(Number(epoch) * 1000), shown);
  }
  return new Date();
}

function inRange(date: Date, shown: string): Date {
  const time = date.getTime();
  if (
    Number.isNaN(time) ||
    time < BUILD_DATE_RANGE.first.getTime() ||
    time > BUILD_DATE_RANGE.last.getTime()
  ) {
    fail('USAGE_ERROR', { message: `${shown} is outside the dates a build can carry`, expected: RANGE_TEXT });
  }
  return date;
}
