import path from 'node:path';
import type { BuildResult } from './build.js';
import { withLock } from './lock.js';
import { outputFiles } from './output-files.js';
import { removeStaleTempFiles, writeFilesAtomic } from './write-atomic.js';

/**
 * Writes a build's outputs and its manifest as one atomic change. Nothing is written
 * until every output exists in memory, so a failed build leaves the old files alone;
 * the outputs' lock keeps two builds of the same briefing from interleaving, and
 * temporary files that a killed build left behind are removed first.
 */
export async function writeOutputs(
  result: Pick<BuildResult, 'name' | 'pdf' | 'pptx' | 'manifest'>,
  outDir: string,
): Promise<string[]> {
  const named = outputFiles(result.name);
  const files: [string, Uint8Array | string][] = [];
  if (result.pdf) files.push([named.pdf, result.pdf]);
  if (result.pptx) files.push([named.pptx, result.pptx]);
  files.push([named.manifest, `${JSON.stringify(result.manifest, null, 2)}\n`]);
  const names = [named.pdf, named.pptx, named.manifest];
  return withLock(outDir, result.name, async () => {
    await removeStaleTempFiles(outDir, names);
    await writeFilesAtomic(files.map(([name, data]) => ({ file: path.join(outDir, name), data })));
    return files.map(([name]) => path.join(outDir, name));
  });
}
