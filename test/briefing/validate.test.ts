import { describe, expect, it } from 'vitest';
import { loadBriefing, parseBriefingText } from '../../src/briefing/load.js';
import { validateBriefing } from '../../src/briefing/validate.js';
import { BriefkitError, type Problem } from '../../src/errors.js';

const fixture = (name: string) => `test/fixtures/briefings/${name}`;

async function problemsOf(file: string): Promise<{ code: string; problems: readonly Problem[] }> {
  try {
    validateBriefing(await loadBriefing(file));
  } catch (error) {
    if (error instanceof BriefkitError) return { code: error.code, problems: error.problems };
    throw error;
  }
  throw new Error(`${file} validated, but a problem was expected`);
}

describe('validateBriefing', () => {
  it('accepts the Geneva briefing and fills in defaults', async () => {
    const briefing = validateBriefing(await loadBriefing('data/geneva-2026-02-26.yaml'));
    expect(briefing.locale).toBe('en');
    expect(briefing.figures.map((f) => f.value)).toEqual(
      expect.arrayContaining([420, 39, 800e9, 588e9, 1000, 35, 20]),
    );
    expect(briefing.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['reuters', 'ap', 'rdna5', 'nsdc', 'tass']),
    );
  });

  it('locates malformed YAML', async () => {
    const { code, problems } = await problemsOf(fixture('bad-yaml.yaml'));
    expect(code).toBe('PARSE_ERROR');
    expect(problems[0]).toMatchObject({ file: fixture('bad-yaml.yaml'), expected: 'valid YAML' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a wrong type with its path and line', async () => {
    const { code, problems } = await problemsOf(fixture('wrong-type.yaml'));
    expect(code).toBe('VALIDATION_ERROR');
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'figures[0].value',
        line: 7,
        column: 12,
        expected: 'a finite number, or a list [low, high]',
      }),
    );
  });

  it('reports an unknown source id with a suggestion', async () => {
    const { problems } = await problemsOf(fixture('unknown-source.yaml'));
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'figures[0].source',
        line: 10,
        message: 'unknown source id "test-sourse" (did you mean "test-source"?)',
      }),
    ]);
  });

  it('reports a missing required field at its parent', async () => {
    const { problems } = await problemsOf(fixture('missing-field.yaml'));
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'sections[0].title', line: 5, message: 'missing required field' }),
    );
  });

  it('reports an unknown field in JSON with a did-you-mean', async () => {
    const { problems } = await problemsOf(fixture('unknown-field.json'));
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'sections[0].summry',
        line: 5,
        message: 'unknown field "summry" (did you mean "summary"?)',
      }),
    );
  });

  it('reports every problem at once', () => {
    const text = [
      'title: Many problems',
      'date: "2026-02-30"',
      'summary: x',
      'sections: []',
      'sources: []',
    ].join('\n');
    let problems: readonly Problem[] = [];
    try {
      validateBriefing(parseBriefingText(text, 'many.yaml'));
    } catch (error) {
      problems = (error as BriefkitError).problems;
    }
    expect(problems.map((p) => p.path)).toEqual(['date', 'sections', 'sources']);
    expect(problems[0]).toMatchObject({ line: 2, expected: expect.stringContaining('YYYY-MM-DD') });
  });

  it('rejects duplicate ids and unknown figure references in text', () => {
    const text = [
      'title: Duplicates',
      'date: "2026-03-01"',
      'summary: Mentions {fig:nope}.',
      'sections: [{ id: a, title: A, summary: x }, { id: a, title: B, summary: y }]',
      'sources: [{ id: s, publisher: P }]',
    ].join('\n');
    let problems: readonly Problem[] = [];
    try {
      validateBriefing(parseBriefingText(text, 'dup.yaml'));
    } catch (error) {
      problems = (error as BriefkitError).problems;
    }
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['sections[1].id', 'duplicate id "a", already used by sections[0]'],
      ['summary', 'unknown figure id "nope"'],
    ]);
  });
});
