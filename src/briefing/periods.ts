/**
 * Time columns: a date (2025-06-14), a month (2025-06), a quarter (2025-Q2) or a year
 * (2025). Each parses to a whole number of its own period since year 0 (days since
 * 1970 for dates), so a chart can space points by real time and see a missing month.
 */
export type PeriodType = 'date' | 'month' | 'quarter' | 'year';

export const periodPatterns: Record<PeriodType, string> = {
  date: 'a real calendar date written YYYY-MM-DD',
  month: 'a month written YYYY-MM, e.g. 2025-06',
  quarter: 'a quarter written YYYY-Q1 to YYYY-Q4, e.g. 2025-Q2',
  year: 'a year written YYYY, e.g. 2025',
};

const DAY_MS = 86_400_000;

/** The period's index, or undefined when the value is not a valid period of this type. */
export function parsePeriod(type: PeriodType, value: unknown): number | undefined {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  switch (type) {
    case 'year':
      return /^\d{4}$/.test(text) ? Number(text) : undefined;
    case 'quarter': {
      const m = /^(\d{4})-Q([1-4])$/.exec(text);
      return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : undefined;
    }
    case 'month': {
      const m = /^(\d{4})-(\d{2})$/.exec(text);
      if (!m) return undefined;
      const month = Number(m[2]);
      return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : undefined;
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return undefined;
      const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      const back = new Date(ms);
      // 2025-02-30 rolls over to March: not a real date.
      if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return undefined;
      return Math.round(ms / DAY_MS);
    }
  }
}

/** The first day of a period, as a UTC Date, for formatting. */
export function periodStart(type: PeriodType, index: number): Date {
  switch (type) {
    case 'year':
      return new Date(Date.UTC(index, 0, 1));
    case 'quarter':
      return new Date(Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1));
    case 'month':
      return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1));
    case 'date':
      return new Date(index * DAY_MS);
  }
}

export function isPeriodType(type: string): type is PeriodType {
  return type === 'date' || type === 'month' || type === 'quarter' || type === 'year';
}
