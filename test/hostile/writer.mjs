// A child process for the write tests: writes one build's outputs (every byte `tag`)
// `rounds` times through the bundled API, as `briefkit build` does after rendering.
// Usage: node test/hostile/writer.mjs <outDir> <name> <tag> <megabytes> <rounds>
import { Buffer } from 'node:buffer';
import { writeOutputs } from '../../dist/index.js';

const [outDir, name, tag, megabytes, rounds] = process.argv.slice(2);
const size = Math.round(Number(megabytes) * 1024 * 1024);
for (let round = 0; round < Number(rounds); round++) {
  const bytes = Buffer.alloc(size, tag);
  await writeOutputs({ name, pdf: bytes, pptx: bytes, manifest: { tag, round } }, outDir);
}
