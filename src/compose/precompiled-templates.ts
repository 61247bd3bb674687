import { createHash } from 'node:crypto';
import path from 'node:path';
import { readBoundedSync } from '../read-bounded.js';
import { FROM_SOURCES, PACKAGE_ROOT } from '../version.js';
import type { TemplateSet } from './load-templates.js';
import type { TemplateFacts } from './template-ast.js';

/**
 * The built-in templates, compiled by `npm run build` (scripts/bundle.mjs) into
 * dist/templates-compiled.json: each template's Handlebars spec as JavaScript source and
 * its facts, by the SHA-256 of its text, and the template sets the lint found clean.
 * Parsing and compiling six templates was about a tenth of a cold build; a spec read back
 * is the same code Handlebars would generate (compileSpecSource), so the Markdown is the
 * same. Only the bundle reads the file, which that same build wrote: from the TypeScript
 * sources (tests) templates compile as before. A template whose text is not in the file
 * (the user's own, an edited one) compiles as before too.
 */
export const PRECOMPILED_FILE = 'templates-compiled.json';

export interface PrecompiledTemplates {
  version: 1;
  /** Spec source and facts by the template's SHA-256. */
  templates: Record<string, { spec: string; facts: TemplateFacts }>;
  /** Keys (templateSetKey) of template sets lintTemplates found nothing wrong with. */
  lintClean: string[];
}

/** The file holds a few hundred KB for the built-in set; nothing larger is read. */
const MAX_BYTES = 16 * 1024 * 1024;

let loaded: PrecompiledTemplates | null | undefined;

function precompiledTemplates(): PrecompiledTemplates | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  // From the sources there is no precompiled file.
  if (FROM_SOURCES) return loaded;
  const bytes = readBoundedSync(path.join(PACKAGE_ROOT, 'dist', PRECOMPILED_FILE), MAX_BYTES);
  if (!bytes) return loaded;
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as PrecompiledTemplates;
    if (parsed.version === 1 && typeof parsed.templates === 'object' && Array.isArray(parsed.lintClean))
      loaded = parsed;
  } catch {
    // A damaged file only costs the compile time it would have saved.
  }
  return loaded;
}

export function templateKey(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** One key for a whole set: what the lint reads (every file's text and each partial's name). */
export function templateSetKey(templates: TemplateSet): string {
  const parts = [
    templates.main.report.source,
    templates.main.deck.source,
    ...[...templates.partials].map(([name, file]) => `${name}\n${file.source}`),
  ];
  return templateKey(JSON.stringify(parts));
}

/** The precompiled spec source and facts of a template's text, if the build has them. */
export function precompiledTemplate(source: string): { spec: string; facts: TemplateFacts } | undefined {
  return precompiledTemplates()?.templates[templateKey(source)];
}

/** Whether the lint already found this exact set of templates clean. */
export function lintedClean(templates: TemplateSet): boolean {
  return precompiledTemplates()?.lintClean.includes(templateSetKey(templates)) ?? false;
}
