import { readdir, readFile } from 'node:fs/promises';
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
 * the built-in templates file by file: what it lacks comes from briefkit's own.
 */
export async function loadTemplates(userDir?: string): Promise<TemplateSet> {
  const dirs = [builtInTemplatesDir(), ...(userDir ? [userDir] : [])];
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const rel of ['report.md.hbs', 'deck.md.hbs']) files.set(rel, path.join(dir, rel));
    const partialsDir = path.join(dir, 'partials');
    const entries = await readdir(partialsDir).catch(() => [] as string[]);
    for (const entry of entries.sort())
      if (entry.endsWith('.hbs')) files.set(`partials/${entry}`, path.join(partialsDir, entry));
  }
  const read = async (file: string): Promise<TemplateFile> => {
    const source = await readFile(file, 'utf8').catch(async () => {
      // An override folder may lack a file; fall back to the built-in one.
      const builtIn = path.join(builtInTemplatesDir(), path.relative(userDir ?? '', file));
      return readFile(builtIn, 'utf8').catch(() =>
        fail('TEMPLATE_ERROR', { file, message: 'template not found' }),
      );
    });
    return { file: path.relative(process.cwd(), file) || file, source };
  };
  const partials = new Map<string, TemplateFile>();
  for (const [rel, file] of files) {
    if (rel.startsWith('partials/')) partials.set(path.basename(rel, '.hbs'), await read(file));
  }
  return {
    main: { report: await read(files.get('report.md.hbs')!), deck: await read(files.get('deck.md.hbs')!) },
    partials,
  };
}
