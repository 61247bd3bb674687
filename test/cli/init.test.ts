import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { briefingJsonSchema } from '../../src/briefing/json-schema.js';
import { briefingsWorkflow, REPO_WORKFLOW_COMMANDS } from '../../src/cli/init-workflow.js';
import { runCliCaptured } from '../helpers/cli.js';
import { runBin } from '../helpers/run-bin.js';

const root = mkdtempSync(path.join(tmpdir(), 'briefkit-init-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('briefkit init', () => {
  const dir = path.join(root, 'my-briefings');

  it('scaffolds a project in an empty folder that then builds without edits', async () => {
    const init = await runCliCaptured(['init', dir]);
    expect(init.code).toBe(0);
    for (const file of [
      'data/briefing.yaml',
      'schema/briefing.schema.json',
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
    expect(steps.some((s) => s.run?.includes('npx briefkit build data --templates templates'))).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });

  it("uses the same workflow as briefkit's own, which builds the example", () => {
    const own = readFileSync('.github/workflows/briefings.yml', 'utf8');
    expect(own).toBe(briefingsWorkflow(REPO_WORKFLOW_COMMANDS));
    expect(readFileSync(path.join(dir, '.github/workflows/briefings.yml'), 'utf8').split('\n').length).toBe(
      own.split('\n').length,
    );
  });

  it('refuses to overwrite an existing project unless --force', async () => {
    const data = path.join(dir, 'data/briefing.yaml');
    writeFileSync(data, '# mine\n');
    const again = await runCliCaptured(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('briefing.yaml  already exists');
    expect(readFileSync(data, 'utf8')).toBe('# mine\n');
    expect((await runCliCaptured(['init', dir, '--force'])).code).toBe(0);
    expect(readFileSync(data, 'utf8')).toContain('title: Example briefing');
  });

  it('leaves an existing package.json alone', async () => {
    const pkg = path.join(root, 'with-package');
    mkdirSync(pkg);
    writeFileSync(path.join(pkg, 'package.json'), '{"name":"mine"}\n');
    const result = await runCliCaptured(['init', pkg]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('npm install --save-dev briefkit');
    expect(readFileSync(path.join(pkg, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');
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
