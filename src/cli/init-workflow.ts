export interface WorkflowCommands {
  /** Installs Node packages (briefkit among them). */
  install: string;
  /** Builds the briefings into output/. */
  build: string;
}

/** What briefkit's own .github/workflows/briefings.yml runs: the example, built from this checkout. */
export const REPO_WORKFLOW_COMMANDS: WorkflowCommands = {
  install: 'npm ci --no-audit --no-fund',
  build: 'node bin/briefkit.js build data',
};

/** The Node.js the workflows run on: a maintained LTS line (Node 20 reached its end of life in April 2026). */
export const WORKFLOW_NODE = 24;

/** What canvas needs to compile when no prebuilt binary fits; cached between runs. */
export const CANVAS_APT_PACKAGES =
  'build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev';

/**
 * A GitHub Actions workflow that builds the briefings on every push and once a day and
 * keeps the outputs as an artifact. The build is dated by the last commit, so a day with
 * no new commit gives byte-identical files. It may only read the repository, caches npm's
 * downloads (keyed by package-lock.json, which the project commits) and the apt packages.
 * briefkit's own briefings workflow is the same steps.
 */
export function briefingsWorkflow(commands: WorkflowCommands): string {
  return `name: briefings

on:
  push:
  workflow_dispatch:
  schedule:
    - cron: '0 6 * * *' # every day at 06:00 UTC

permissions:
  contents: read

jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: ${WORKFLOW_NODE}
          cache: npm
      # canvas (the deck's picture charts, theme logos) compiles from source when no
      # prebuilt binary fits; its libraries are cached, not fetched on every run.
      - name: System libraries for canvas
        uses: awalsh128/cache-apt-pkgs-action@v1
        with:
          packages: ${CANVAS_APT_PACKAGES}
          version: 1
      - name: Install
        run: ${commands.install}
      # Dated by the last commit, so a scheduled run without new commits gives the same bytes.
      - name: Build the briefings
        run: |
          export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
          mkdir -p output
          ${commands.build} --json > output/summary.json
      - name: Keep the outputs
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: briefings
          path: output/
          if-no-files-found: error
`;
}
