import type { OptionName } from './args.js';

export const COMMANDS = ['build', 'watch', 'preview', 'validate', 'init', 'schema'] as const;
export type Command = (typeof COMMANDS)[number];

export const HELP = `briefkit — one briefing file becomes a PDF report and a PowerPoint deck

Usage
  briefkit build <file|folder>... [options]  build output/<name>.pdf, .pptx and .manifest.json
  briefkit watch <file> [options]            build, then rebuild on every change
  briefkit preview <file> [options]          watch, and show the report beside the slides in
                                             the browser at http://127.0.0.1:4780/
  briefkit validate <file|folder>...         check briefings, their templates, config and theme
  briefkit init [dir]                        start a project (or add briefkit to a repository)
  briefkit schema                            print the briefing's JSON Schema
  briefkit <command> --help                  the options of one command, with examples
  briefkit --version

Examples
  briefkit build data/briefing.yaml          output/briefing.pdf and output/briefing.pptx
  briefkit build data --format pdf           every briefing in data/, reports only
  briefkit validate data                     every problem of every briefing, located

Exit codes
  0 done   1 a briefing, template, config or theme is wrong   2 the command line is wrong
  3 internal error (please report it)
`;

const BUILD_OPTIONS = `  --config <file>          the config file (default: briefkit.config.yaml next to the
                           data file or in a folder above it, up to the project root)
  --theme <name|file>      default, ink, a theme file (themes/house.yaml) or an npm
                           package that holds one (@org/house-theme)
  --out <dir>              output folder (default: output)
  --format <list>          pdf, pptx or pdf,pptx (default: both)
  --date <YYYY-MM-DD>      build date for metadata (default: SOURCE_DATE_EPOCH, else now)
  --page-size <A4|Letter>  report page size (default: A4)
  --deck-charts <mode>     native (editable charts, default) or image (PNG; needs canvas)
  --pdfa                   write the report as PDF/A-2b for archiving
  --templates <dir>        a folder of templates overriding the built-in ones, file by file
  --force                  rebuild even when the manifest says nothing changed`;

/** Each command's help: what it does, its options, examples. Options not listed are refused. */
export const COMMAND_HELP: Record<Command, { options: readonly OptionName[]; text: string }> = {
  build: {
    options: [
      'config',
      'theme',
      'out',
      'format',
      'date',
      'page-size',
      'deck-charts',
      'pdfa',
      'templates',
      'force',
      'shard',
      'jobs',
      'json',
      'quiet',
    ],
    text: `briefkit build <file|folder>... [options]

Builds each briefing into <out>/<name>.pdf, <name>.pptx and <name>.manifest.json. A folder
stands for the .yaml, .yml and .json briefings directly inside it. A briefing whose inputs
and options match its manifest is skipped as up to date. Flags win over briefkit.config.yaml.

Options
${BUILD_OPTIONS}
  --shard <i/n>            build only the i-th of n shares of the files (for CI matrices)
  --jobs <n>               worker threads for a batch (default: one per core)
  --json                   print a machine-readable summary on stdout
  -q, --quiet              no progress display; one line per output, and errors

Examples
  briefkit build data/briefing.yaml
  briefkit build data --format pdf --page-size Letter
  briefkit build data --shard 2/4 --json > output/summary-2.json
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) briefkit build data   # reproducible bytes
`,
  },
  watch: {
    options: [
      'config',
      'theme',
      'out',
      'format',
      'date',
      'page-size',
      'deck-charts',
      'pdfa',
      'templates',
      'force',
      'quiet',
      'serve',
      'port',
      'host',
      'open',
    ],
    text: `briefkit watch <file> [options]

Builds the briefing, then rebuilds whenever it, a template, the config, the theme or its
logo and fonts change. A broken edit prints its problems and keeps the last good outputs.
Stops on Ctrl+C. To watch several briefings, run one watch per briefing.

Options
${BUILD_OPTIONS}
  -q, --quiet              no progress display; one line per output, and errors
  --serve                  also serve the preview page: briefkit preview, with its options
  --port <n>, --host <address>, --open
                           where to serve it and whether to open it (see briefkit preview --help)

Examples
  briefkit watch data/briefing.yaml
  briefkit watch data/briefing.yaml --format pdf --theme ink
`,
  },
  preview: {
    options: [
      'config',
      'theme',
      'out',
      'format',
      'date',
      'page-size',
      'deck-charts',
      'pdfa',
      'templates',
      'force',
      'port',
      'host',
      'open',
    ],
    text: `briefkit preview <file> [options]

Builds the briefing and serves a page with the report's pages (the real PDF, in pdf.js) beside
the deck's slides (drawn from the same slide model the PPTX is written from), with speaker
notes, stage timings and download links. Every save of the briefing, a template, the config or
the theme rebuilds, as watch does, and the page updates in place; a save that does not build
shows its located problems over the last good outputs. The "fit" toggle outlines the slides'
text boxes and marks text that was shrunk or cut. The page and outputs are served from memory
to this machine only. Also: briefkit watch <file> --serve. Stops on Ctrl+C.

Options
${BUILD_OPTIONS}
  --port <n>               port to serve on (default: 4780; 0: any free port)
  --host <address>         address to listen on (default: 127.0.0.1: this machine only;
                           another address lets the network read the outputs, with a warning)
  --open                   open the page in the default browser

Examples
  briefkit preview data/briefing.yaml --open
  briefkit preview data/briefing.yaml --theme ink --port 8080
`,
  },
  validate: {
    options: ['config', 'theme', 'templates'],
    text: `briefkit validate <file|folder>... [options]

Checks each briefing as build would, without writing anything: the data, the config, the
theme and the templates (composed with the briefing, so a missing field or helper shows).
Prints every problem, located, sorted by file and line.

Options
  --config <file>          the config file (default: the one build would find)
  --theme <name|file>      the theme to check with (default: the config's)
  --templates <dir>        the templates to check (default: the config's, else the built-in)

Examples
  briefkit validate data/briefing.yaml
  briefkit validate data --templates templates
`,
  },
  init: {
    options: ['force', 'update', 'from'],
    text: `briefkit init [dir] [options]

Starts a briefing project in dir (default: here), or adds briefkit to an existing
repository: an example briefing, a copy of the templates (used by default), a config,
a GitHub Actions workflow, the .gitignore lines briefkit needs and, where there is none,
a package.json. Existing files are kept and reported as skipped.

Options
  --force                  overwrite briefkit's own files (templates, workflow); never the
                           briefing, the config, package.json or .gitignore
  --update                 refresh the templates and workflow init wrote, showing what changes
  --from <spec>            the npm install spec written into package.json (default: how this
                           briefkit was installed, e.g. github:org/briefkit or a .tgz file)

Examples
  briefkit init my-briefings
  briefkit init --update
`,
  },
  schema: {
    options: [],
    text: `briefkit schema

Prints the briefing's JSON Schema on stdout, for editors and other tools. The installed
package also ships it as node_modules/briefkit/schema/briefing.schema.json.

Example
  briefkit schema > briefing.schema.json
`,
  },
};

export function isCommand(value: string): value is Command {
  return (COMMANDS as readonly string[]).includes(value);
}
