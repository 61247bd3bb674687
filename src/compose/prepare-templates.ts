import { writeFile } from 'node:fs/promises';
import { precompileTemplate } from './environment.js';
import { lintTemplates } from './lint-templates.js';
import { loadTemplates } from './load-templates.js';
import { templateKey, templateSetKey, type PrecompiledTemplates } from './precompiled-templates.js';

/**
 * Compiles the built-in templates into `file` (scripts/bundle.mjs writes
 * dist/templates-compiled.json with it; compose/precompiled-templates.ts reads it back).
 * Returns how many templates it holds.
 */
export async function prepareTemplates(file: string): Promise<number> {
  const templates = await loadTemplates();
  const files = [templates.main.report, templates.main.deck, ...templates.partials.values()];
  const out: PrecompiledTemplates = { version: 1, templates: {}, lintClean: [] };
  for (const { source } of files) out.templates[templateKey(source)] = precompileTemplate(source);
  if (lintTemplates(templates).length === 0) out.lintClean.push(templateSetKey(templates));
  await writeFile(file, `${JSON.stringify(out)}\n`);
  return files.length;
}
