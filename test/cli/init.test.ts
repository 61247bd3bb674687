import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { briefingJsonSchema } from '../../src/briefing/json-schema.js';
import { briefingsWorkflow, REPO_WORKFLOW_COMMANDS } from '../../src/cli/init-workflow.js';
import { runCliCaptured } from '../helpers/cli.js';
import { runBin } from '../helpers/run-bin.js';
import { readPdf } from '../helpers/pdf.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('briefkit-init-');

describe('briefkit init', () => {
  const dir = path.join(root, 'my-briefings');

  it('scaffolds a project in an empty folder that then builds without edits', async () => {
    const init = await runCliCaptured(['init', dir]);
    expect(init.code).toBe(0);
    for (const file of [
      'data/briefing.yaml',
      'templates/report.md.hbs',
      'templates/deck.md.hbs',
      'templates/partials/section.hbs',
      'briefkit.config.yaml',
      '.github/workflows/briefings.yml',
      '.gitignore',
      'package.json',
    ]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    // The build the project's package.json (and its CI workflow) runs, with the shipped CLI.
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const [bin, ...args] = pkg.scripts.build!.split(' ');
    expect(bin).toBe('briefkit');
    const built = runBin(args, { cwd: dir });
    expect(built.err).not.toContain('error');
    expect(built.code).toBe(0);
    expect(existsSync(path.join(dir, 'output/briefing.pdf'))).toBe(true);
    expect(existsSync(path.join(dir, 'output/briefing.pptx'))).toBe(true);
    expect(runBin(['validate', 'data/briefing.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('writes a config that parses, and a workflow that builds on push and daily and keeps the outputs', () => {
    expect(() => parse(readFileSync(path.join(dir, 'briefkit.config.yaml'), 'utf8'))).not.toThrow();
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/briefings.yml'), 'utf8')) as {
      on: { push: unknown; schedule: { cron: string }[] };
      jobs: { build: { steps: { uses?: string; run?: string }[] } };
    };
    expect(workflow.on).toHaveProperty('push');
    expect(workflow.on.schedule[0]!.cron).toMatch(/^\S+ \S+ \* \* \*$/);
    const steps = workflow.jobs.build.steps;
    expect(steps.some((s) => s.run?.includes('npx briefkit build data --json'))).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });

  it("uses the same workflow as briefkit's own, which builds the example", () => {
    const own = readFileSync('.github/workflows/briefings.yml', 'utf8');
    expect(own).toBe(briefingsWorkflow(REPO_WORKFLOW_COMMANDS));
    expect(readFileSync(path.join(dir, '.github/workflows/briefings.yml'), 'utf8').split('\n').length).toBe(
      own.split('\n').length,
    );
  });

  it('runs on a maintained Node LTS, with least permissions and npm cache', () => {
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/briefings.yml'), 'utf8')) as {
      permissions: Record<string, string>;
      jobs: { build: { steps: { uses?: string; with?: Record<string, unknown> }[] } };
    };
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const setup = workflow.jobs.build.steps.find((s) => s.uses?.startsWith('actions/setup-node'))!;
    expect([22, 24]).toContain(setup.with!['node-version']);
    expect(setup.with!.cache).toBe('npm');
    expect(workflow.jobs.build.steps.some((s) => s.uses?.startsWith('awalsh128/cache-apt-pkgs-action'))).toBe(
      true,
    );
  });

  it("points the briefing and the config at the installed package's schemas", () => {
    expect(readFileSync(path.join(dir, 'data/briefing.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/briefkit/schema/briefing.schema.json',
    );
    expect(readFileSync(path.join(dir, 'briefkit.config.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=node_modules/briefkit/schema/config.schema.json',
    );
  });

  it('builds with the copied templates without any flag', async () => {
    const report = path.join(dir, 'templates/report.md.hbs');
    writeFileSync(report, `${readFileSync(report, 'utf8')}\nA line only this project's template writes.\n`);
    const built = runBin(['build', 'data', '--format', 'pdf', '--force'], { cwd: dir });
    expect(built.code).toBe(0);
    const pdf = await readPdf(readFileSync(path.join(dir, 'output/briefing.pdf')));
    const text = pdf.pages.flatMap((page) => page.lines.map((line) => line.text)).join(' ');
    expect(text).toContain('only this project');
  });

  it("keeps existing files and reports them; --force replaces only briefkit's own files", async () => {
    const data = path.join(dir, 'data/briefing.yaml');
    const mine = `${readFileSync(data, 'utf8')}# my edit\n`;
    writeFileSync(data, mine);
    const template = path.join(dir, 'templates/deck.md.hbs');
    writeFileSync(template, '# my deck\n');
    const again = await runCliCaptured(['init', dir]);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`skipped ${path.join(dir, 'data/briefing.yaml')} (exists, yours)`);
    expect(again.out).toContain(`skipped ${path.join(dir, 'templates/deck.md.hbs')} (exists)`);
    expect(readFileSync(data, 'utf8')).toBe(mine);
    expect(readFileSync(template, 'utf8')).toBe('# my deck\n');

    const forced = await runCliCaptured(['init', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain(`replaced ${path.join(dir, 'templates/deck.md.hbs')}`);
    expect(readFileSync(template, 'utf8')).not.toBe('# my deck\n');
    expect(readFileSync(data, 'utf8')).toBe(mine);
  });

  it('--update shows what changes in the files it refreshes', async () => {
    const template = path.join(dir, 'templates/partials/section.hbs');
    const original = readFileSync(template, 'utf8');
    writeFileSync(template, original.replace(/\n/, '\nan old line\n'));
    const update = await runCliCaptured(['init', dir, '--update']);
    expect(update.code).toBe(0);
    expect(update.out).toContain('  -2  an old line');
    expect(update.out).toContain(`updated ${template}`);
    expect(readFileSync(template, 'utf8')).toBe(original);
  });
});

describe('briefkit init in an existing repository', () => {
  it('keeps the .gitignore and the edited briefing, appending only the lines it needs', async () => {
    const repo = path.join(root, 'repo');
    mkdirSync(path.join(repo, 'data'), { recursive: true });
    writeFileSync(path.join(repo, '.gitignore'), '.env\n/node_modules\n');
    writeFileSync(path.join(repo, 'data/briefing.yaml'), '# my briefing\ntitle: Mine\n');
    writeFileSync(path.join(repo, 'briefkit.config.yaml'), 'pageSize: Letter\n');
    for (const flags of [[], ['--force']]) {
      const result = await runCliCaptured(['init', repo, ...flags]);
      expect(result.code).toBe(0);
      expect(readFileSync(path.join(repo, '.gitignore'), 'utf8')).toBe('.env\n/node_modules\noutput/\n');
      expect(readFileSync(path.join(repo, 'data/briefing.yaml'), 'utf8')).toBe(
        '# my briefing\ntitle: Mine\n',
      );
      expect(readFileSync(path.join(repo, 'briefkit.config.yaml'), 'utf8')).toBe('pageSize: Letter\n');
    }
    const result = await runCliCaptured(['init', repo]);
    expect(result.err).toContain('add "templates: templates" to');
    expect(existsSync(path.join(repo, 'templates/report.md.hbs'))).toBe(true);
  });

  it('leaves an existing package.json alone and says how to add briefkit', async () => {
    const pkg = path.join(root, 'with-package');
    mkdirSync(pkg);
    writeFileSync(path.join(pkg, 'package.json'), '{"name":"mine"}\n');
    const result = await runCliCaptured(['init', pkg, '--from', 'github:example/briefkit']);
    expect(result.code).toBe(0);
    expect(result.err).toContain('  npm pkg set allowScripts.briefkit=true allowScripts.canvas=true --json');
    expect(result.err).toContain('  npm install --save-dev github:example/briefkit');
    expect(readFileSync(path.join(pkg, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');
  });

  it('writes the dependency spec briefkit was installed from, or --from', async () => {
    const fromFlag = path.join(root, 'from-flag');
    expect((await runCliCaptured(['init', fromFlag, '--from', 'file:../briefkit-0.1.0.tgz'])).code).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(fromFlag, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    expect(pkg.devDependencies.briefkit).toBe('file:../briefkit-0.1.0.tgz');
    expect(pkg.allowScripts).toEqual({ canvas: true });
  });
});

describe('briefkit schema', () => {
  it('prints the JSON Schema of a briefing', async () => {
    const result = await runCliCaptured(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.out) as Record<string, unknown>;
    expect(schema.title).toBe('briefkit briefing');
    expect(schema).toEqual(briefingJsonSchema());
  });
});
