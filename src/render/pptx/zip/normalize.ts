import type { DocumentMeta } from '../../../document/types.js';
import { coreProperties, w3cdtf } from './core-properties.js';
import { dropMissingOverrides, fixSlideXml } from './xml-fixes.js';
import { readZip, writeZip as writeZipEntries } from './zip-io.js';

/** The earliest date a zip entry can carry (MS-DOS time starts in 1980). */
const DOS_EPOCH = Date.UTC(1980, 0, 1);

/**
 * Makes a pptxgenjs package byte-reproducible: the build date in core.xml and on every
 * zip entry (also inside each chart's embedded workbook), chart parts numbered from 1 in
 * every render (pptxgenjs counts charts per process), entries in a fixed order, DEFLATE.
 * Read and written with Node's zlib (zip-io.ts), not jszip: the same bytes every run.
 */
export function normalizePackage(input: Uint8Array, meta: DocumentMeta): Buffer {
  const zip = readZip(input);
  const names = [...zip.keys()];
  const renumber = chartRenumbering(names);
  const entries = new Map<string, string | Uint8Array>();
  const parts = new Set(names.map(renumber.name));
  const text = (name: string): string => Buffer.from(zip.get(name)!).toString('utf8');
  for (const name of names) {
    const target = renumber.name(name);
    if (name === 'docProps/core.xml') entries.set(target, coreProperties(meta));
    else if (name === '[Content_Types].xml') {
      entries.set(target, dropMissingOverrides(renumber.text(text(name)), parts));
    } else if (/\.xlsx$/.test(name)) entries.set(target, normalizeWorkbook(zip.get(name)!, meta));
    else if (/\.(xml|rels)$/.test(name)) entries.set(target, fixXml(name, renumber.text(text(name))));
    else entries.set(target, zip.get(name)!);
  }
  return writeZip(entries, meta.buildDate);
}

function fixXml(name: string, xml: string): string {
  return name.startsWith('ppt/') && name.endsWith('.xml') ? fixSlideXml(xml) : xml;
}

/** Maps pptxgenjs's process-wide chart numbers (chart7.xml, ...Worksheet7.xlsx) to 1, 2, 3 in order. */
function chartRenumbering(names: readonly string[]) {
  const numbers = names
    .map((name) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const map = new Map(numbers.map((n, index) => [n, index + 1]));
  const swap = (text: string): string =>
    text.replace(
      /\b(chart|Microsoft_Excel_Worksheet)(\d+)\.(xml|xlsx)\b/g,
      (whole, stem: string, n: string, ext: string) => {
        const next = map.get(Number(n));
        return next === undefined ? whole : `${stem}${next}.${ext}`;
      },
    );
  return { name: swap, text: swap };
}

/** A chart's embedded workbook: also dated by the build, not the clock. */
function normalizeWorkbook(input: Uint8Array, meta: DocumentMeta): Uint8Array {
  const zip = readZip(input);
  const entries = new Map<string, string | Uint8Array>();
  const when = w3cdtf(meta.buildDate);
  for (const [name, data] of zip) {
    if (name === 'docProps/core.xml') {
      const xml = Buffer.from(data).toString('utf8');
      entries.set(
        name,
        xml.replace(
          /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
          (_whole, open: string, _tag: string, close: string) => `${open}${when}${close}`,
        ),
      );
    } else {
      entries.set(name, data);
    }
  }
  return writeZip(entries, meta.buildDate);
}

/** OPC readers look for [Content_Types].xml first; the rest follow in byte order of their names. */
function entryOrder(a: string, b: string): number {
  const rank = (name: string): number =>
    name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2;
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function writeZip(entries: Map<string, string | Uint8Array>, buildDate: Date): Buffer {
  const date = new Date(Math.max(buildDate.getTime(), DOS_EPOCH));
  const ordered = [...entries.keys()].sort(entryOrder).map((name): [string, Uint8Array] => {
    const data = entries.get(name)!;
    return [name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data];
  });
  return writeZipEntries(ordered, date);
}
