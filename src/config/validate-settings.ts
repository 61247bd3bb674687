import type { z } from 'zod';
import { formatPath, problemsFromZod, type DataPath } from '../briefing/problems.js';
import type { SourceMap } from '../briefing/types.js';
import { ZOD_PARSE_OPTIONS } from '../briefing/zod-schema-node.js';
import { BriefkitError, type ErrorCode, type Problem } from '../errors.js';

/**
 * Checks a settings file against its schema and reports every problem at once, located,
 * with "did you mean" for misspelt keys, exactly as a briefing is checked. Fields that take
 * "a name or a mapping" (a theme's fonts) are reported against the shape that was written,
 * never as zod's "invalid input" for the union.
 */
export function validateSettings<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  map: SourceMap,
  code: ErrorCode,
  /** For fields that take a name or a mapping: the mapping's schema, for its unknown-key hints. */
  unionObject?: z.ZodType,
): z.output<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const at = map.locate([]);
    throw new BriefkitError(code, {
      file: map.file,
      ...at,
      message: 'the file does not hold a mapping of settings',
      expected: 'lines such as `pageSize: A4`',
    });
  }
  const parsed = schema.safeParse(raw, ZOD_PARSE_OPTIONS);
  if (parsed.success) return parsed.data;
  const problems: Problem[] = [];
  for (const issue of parsed.error.issues) {
    const input = (issue as { input?: unknown }).input;
    if (unionObject && issue.code === 'invalid_union' && input !== null && typeof input === 'object') {
      problems.push(...objectBranchProblems(issue.path as DataPath, input, map, unionObject));
    } else {
      problems.push(...problemsFromZod([issue], map, schema));
    }
  }
  throw new BriefkitError(code, problems);
}

function objectBranchProblems(
  prefix: DataPath,
  input: unknown,
  map: SourceMap,
  schema: z.ZodType,
): Problem[] {
  const parsed = schema.safeParse(input, ZOD_PARSE_OPTIONS);
  if (parsed.success) return [];
  // Locate and name each problem at its full path inside the file.
  const inner: SourceMap = {
    file: map.file,
    locate: (p) => map.locate([...prefix, ...p]),
    locateKey: (p) => map.locateKey?.([...prefix, ...p]),
  };
  return problemsFromZod(parsed.error.issues, inner, schema).map((problem) => ({
    ...problem,
    path: joinPath(prefix, problem.path ?? ''),
  }));
}

function joinPath(prefix: DataPath, rest: string): string {
  const head = formatPath(prefix);
  if (rest === '') return head;
  return rest.startsWith('[') ? `${head}${rest}` : `${head}.${rest}`;
}
