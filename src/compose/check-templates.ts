import { directionProblem } from '../briefing/check-text.js';
import { BriefkitError, type Problem } from '../errors.js';
import {
  isLayout,
  LAYOUT_IN_TEMPLATE,
  LAYOUTS,
  LITERAL_REF,
  schemeKind,
} from '../document/markdown-dialect.js';
import { unknownIdExpected, unknownIdMessage } from '../document/unknown-id.js';
import type { Facts } from './facts.js';
import { lintTemplates } from './lint-templates.js';
import { lintedClean } from './precompiled-templates.js';
import type { TemplateFile, TemplateSet } from './load-templates.js';
const COMMENT = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g;

/**
 * Checks what can be checked in the templates' own text before they run, so a mistake
 * there names the template file, line and column (once the Markdown is generated, the
 * template it came from is no longer known): ids written literally in briefkit's link
 * syntax, slide layouts, and right-to-left text (not supported yet, see check-text.ts).
 */
export function checkTemplates(templates: TemplateSet, facts: Facts): void {
  const problems = [
    // The built-in set, unchanged, was linted clean when it was compiled (npm run build).
    ...(lintedClean(templates) ? [] : lintTemplates(templates)),
    ...[templates.main.report, templates.main.deck, ...templates.partials.values()].flatMap((template) =>
      checkTemplate(template, facts),
    ),
  ];
  if (problems.length > 0) throw new BriefkitError('TEMPLATE_ERROR', problems);
}

function checkTemplate(template: TemplateFile, facts: Facts): Problem[] {
  // Comments are documentation: blank them out, keeping every offset in place.
  const source = template.source.replace(COMMENT, (c) => c.replace(/[^\n]/g, ' '));
  const problems: Problem[] = [];
  const at = (offset: number): Pick<Problem, 'file' | 'line' | 'column'> => {
    const before = source.slice(0, offset);
    return {
      file: template.file,
      line: before.split('\n').length,
      column: offset - before.lastIndexOf('\n'),
    };
  };
  for (const match of source.matchAll(LITERAL_REF)) {
    const [, scheme, id] = match;
    const kind = schemeKind(scheme!);
    const known = kind === 'chart' ? facts.charts : kind === 'figure' ? facts.figures : facts.sources;
    if (!known.has(id!)) {
      problems.push({
        ...at(match.index + 2),
        message: unknownIdMessage(kind, id!),
        expected: unknownIdExpected(kind),
      });
    }
  }
  for (const match of source.matchAll(LAYOUT_IN_TEMPLATE)) {
    if (!isLayout(match[1])) {
      problems.push({
        ...at(match.index),
        message: `unknown slide layout "${match[1]}"`,
        expected: `one of: ${LAYOUTS.join(', ')}`,
      });
    }
  }
  source.split('\n').forEach((line, i) => {
    const problem = directionProblem(line);
    if (problem) problems.push({ file: template.file, line: i + 1, ...problem });
  });
  return problems;
}
