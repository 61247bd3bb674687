import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/**
 * A temporary folder, removed when the test that made it finishes, or, made at the top of
 * a file or a describe block, when those tests are done. (test/global-setup.ts also points
 * TMPDIR at one folder per run and removes it at the end, for whatever a test leaves.)
 */
export function tempDir(prefix = 'briefkit-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    // Not inside a test: at collection time, so after the enclosing suite.
    afterAll(remove);
  }
  return dir;
}

/** A project to build in: a temporary folder with a briefing (and templates) copied in. */
export interface TempProject {
  dir: string;
  /** The briefing's path in the project. */
  data: string;
  /** The copied templates folder, when asked for. */
  templates?: string;
  /** The output folder a build should write to (not made). */
  out: string;
}

/**
 * The set-up most build tests share: the batch fixture's small briefing (or another) copied
 * into a temporary folder as `name`.yaml, with its templates when `templates` is true.
 */
export function tempProject(
  options: { briefing?: string; name?: string; templates?: boolean; prefix?: string } = {},
): TempProject {
  const dir = tempDir(options.prefix);
  const source = options.briefing ?? 'test/fixtures/batch/briefing.yaml';
  const data = path.join(dir, `${options.name ?? 'briefing'}${path.extname(source)}`);
  cpSync(source, data);
  const project: TempProject = { dir, data, out: path.join(dir, 'output') };
  if (options.templates) {
    project.templates = path.join(dir, 'templates');
    cpSync('test/fixtures/batch/templates', project.templates, { recursive: true });
  }
  return project;
}
