import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../errors.js';
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

/**
 * Reads `report.md.hbs`, `deck.md.hbs` and `partials/*.hbs`. A user's folder overrides
 * the built-in templates file by file: what it lacks comes from briefkit's own, and
 * each template is named by the file it was really read from.
 */
export async function loadTemplates(userDir?: string): Promise<TemplateSet> {
  const dirs = [builtInTemplatesDir(), ...(userDir ? [userDir] : [])];
  // Every folder is looked at, and every file read, at once: one by one, the round trips to
  // the file system were most of a watch rebuild's load time.
  const found = await Promise.all(dirs.map(templatesIn));
  // Relative name → the file it comes from; later folders win.
  const files = new Map<string, string>();
  for (const entries of found) for (const [rel, file] of entries) files.set(rel, file);
  const read = async (rel: string): Promise<TemplateFile> => {
    const file = files.get(rel) ?? path.join(builtInTemplatesDir(), rel);
    const source = await readFile(file, 'utf8').catch(() =>
      fail('TEMPLATE_ERROR', { file, message: 'template not found' }),
    );
    return { file: path.relative(process.cwd(), file) || file, source };
  };
  const partialNames = [...files.keys()].filter((rel) => rel.startsWith('partials/'));
  const [report, deck, ...partialFiles] = await Promise.all(
    ['report.md.hbs', 'deck.md.hbs', ...partialNames].map(read),
  );
  const partials = new Map(partialNames.map((rel, i) => [path.basename(rel, '.hbs'), partialFiles[i]!]));
  return { main: { report: report!, deck: deck! }, partials };
}

/** The template files one folder has, by relative name, partials in name order. */
async function templatesIn(dir: string): Promise<[string, string][]> {
  const partialsDir = path.join(dir, 'partials');
  const [mains, entries] = await Promise.all([
    Promise.all(
      ['report.md.hbs', 'deck.md.hbs'].map(async (rel): Promise<[string, string][]> => {
        const file = path.join(dir, rel);
        return (await isFile(file)) ? [[rel, file]] : [];
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

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}
