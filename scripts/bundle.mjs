// Bundles the CLI, the API and the pool's worker into dist/ with esbuild, together with
// the pure-JavaScript dependencies: resolving and linking some 600 small modules cost
// a cold build about 100 ms, one bundle a fraction of that. What cannot be bundled stays
// in node_modules and is loaded from there:
//   - canvas (a native addon) and chartjs-node-canvas, which loads it;
//   - piscina, which starts its worker threads from its own files;
//   - chokidar, needed by `watch` only;
//   - the font packages, whose .ttf files are found by package name;
//   - pdfjs-dist, whose files the preview serves to the browser as they are installed.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const TRAINING_BRIEFING = 'data/geneva-2026-02-26.yaml';
const external = ['canvas', 'chartjs-node-canvas', 'piscina', 'chokidar', '@expo-google-fonts/*'];

/**
 * Bundled CommonJS code calls require() for Node's modules; an ES module has none,
 * so each output file makes one from its own URL.
 */
const banner = `import { createRequire as __briefkitCreateRequire } from 'node:module';
const require = __briefkitCreateRequire(import.meta.url);`;

/**
 * pdfkit finds its sRGB profile (PDF/A) and its standard fonts from its own file's URL;
 * in the bundle that URL would be dist/'s, so it is pointed back at the installed pdfkit.
 */
const pdfkitHome = {
  name: 'pdfkit-home',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // require is the bundle's own: the ES modules' banner below, or CommonJS's.
      const home = "const __pdfkitUrl = require('node:url').pathToFileURL(require.resolve('pdfkit')).href; ";
      // On pdfkit's first line, not a line of its own: pdfkit's source map stays aligned.
      return { contents: home + source.replaceAll('import.meta.url', '__pdfkitUrl'), loader: 'js' };
    });
  },
};

/**
 * fontkit imports a Brotli decoder (and its 120 KB dictionary, ~40 ms to compile) only
 * to open WOFF2 web fonts, which themes refuse before fontkit sees them (theme/font-files.ts).
 */
const noWoff2 = {
  name: 'no-woff2',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli', namespace: 'no-woff2' }));
    b.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      contents:
        "export default function decompress() { throw new Error('WOFF2 fonts are not supported: use a .ttf or .otf file'); }",
      loader: 'js',
    }));
  },
};

/**
 * Handlebars loads the source-map library to map compiled templates back to their text,
 * which briefkit never asks for; without it Handlebars uses its own plain code builder
 * (the same generated code), and a cold build skips compiling the library.
 */
const noSourceMapLibrary = {
  name: 'no-source-map-library',
  setup(b) {
    b.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'no-source-map' }));
    b.onLoad({ filter: /.*/, namespace: 'no-source-map' }, () => ({
      contents: 'module.exports = {};',
      loader: 'js',
    }));
  },
};

/**
 * pptxgenjs builds its package with jszip; briefkit reads that package back and writes the
 * deck with Node's zlib, so pptxgenjs gets a recorder that stores its files instead
 * (src/vendor/jszip.ts; the tests use it too, vitest.config.ts). jszip, pako and their stream modules stay out.
 */
const jszipRecorder = {
  name: 'jszip-recorder',
  setup(b) {
    b.onResolve({ filter: /^jszip$/ }, () => ({
      path: path.resolve('src/vendor/jszip.ts'),
    }));
  },
};

/**
 * fontkit (its shapers), unicode-properties and linebreak each inflate a Unicode lookup
 * table (unicode-trie) when they are imported, ~30 ms of a cold start together. A build
 * shapes most words from the bundled fonts' shaping tables (src/theme/simple-shaper.ts),
 * so most never look a code point up: each table is built on its first lookup instead,
 * and inflated by Node's zlib rather than in JavaScript (src/vendor/unicode-trie.ts).
 * The libraries only ever call the trie's get(); the values are the same.
 */
const lazyUnicodeTries = {
  name: 'lazy-unicode-tries',
  setup(b) {
    b.onResolve({ filter: /^unicode-trie$/ }, (args) => ({
      path: createRequire(path.join(args.resolveDir, 'x.js')).resolve('unicode-trie'),
      namespace: 'lazy-unicode-trie',
    }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-unicode-trie' }, (args) => ({
      contents: `import UnicodeTrie from ${JSON.stringify(args.path)};
import { lazyUnicodeTrie } from ${JSON.stringify(path.resolve('src/vendor/unicode-trie.ts'))};
export default lazyUnicodeTrie(UnicodeTrie);`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * pdfkit imports an AES implementation (@noble/ciphers), which builds its lookup tables when
 * it is imported (~5 ms of a cold start), for encrypting PDFs with a password; briefkit never
 * asks pdfkit to encrypt, so pdfkit gets functions that say so instead.
 */
const noPdfEncryption = {
  name: 'no-pdf-encryption',
  setup(b) {
    b.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, (args) =>
      /[\\/]pdfkit[\\/]/.test(args.importer) ? { path: 'aes', namespace: 'no-pdf-encryption' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-pdf-encryption' }, () => ({
      contents: `const refuse = () => { throw new Error('briefkit does not encrypt PDFs'); };
export const cbc = refuse;
export const ecb = refuse;`,
      loader: 'js',
    }));
  },
};

const plugins = [pdfkitHome, noWoff2, noSourceMapLibrary, jszipRecorder, lazyUnicodeTries, noPdfEncryption];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external,
  plugins,
  sourcemap: true,
  // Without comments and indentation (names kept): V8 scans less code at each start, and a
  // cold build's peak memory is ~9 MB lower. Stack traces map back through the source maps.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  // pdfkit's require.resolve('pdfkit') above finds the installed package on purpose.
  logOverride: { 'require-resolve-not-external': 'silent' },
  outdir: 'dist',
};

// Start clean: chunk names carry content hashes, so stale chunks would pile up.
await rm('dist', { recursive: true, force: true });
await build({
  ...common,
  format: 'esm',
  banner: { js: banner },
  // build-worker is the pool's worker: piscina loads it by file name in each thread.
  // shaping-tables fills the bundled fonts' shaping-table cache (below), once per install;
  // prepare-templates compiles the built-in templates (below).
  entryPoints: {
    index: 'src/index.ts',
    'build-worker': 'src/build/build-worker.ts',
    'shaping-tables': 'src/theme/prepare-shaping-tables.ts',
    'prepare-templates': 'src/compose/prepare-templates.ts',
  },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

/**
 * The CLI itself is one CommonJS file, dist/cli-main.cjs, which the executable's small entry
 * dist/cli.cjs (src/cli/main.ts, also CommonJS: bin/briefkit.js requires it, and no thread
 * starts Node's ES module loader) runs through vm.Script with V8's code cache
 * (src/cli/load-bundle.ts): Node 20 caches no compiled code. A module the code imports
 * dynamically (a command, a renderer, the charts) is set up only when it is first imported, as
 * with the ES modules' chunks. Dynamic imports of the packages left in node_modules become
 * require() calls (vm.Script cannot import()), and import.meta.url is the file's own URL, set
 * on the banner's line (the only code on line 1: the CommonJS wrapper that load-bundle.ts puts
 * there shifts no mapped column).
 */
const commonJs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: { js: "var __briefkitUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__briefkitUrl' },
  supported: { 'dynamic-import': false },
};
await build({ ...commonJs, entryPoints: { 'cli-main': 'src/cli/run-cli.ts' } });
await build({ ...commonJs, entryPoints: { cli: 'src/cli/main.ts' } });
await asciiOnly('dist/cli-main.cjs');

/**
 * esbuild leaves non-ASCII characters in regular expression literals as they are. One such
 * character makes V8 hold the whole 2 MB source as a two-byte string; escaped (\uXXXX means the
 * same in a regular expression, a string or a template) the bundle is read as one-byte text.
 */
async function asciiOnly(file) {
  const text = await readFile(file, 'utf8');
  const escaped = text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  await writeFile(file, escaped);
}

// Packages a build needs only now and then (src/vendor/lazy-package.ts: the yaml library,
// Handlebars' parser and compiler), each as one CommonJS file required on first use rather
// than set up by every start.
await build({
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  plugins: [noSourceMapLibrary],
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  entryPoints: { 'lazy/yaml': 'yaml', 'lazy/handlebars': 'handlebars' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
});

// The build's identity: manifests record it, so outputs are rebuilt when the code changes.
// esbuild's chunk [hash] depends on the checkout's absolute path (the same commit bundled in
// two folders gets other chunk names), so the identity leaves those hashes out, in file
// names and in the imports that name them: a manifest is the same whichever folder built it.
const unhashed = (text) => text.replace(/-[A-Z2-7]{8}(?=\.js\b)/g, '');
const files = [
  ...(await readdir('dist')),
  ...(await readdir('dist/chunks')).map((f) => `chunks/${f}`),
  ...(await readdir('dist/lazy')).map((f) => `lazy/${f}`),
].filter((f) => f.endsWith('.js') || f.endsWith('.cjs'));
const entries = [];
for (const file of files) {
  const content = unhashed(await readFile(path.join('dist', file), 'utf8'));
  entries.push(`${unhashed(file)} ${createHash('sha256').update(content).digest('hex')}`);
}
const hash = createHash('sha256').update(entries.sort().join('\n'));
await writeFile('dist/build-id.txt', `${hash.digest('hex').slice(0, 16)}\n`);

// The bundled fonts' shaping tables (src/theme/shaping-table.ts), built now rather than
// by the first build that needs them; kept in node_modules/.cache/briefkit by font hash.
const { prepareShapingTables } = await import(pathToFileURL(path.resolve('dist/shaping-tables.js')).href);
await prepareShapingTables();

// The built-in templates compiled once here rather than by every cold build
// (src/compose/precompiled-templates.ts); only this bundle reads the file.
const { prepareTemplates } = await import(pathToFileURL(path.resolve('dist/prepare-templates.js')).href);
await prepareTemplates('dist/templates-compiled.json');

// A first run of the CLI writes V8's code cache of dist/cli-main.cjs (src/cli/code-cache.ts).
// Training runs write it now, so the first build after an install is as fast as the next
// ones. A PDF-only, a deck-only and a validate run each have a cache of their own (code-cache.ts,
// CodeCacheKind); the other runs start from the cache the previous one wrote and add what they
// compiled, so that one holds the code of both outputs, both kinds of deck charts, the other
// theme and the help. Skipped where the example briefing is not there (a packed package: its first
// run writes the cache). A failed run costs only speed, so it is reported and bundling goes on.
if (existsSync(TRAINING_BRIEFING)) await trainCodeCache();

async function trainCodeCache() {
  const out = await mkdtemp(path.join(tmpdir(), 'briefkit-train-'));
  const build = ['build', TRAINING_BRIEFING, '--out', out, '--force', '--quiet'];
  const runs = [
    build,
    [...build, '--theme', 'ink', '--deck-charts', 'image'],
    [...build, '--format', 'pdf'],
    [...build, '--format', 'pptx'],
    ['validate', TRAINING_BRIEFING],
    ['--help'],
  ];
  try {
    for (const args of runs) {
      const run = spawnSync(process.execPath, ['bin/briefkit.js', ...args], {
        env: { ...process.env, BRIEFKIT_TRAIN_CODE_CACHE: '1' },
        encoding: 'utf8',
      });
      if (run.status !== 0) {
        console.warn(
          `bundle: briefkit ${args.join(' ')} failed; the code cache is filled by the first run instead\n${run.stderr}`,
        );
        break;
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
