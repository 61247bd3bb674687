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
  // Relative name → the file it comes from; later folders win.
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const rel of ['report.md.hbs', 'deck.md.hbs']) {
      const file = path.join(dir, rel);
      if (await isFile(file)) files.set(rel, file);
    }
    const partialsDir = path.join(dir, 'partials');
    const entries = await readdir(partialsDir).catch(() => [] as string[]);
    for (const entry of entries.sort())
      if (entry.endsWith('.hbs')) files.set(`partials/${entry}`, path.join(partialsDir, entry));
  }
  const read = async (rel: string): Promise<TemplateFile> => {
    const file = files.get(rel) ?? path.join(builtInTemplatesDir(), rel);
    const source = await readFile(file, 'utf8').catch(() =>
      fail('TEMPLATE_ERROR', { file, message: 'template not found' }),
    );
    return { file: path.relative(process.cwd(), file) || file, source };
  };
  const partials = new Map<string, TemplateFile>();
  for (const rel of files.keys()) {
    if (rel.startsWith('partials/')) partials.set(path.basename(rel, '.hbs'), await read(rel));
  }
  return { main: { report: await read('report.md.hbs'), deck: await read('deck.md.hbs') }, partials };
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}
