import path from 'node:path';
import { build } from '../build/build.js';
import type { OutputFormat } from '../build/pipeline.js';
import { writeOutputs } from '../build/write-outputs.js';
import { fail } from '../errors.js';
import { oneOf, type CliValues } from './args.js';
import type { CliIo } from './io.js';

export async function buildCommand(files: string[], values: CliValues, io: CliIo): Promise<number> {
  if (files.length === 0)
    fail('USAGE_ERROR', { message: 'build needs a briefing file', expected: 'briefkit build <file.yaml>' });
  const formats = parseFormats(values.format);
  const outDir = values.out ?? 'output';
  for (const file of files) {
    const started = performance.now();
    const result = await build(file, {
      formats,
      ...(values.date !== undefined && { date: values.date }),
      pageSize: oneOf('page-size', values['page-size'], ['A4', 'Letter'] as const) ?? 'A4',
      deckCharts: oneOf('deck-charts', values['deck-charts'], ['native', 'image'] as const) ?? 'native',
      pdfa: values.pdfa ?? false,
      ...(values.templates !== undefined && { templatesDir: values.templates }),
    });
    const written = await writeOutputs(result, outDir);
    const ms = Math.round(performance.now() - started);
    for (const out of written.filter((f) => !f.endsWith('.manifest.json'))) {
      io.out(`built ${path.relative(process.cwd(), out) || out}`);
    }
    io.err(`${file}: done in ${ms} ms`);
  }
  return 0;
}

function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return ['pdf', 'pptx'];
  const formats = value.split(',').map((f) => oneOf('format', f.trim(), ['pdf', 'pptx'] as const)!);
  return [...new Set(formats)];
}
