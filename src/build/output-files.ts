import path from 'node:path';
import type { OutputFormat } from './pipeline.js';

/** The outputs' base name: the data file's name without its extension. */
export function outputName(file: string): string {
  return path.basename(file, path.extname(file));
}

/** The names of one briefing's outputs in the output folder: the one place they are spelled. */
export interface OutputFiles {
  pdf: string;
  pptx: string;
  manifest: string;
}

export function outputFiles(name: string): OutputFiles {
  return { pdf: `${name}.pdf`, pptx: `${name}.pptx`, manifest: `${name}.manifest.json` };
}

/** The format an output file holds, from its name. */
export function outputFormat(file: string): OutputFormat {
  return path.extname(file).slice(1) as OutputFormat;
}
