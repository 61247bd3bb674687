import path from 'node:path';
import type { TemplateSet } from '../compose/load-templates.js';
import type { ImageFiles } from '../images/types.js';
import type { Theme } from '../theme/types.js';
import { BUILD, VERSION } from '../version.js';
import { sha256, sha256OfFile } from './hash.js';

/** What a build was made from and what it made: every input and output by SHA-256. */
export interface Manifest {
  tool: 'briefkit';
  version: string;
  /** The build of briefkit's code (see version.ts); absent in manifests of 0.1.0 builds before it. */
  build?: string;
  buildDate: string;
  options: Record<string, unknown>;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
}

/**
 * Hashes of every input that can change an output: data, config, templates, theme (its
 * resolved values and its file), fonts, logos, the briefing's images. Editing any of them rebuilds.
 */
export async function hashInputs(
  dataFile: string,
  dataBytes: Uint8Array,
  templates: TemplateSet,
  theme: Theme,
  config?: { file: string; bytes: Uint8Array },
  images: ImageFiles = {},
): Promise<Record<string, string>> {
  const inputs: Record<string, string> = { [display(dataFile)]: sha256(dataBytes) };
  // Hashed from the bytes the build reads (an image that cannot be read has no entry: a rebuild reports it).
  for (const read of Object.values(images)) if (read.ok) inputs[display(read.path)] = sha256(read.bytes);
  if (config) inputs[display(config.file)] = sha256(config.bytes);
  for (const t of [templates.main.report, templates.main.deck, ...templates.partials.values()]) {
    inputs[display(t.file)] = sha256(t.source);
  }
  // Font paths are absolute; hash them as displayed so the theme's hash matches across machines.
  inputs[`theme:${theme.name}`] = sha256(
    JSON.stringify(theme, (_key, value: unknown) =>
      typeof value === 'string' && path.isAbsolute(value) ? display(value) : value,
    ),
  );
  const files = new Set<string>();
  for (const faces of [theme.fonts.body, theme.fonts.heading]) {
    [faces.regular, faces.bold, faces.italic, faces.boldItalic].forEach((f) => files.add(f));
  }
  if (theme.file) files.add(theme.file);
  if (theme.logo) files.add(theme.logo);
  if (theme.logoOnDark) files.add(theme.logoOnDark);
  const sorted = [...files].sort();
  const hashes = await Promise.all(sorted.map(sha256OfFile));
  sorted.forEach((file, index) => (inputs[display(file)] = hashes[index]!));
  return inputs;
}

/** The options that change the bytes of the outputs, as recorded in the manifest and compared on the next build. */
export function manifestOptions(options: {
  formats?: readonly string[];
  pageSize?: string;
  deckCharts?: string;
  pdfa?: boolean;
}): Record<string, unknown> {
  return {
    formats: [...(options.formats ?? ['pdf', 'pptx'])].sort(),
    pageSize: options.pageSize ?? 'A4',
    deckCharts: options.deckCharts ?? 'native',
    pdfa: options.pdfa ?? false,
  };
}

export function createManifest(
  buildDate: Date,
  options: Record<string, unknown>,
  inputs: Record<string, string>,
  outputs: Record<string, Uint8Array>,
): Manifest {
  return {
    tool: 'briefkit',
    version: VERSION,
    build: BUILD,
    buildDate: buildDate.toISOString(),
    options,
    inputs,
    outputs: Object.fromEntries(Object.entries(outputs).map(([name, bytes]) => [name, sha256(bytes)])),
  };
}

/** Paths inside node_modules are shown from the package name on, so manifests match across machines. */
function display(file: string): string {
  const modules = file.lastIndexOf(`node_modules${path.sep}`);
  if (modules >= 0)
    return file
      .slice(modules + 'node_modules/'.length)
      .split(path.sep)
      .join('/');
  const rel = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  return rel.split(path.sep).join('/');
}
