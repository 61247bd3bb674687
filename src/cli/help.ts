export const HELP = `briefkit — one briefing file becomes a PDF report and a PowerPoint deck

Usage
  briefkit build <file>... [options]       build output/<name>.pdf, .pptx and .manifest.json
  briefkit watch <file> [options]          build, then rebuild on every change
  briefkit preview <file> [options]        watch, and show the report and the slides side by
                                           side at http://127.0.0.1:4780/ (also watch --serve)
  briefkit validate <file>...              check briefings, their config and theme
  briefkit init [dir]                      start a project: a briefing, templates, config, CI
  briefkit schema                          print the briefing's JSON Schema
  briefkit --help | --version

Build options (build and watch; they win over briefkit.config.yaml)
  --config <file>          the config file (default: briefkit.config.yaml next to the
                           data file or in a folder above it, up to the project root)
  --theme <name|file>      default, ink, or a theme file such as themes/house.yaml
  --out <dir>              output folder (default: output)
  --format <list>          pdf, pptx or pdf,pptx (default: both)
  --date <YYYY-MM-DD>      build date for metadata (default: SOURCE_DATE_EPOCH, else now)
  --page-size <A4|Letter>  report page size (default: A4)
  --deck-charts <mode>     native (editable charts, default) or image (PNG)
  --pdfa                   write the report as PDF/A-2b for archiving
  --templates <dir>        a folder of templates overriding the built-in ones
  --force                  rebuild even when the manifest says nothing changed
                           (init: overwrite existing files)

Preview options (preview, watch --serve)
  --port <n>               port to serve on (default: 4780; 0: any free port)
  --host <address>         address to listen on (default: 127.0.0.1, this machine only)
  --open                   open the page in the default browser

Batch options (build)
  --shard <i/n>            build only the i-th of n shares of the files (for CI matrices)
  --jobs <n>               worker threads (default: one per core)
  --json                   print a machine-readable summary on stdout
  -q, --quiet              no progress display; only one line per output and errors

A folder argument builds the .yaml, .yml and .json briefings directly inside it.
On a terminal, build shows live progress; in CI (CI=true) and with --quiet it prints
plain lines. A build whose inputs and options match output/<name>.manifest.json is
skipped as up to date.

Exit codes
  0 done   1 a briefing or a template is wrong   2 the command line is wrong   3 internal error
`;
