import type { BuildReport } from '../../build/build-report.js';
import type { ErrorReport } from '../../build/build-report.js';
import { VERSION } from '../../version.js';
import type { CliIo } from '../io.js';
import type { BuildReporter } from './reporter.js';

/** What `--json` prints on stdout: one document for the whole run. */
export interface JsonSummary {
  ok: boolean;
  tool: 'briefkit';
  version: string;
  buildDate?: string;
  shard?: string;
  totals: { briefings: number; built: number; skipped: number; failed: number; ms: number };
  briefings: BuildReport[];
  /** Problems that stopped the run before any briefing was built (a bad flag, a name clash). */
  errors: ErrorReport[];
}

export function jsonSummary(io: CliIo, context: { buildDate?: Date; shard?: string }): BuildReporter {
  return {
    start: () => {},
    step: () => {},
    done: () => {},
    finish: (reports, ms) => io.out(JSON.stringify(summarize(reports, ms, context, []), null, 2)),
  };
}

export function summarize(
  reports: readonly BuildReport[],
  ms: number,
  context: { buildDate?: Date; shard?: string },
  errors: ErrorReport[],
): JsonSummary {
  const count = (status: BuildReport['status']): number => reports.filter((r) => r.status === status).length;
  return {
    ok: errors.length === 0 && count('failed') === 0,
    tool: 'briefkit',
    version: VERSION,
    ...(context.buildDate && { buildDate: context.buildDate.toISOString() }),
    ...(context.shard && { shard: context.shard }),
    totals: {
      briefings: reports.length,
      built: count('built'),
      skipped: count('skipped'),
      failed: count('failed'),
      ms: Math.round(ms),
    },
    briefings: [...reports],
    errors,
  };
}
