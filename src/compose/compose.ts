import type { Briefing } from '../briefing/types.js';
import { checkTemplates } from './check-templates.js';
import { createEnvironment } from './environment.js';
import type { Facts } from './facts.js';
import type { TemplateSet } from './load-templates.js';
import { createTemplateView } from './template-view.js';

export interface ComposedMarkdown {
  report: string;
  deck: string;
}

/** Renders the briefing through the report and deck templates into Markdown. */
export function composeMarkdown(briefing: Briefing, facts: Facts, templates: TemplateSet): ComposedMarkdown {
  checkTemplates(templates, facts);
  const view = createTemplateView(briefing, facts);
  const template = createEnvironment(templates, facts);
  return { report: template('report')(view), deck: template('deck')(view) };
}
