// Maps a CPU profile's call frames in bundled files (dist/) back to where the code came
// from, through each file's source map: `restructure/src/Struct.js:20` or
// `src/render/pdf/text/metrics.ts:50`, not `dist/chunks/chunk-….js:1436`. esbuild chains the
// packages' own source maps, so a package that ships one maps to its original sources.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { Buffer } from 'node:buffer';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const MAP_COMMENT = /\/\/[#@] sourceMappingURL=(\S+)\s*$/;

/**
 * Returns mapFrame(callFrame) -> a call frame with the original url, lineNumber and
 * columnNumber (0-based, like V8's), or the frame itself when its file has no source map
 * or the map has no entry for it. One source map is read per file, and each position is
 * looked up once.
 */
export function createFrameMapper() {
  const maps = new Map(); // script url -> { map, mapUrl, sources: Map(source -> url) } | null
  const frames = new Map(); // `${functionName} ${url}:${line}:${column}` -> mapped frame

  function mapOf(url) {
    if (maps.has(url)) return maps.get(url);
    let found = null;
    // Only our own bundles: installed packages' maps would point into their own sources.
    if (url.startsWith('file:') && !url.includes('/node_modules/')) {
      try {
        const file = fileURLToPath(url);
        const code = readFileSync(file, 'utf8');
        const ref = MAP_COMMENT.exec(code.slice(-2000))?.[1];
        if (ref) {
          const mapUrl = new URL(ref, pathToFileURL(file));
          const text = mapUrl.protocol === 'data:' ? inlineMap(mapUrl.href) : readFileSync(mapUrl, 'utf8');
          const payload = JSON.parse(text);
          found = { map: new SourceMap(payload), mapUrl, root: payload.sourceRoot ?? '', sources: new Map() };
        }
      } catch {
        found = null; // a file rebuilt or removed since the profile was taken: keep dist locations
      }
    }
    maps.set(url, found);
    return found;
  }

  return function mapFrame(cf) {
    if (!cf.url) return cf;
    const key = `${cf.functionName} ${cf.url}:${cf.lineNumber}:${cf.columnNumber}`;
    let mapped = frames.get(key);
    if (mapped) return mapped;
    mapped = cf;
    const m = mapOf(cf.url);
    const entry =
      m && cf.lineNumber >= 0 ? entryOnLine(m.map, cf.lineNumber, Math.max(cf.columnNumber, 0)) : undefined;
    if (entry) {
      mapped = {
        ...cf,
        url: sourceUrl(m, entry.originalSource),
        lineNumber: entry.originalLine,
        columnNumber: entry.originalColumn,
      };
    } else if (m && cf.functionName.includes('/')) {
      // esbuild wraps each bundled CommonJS module in a function named by its path
      // ("node_modules/handlebars/dist/cjs/handlebars.js"), which has no mapping of its own:
      // its self time is that module's top-level code.
      const source = wrappedSource(m.map.payload.sources, cf.functionName);
      if (source !== undefined) mapped = { ...cf, url: sourceUrl(m, source), lineNumber: 0, columnNumber: 0 };
    }
    frames.set(key, mapped);
    return mapped;
  };
}

/**
 * The map's entry for a position on the same generated line: the one at or before the
 * column or, when the line's first entry comes after it (a class method's name has none,
 * its body has), the line's last one. findEntry alone falls back to the nearest earlier
 * entry on any line, which for unmapped code (esbuild's own helpers) is some other code.
 */
function entryOnLine(map, line, column) {
  for (const col of [column, Number.MAX_SAFE_INTEGER]) {
    const entry = map.findEntry(line, col);
    if (entry.generatedLine === line) return entry.originalSource === undefined ? undefined : entry;
  }
  return undefined;
}

/**
 * The source a CommonJS wrapper named `path` (relative to where esbuild ran) stands for,
 * written like the map's sources (relative to the map). The map may list the module's own
 * original sources instead (handlebars ships source maps), so the path is placed next to
 * a source that shares its first directory (`node_modules/`).
 */
function wrappedSource(sources, name) {
  const exact = sources.find((s) => s === name || s.endsWith(`/${name}`));
  if (exact !== undefined) return exact;
  const first = `${name.slice(0, name.indexOf('/'))}/`;
  for (const s of sources) {
    if (s.startsWith(first)) return name;
    const at = s.indexOf(`/${first}`);
    if (at !== -1) return s.slice(0, at + 1) + name;
  }
  return undefined;
}

function sourceUrl(m, source) {
  let url = m.sources.get(source);
  if (url === undefined) {
    url = new URL(m.root + source, m.mapUrl).href;
    m.sources.set(source, url);
  }
  return url;
}

function inlineMap(dataUrl) {
  const comma = dataUrl.indexOf(',');
  const body = dataUrl.slice(comma + 1);
  return dataUrl.slice(0, comma).endsWith(';base64')
    ? Buffer.from(body, 'base64').toString('utf8')
    : decodeURIComponent(body);
}
