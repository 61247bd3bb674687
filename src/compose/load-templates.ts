import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../display-path.js';
import { fail } from '../errors.js';
import { isReallyInside, notAFileMessage, readBounded } from '../read-bounded.js';
import { PACKAGE_ROOT } from '../version.js';

export interface TemplateFile {
  file: string;
  source: string;
}

export interface TemplateSet {
  main: Record<'report' | 'deck', TemplateFile>;
  partials: ReadonlyMap<string, TemplateFile>;
}

/** The templates that ship with briefkit (the package's own `templates/`). */
export function builtInTemplatesDir(): string {
  return path.join(PACKAGE_ROOT, 'templates');
}

/** A template is a page of text; a partial folder is a handful of files. */
export const TEMPLATE_LIMITS = { bytes: 1024 * 1024, partials: 500 } as const;

/**
 * Reads `report.md.hbs`, `deck.md.hbs` and `partials/*.hbs`. A user's folder overrides
 * the built-in templates file by file: what it lacks comes from briefkit's own, and
 * each template is named by the file it was really read from. Every file read must
 * really lie in the folder it was found in (a symbolic link to `/etc/passwd`, or a
 * `partials` folder linked elsewhere, is refused), be a regular file and be small.
 */
export async function loadTemplates(userDir?: string): Promise<TemplateSet> {
  const builtIn = builtInTemplatesDir();
  const dirs = [builtIn, ...(userDir ? [userDir] : [])];
  // Every folder is looked at, and every file read, at once: one by one, the round trips to
  // the file system were most of a watch rebuild's load time.
  const found = await Promise.all(dirs.map(templatesIn));
  if (userDir && found[1]!.length === 0) await refuseEmptyFolder(userDir);
  // Relative name → the file it comes from and the folder it must stay in; later folders win.
  const files = new Map<string, { file: string; root: string }>();
  found.forEach((entries, i) => {
    for (const [rel, file] of entries) files.set(rel, { file, root: dirs[i]! });
  });
  const read = async (rel: string): Promise<TemplateFile> => {
    const { file, root } = files.get(rel) ?? { file: path.join(builtIn, rel), root: builtIn };
    const shown = path.relative(process.cwd(), file) || file;
    const refuse = (message: string, expected?: string): never =>
      fail('TEMPLATE_ERROR', { file: shown, message, ...(expected && { expected }) });
    if (!(await isReallyInside(root, file)))
      refuse(
        `the template is a link to a file outside the templates folder ${displayPath(root)}`,
        'template files inside the templates folder (symbolic links may not lead out of it)',
      );
    const result = await readBounded(file, TEMPLATE_LIMITS.bytes);
    if (!result.ok) {
      if (result.reason === 'missing') refuse('template not found');
      if (result.reason === 'not-a-file') refuse(`the template is ${notAFileMessage(result)}`, 'a text file');
      refuse(
        `the template is ${Math.round((result as { size: number }).size / 1024)} KB`,
        `at most ${TEMPLATE_LIMITS.bytes / 1024} KB`,
      );
    }
    const source = new TextDecoder('utf-8', { fatal: false }).decode((result as { bytes: Buffer }).bytes);
    return { file: shown, source };
  };
  const partialNames = [...files.keys()].filter((rel) => rel.startsWith('partials/'));
  if (partialNames.length > TEMPLATE_LIMITS.partials) {
    fail('TEMPLATE_ERROR', {
      file: displayPath(path.join(userDir ?? builtIn, 'partials')),
      message: `${partialNames.length} partials`,
      expected: `at most ${TEMPLATE_LIMITS.partials}`,
    });
  }
  const [report, deck, ...partialFiles] = await Promise.all(
    ['report.md.hbs', 'deck.md.hbs', ...partialNames].map(read),
  );
  const partials = new Map(partialNames.map((rel, i) => [path.basename(rel, '.hbs'), partialFiles[i]!]));
  return { main: { report: report!, deck: deck! }, partials };
}

/**
 * A templates folder that holds no template at all is a mistake (a wrong path, `/`):
 * building with the built-in templates instead would hide it.
 */
async function refuseEmptyFolder(dir: string): Promise<never> {
  const info = await stat(dir).catch(() => undefined);
  return fail('TEMPLATE_ERROR', {
    file: displayPath(dir),
    message: !info
      ? 'templates folder not found'
      : !info.isDirectory()
        ? 'the templates folder is a file, not a folder'
        : 'the templates folder holds no templates',
    expected: 'a folder with report.md.hbs, deck.md.hbs or partials/*.hbs',
  });
}

/** The template files one folder has, by relative name, partials in name order. */
async function templatesIn(dir: string): Promise<[string, string][]> {
  const partialsDir = path.join(dir, 'partials');
  const [mains, entries] = await Promise.all([
    Promise.all(
      ['report.md.hbs', 'deck.md.hbs'].map(async (rel): Promise<[string, string][]> => {
        const file = path.join(dir, rel);
        return (await exists(file)) ? [[rel, file]] : [];
      }),
    ),
    readdir(partialsDir).catch(() => [] as string[]),
  ]);
  const partials = entries
    .sort()
    .filter((entry) => entry.endsWith('.hbs'))
    .map((entry): [string, string] => [`partials/${entry}`, path.join(partialsDir, entry)]);
  return [...mains.flat(), ...partials];
}

/** Anything by that name (a folder or a pipe too): reading it then says what is wrong with it. */
async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}
