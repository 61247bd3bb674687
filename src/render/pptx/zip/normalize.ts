import type { DocumentMeta } from '../../../document/types.js';
import { appProperties, namedFonts, themeFonts } from './app-properties.js';
import { applyPointLabels, type ChartPointLabels } from './chart-point-labels.js';
import { conformChart } from './chart-schema.js';
import { coreProperties, w3cdtf } from './core-properties.js';
import { conformPresentation, standardContentTypes, tagLanguage, uniqueShapeIds } from './package-schema.js';
import { addTableParts, completeStylesheet, fixTableRef, tableRelationshipIds } from './workbook-schema.js';
import { dropMissingOverrides, fixSlideXml } from './xml-fixes.js';
import { readZip, writeZip as writeZipEntries, type PackageFiles } from './zip-io.js';

/** The earliest date a zip entry can carry (MS-DOS time starts in 1980). */
const DOS_EPOCH = Date.UTC(1980, 0, 1);

/**
 * Makes a pptxgenjs package byte-reproducible: the build date in core.xml and on every
 * zip entry (also inside each chart's embedded workbook), chart parts numbered from 1 in
 * every render (pptxgenjs counts charts per process), entries in a fixed order, DEFLATE.
 * Read and written with Node's zlib (zip-io.ts), not jszip: the same bytes every run.
 * It also makes every part valid against ISO/IEC 29500 Transitional (xml-fixes.ts,
 * package-schema.ts, chart-schema.ts, workbook-schema.ts): PowerPoint offers to "repair"
 * a deck with schema slips, which LibreOffice silently accepts.
 */
export function normalizePackage(
  /** The files pptxgenjs wrote (paint-pptx.ts), or a package it wrote as an archive. */
  input: PackageFiles | Uint8Array,
  meta: DocumentMeta,
  /** Each native chart's data labels, in the order the charts were added (chart1.xml first). */
  chartLabels: readonly ChartPointLabels[] = [],
): Buffer {
  const zip: PackageFiles = input instanceof Uint8Array ? readZip(input) : input;
  const names = [...zip.keys()];
  const renumber = chartRenumbering(names);
  const entries = new Map<string, string | Uint8Array>();
  const parts = new Set(names.map(renumber.name));
  const text = (name: string): string => textOf(zip.get(name)!);
  for (const name of names) {
    const target = renumber.name(name);
    if (name === 'docProps/core.xml') entries.set(target, coreProperties(meta));
    else if (name === 'docProps/app.xml')
      continue; // written below, from the finished parts
    else if (name === '[Content_Types].xml') {
      entries.set(target, standardContentTypes(dropMissingOverrides(renumber.text(text(name)), parts)));
    } else if (/\.xlsx$/.test(name)) entries.set(target, normalizeWorkbook(bytesOf(zip.get(name)!), meta));
    else if (/\.(xml|rels)$/.test(name)) {
      // Parts name each other in relationships only: a slide's own text is never renumbered.
      const xml = name.endsWith('.rels') ? renumber.text(text(name)) : text(name);
      entries.set(target, fixXml(target, xml, meta, chartLabels));
    } else entries.set(target, zip.get(name)!);
  }
  if (zip.has('docProps/app.xml')) entries.set('docProps/app.xml', describePackage(entries, meta));
  return writeZip(entries, meta.buildDate);
}

function fixXml(
  name: string,
  xml: string,
  meta: DocumentMeta,
  chartLabels: readonly ChartPointLabels[],
): string {
  if (!name.startsWith('ppt/') || !name.endsWith('.xml')) return xml;
  if (name === 'ppt/presentation.xml') return conformPresentation(xml);
  const chart = /^ppt\/charts\/chart(\d+)\.xml$/.exec(name);
  if (chart) {
    const labels = chartLabels[Number(chart[1]) - 1];
    return tagLanguage(conformChart(labels ? applyPointLabels(xml, labels) : xml), meta.lang);
  }
  const fixed = tagLanguage(fixSlideXml(xml), meta.lang);
  return /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\//.test(name)
    ? uniqueShapeIds(fixed)
    : fixed;
}

/** A part's text: pptxgenjs's XML comes as a string; a part read from an archive is decoded. */
function textOf(data: string | Uint8Array): string {
  return typeof data === 'string'
    ? data
    : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** docProps/app.xml for the finished package: its slides, notes and the fonts it names. */
function describePackage(entries: ReadonlyMap<string, string | Uint8Array>, meta: DocumentMeta): string {
  const names = [...entries.keys()];
  const asText = (name: string): string => {
    const data = entries.get(name);
    return data === undefined ? '' : textOf(data);
  };
  const theme = themeFonts(asText('ppt/theme/theme1.xml'));
  const fonts = new Set<string>();
  for (const name of names.filter((n) =>
    /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|charts)\/[^/]+\.xml$/.test(n),
  )) {
    for (const font of namedFonts(asText(name))) {
      // "+mn-lt" and "+mj-lt" name the theme's minor and major Latin fonts; the other
      // theme slots (east Asian, complex script) are empty in a briefkit theme.
      const resolved =
        font === '+mn-lt' ? theme.minor : font === '+mj-lt' ? theme.major : font.startsWith('+') ? '' : font;
      if (resolved) fonts.add(resolved);
    }
  }
  const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  return appProperties({
    ...(meta.organisation && { company: meta.organisation }),
    slides,
    notes: names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).length,
    fonts: [...fonts].sort(),
    themeName: theme.name,
    slideTitles: Array.from({ length: slides }, (_, i) => `Slide ${i + 1}`),
  });
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
  const text = (name: string): string => textOf(zip.get(name) ?? '');
  for (const [name, data] of zip) {
    const sheet = /^xl\/worksheets\/(sheet\d+\.xml)$/.exec(name);
    if (sheet) {
      const rels = text(`xl/worksheets/_rels/${sheet[1]}.rels`);
      entries.set(name, addTableParts(text(name), tableRelationshipIds(rels)));
    } else if (/^xl\/tables\/table\d+\.xml$/.test(name)) entries.set(name, fixTableRef(text(name)));
    else if (name === 'xl/styles.xml') entries.set(name, completeStylesheet(text(name)));
    else if (name === 'docProps/core.xml') {
      const xml = textOf(data);
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
  const ordered = [...entries.keys()].sort(entryOrder).map((name) => [name, entries.get(name)!] as const);
  return writeZipEntries(ordered, date);
}
