import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { builtInTemplatesDir } from '../compose/load-templates.js';
import { briefingsWorkflow } from './init-workflow.js';

/** The command a scaffolded project builds with; the workflow and package.json run exactly this. */
export const SCAFFOLD_BUILD = 'briefkit build data';

/**
 * Who a scaffolded file belongs to once written: the user's (the briefing, the config:
 * never overwritten) or briefkit's (the copied templates and the workflow: `--force` and
 * `--update` refresh them).
 */
export type FileOwner = 'user' | 'briefkit';

export interface ScaffoldFile {
  text: string;
  owner: FileOwner;
}

/** Where editors find the schemas: the installed package's, so they never go stale. */
const SCHEMAS = 'node_modules/briefkit/schema';

/**
 * The files of a new briefing project, by relative path: a briefing that validates, a
 * config that uses the copied templates, a copy of the templates, a CI workflow.
 * (.gitignore and package.json are handled apart: one is appended to, the other only
 * written where there is none.)
 */
export async function scaffoldFiles(): Promise<Map<string, ScaffoldFile>> {
  const files = new Map<string, ScaffoldFile>([
    ['data/briefing.yaml', { text: EXAMPLE_BRIEFING, owner: 'user' }],
    ['briefkit.config.yaml', { text: CONFIG, owner: 'user' }],
    [
      '.github/workflows/briefings.yml',
      {
        text: briefingsWorkflow({ install: 'npm ci --no-audit --no-fund', build: `npx ${SCAFFOLD_BUILD}` }),
        owner: 'briefkit',
      },
    ],
  ]);
  for (const [rel, text] of await copyTemplates()) files.set(`templates/${rel}`, { text, owner: 'briefkit' });
  return files;
}

/** The lines a project's .gitignore needs: installed packages and built outputs stay out of git. */
export const GITIGNORE_LINES = ['node_modules/', 'output/'] as const;

/** package.json for a folder that has none: briefkit as a dependency and the scripts people run. */
export function scaffoldPackageJson(name: string, spec: string): string {
  const pkg = {
    name:
      name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'briefings',
    private: true,
    type: 'module',
    scripts: {
      build: SCAFFOLD_BUILD,
      watch: 'briefkit watch data/briefing.yaml',
      validate: 'briefkit validate data',
    },
    // npm 11 runs a dependency's install script only when allowed: canvas compiles (or fetches)
    // its native part for the deck's picture charts and logos; a git install of briefkit
    // bundles its dist/ in a prepare script.
    allowScripts: { ...(isGitSpec(spec) && { briefkit: true }), canvas: true },
    devDependencies: { briefkit: spec },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function isGitSpec(spec: string): boolean {
  return /^(git\+|git:|github:|gitlab:|bitbucket:)/.test(spec) || /^[\w.-]+\/[\w.-]+(#.*)?$/.test(spec);
}

/** A copy of the built-in templates, for the project to edit (the config's `templates: templates`). */
async function copyTemplates(): Promise<Map<string, string>> {
  const dir = builtInTemplatesDir();
  const copies = new Map<string, string>();
  for (const main of ['report.md.hbs', 'deck.md.hbs']) {
    copies.set(main, await readFile(path.join(dir, main), 'utf8'));
  }
  for (const partial of (await readdir(path.join(dir, 'partials')))
    .filter((f) => f.endsWith('.hbs'))
    .sort()) {
    copies.set(`partials/${partial}`, await readFile(path.join(dir, 'partials', partial), 'utf8'));
  }
  return copies;
}

const CONFIG = `# yaml-language-server: $schema=${SCHEMAS}/config.schema.json
# briefkit configuration for this project, read by every build of a briefing in
# this folder or below it. Paths are relative to this file and stay inside this
# folder. Command-line flags always win over this file. The commented-out lines show
# what briefkit does without them.

# The templates this project edits (--templates), copied here by briefkit init; a file
# missing from the folder falls back to briefkit's own. Remove the line to use only
# briefkit's built-in templates.
templates: templates

# Where outputs go (--out).
# out: output

# Which outputs to build (--format): pdf, pptx or [pdf, pptx].
# formats: [pdf, pptx]

# Report page size (--page-size): A4 or Letter.
# pageSize: A4

# Deck charts (--deck-charts): native (editable in PowerPoint) or image.
# deckCharts: native

# The look (--theme): default, ink (serif report, dark deck), or a theme file of your
# own such as themes/house.yaml (colours, fonts, logo; README, "Themes").
# theme: default
`;

const EXAMPLE_BRIEFING = `# yaml-language-server: $schema=../${SCHEMAS}/briefing.schema.json
# An example briefing written by \`briefkit init\`. Its facts are placeholders: replace
# them with your own. Every number lives in \`figures\`, with a unit, an as-of date and
# a source; text refers to a figure as {fig:ID}, and both outputs cite its source.
title: Example briefing
shortTitle: Example briefing
date: "2026-01-15"
place: Example City
locale: en
summary: >-
  This is an example. The team counted {fig:visitors}, and {fig:satisfied} said they
  were satisfied. Replace this text, the figures and the sources with your own.
keyFigures: [visitors, satisfied]
figures:
  - id: visitors
    label: Visitors counted
    value: 1250
    unit: count
    noun: visitors
    asOf: "2026-01-15"
    source: example-survey
  - id: satisfied
    label: Share of visitors satisfied
    value: 72
    unit: percent
    asOf: "2026-01-15"
    source: example-survey
  - id: returning
    label: Returning visitors
    value: 430
    unit: count
    noun: returning visitors
    asOf: "2026-01-15"
    source: example-survey
sections:
  - id: overview
    title: Overview
    summary: Of the {fig:visitors}, {fig:returning} had visited before.
    points:
      - text: Each point says one thing and names its source.
        sources: [example-survey]
      - text: Sections appear in the order written here; the templates decide the layout.
    charts: [visitors-chart]
    notes: Speaker notes for the overview slides.
  - id: next-steps
    title: Next steps
    summary: What to do next, in a sentence or two.
    points:
      - text: Replace this example with a real briefing and run the build again.
charts:
  - id: visitors-chart
    type: bar
    title: Visitors, all and returning
    figures: [visitors, returning]
sources:
  - id: example-survey
    publisher: Example Organisation
    title: Example visitor survey (placeholder, not a real source)
`;
