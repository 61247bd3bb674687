import path from 'node:path';
import type { BuildResult } from './build.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * Writes a build's outputs and its manifest, each atomically. Nothing is written
 * until every output exists in memory, so a failed build leaves the old files alone.
 */
export async function writeOutputs(result: BuildResult, outDir: string): Promise<string[]> {
  const written: string[] = [];
  const files: [string, Uint8Array | string][] = [];
  if (result.pdf) files.push([`${result.name}.pdf`, result.pdf]);
  if (result.pptx) files.push([`${result.name}.pptx`, result.pptx]);
  files.push([`${result.name}.manifest.json`, `${JSON.stringify(result.manifest, null, 2)}\n`]);
  for (const [name, data] of files) {
    const file = path.join(outDir, name);
    await writeFileAtomic(file, data);
    written.push(file);
  }
  return written;
}
