import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/**
 * Reads a .pptx back the way PowerPoint would: unzips it with jszip and parses the
 * slide, notes, chart and property parts with fast-xml-parser. Text keeps its order.
 */

/** An element of an order-preserving parse: one tag name → children, attributes under ':@'. */
export type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const orderedParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

export function parseXml(xml: string): XmlNode[] {
  return orderedParser.parse(xml) as XmlNode[];
}

export function tagOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  return node[':@']?.[name];
}

/** Every element with this tag under the nodes, in document order. */
export function findAll(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (list: readonly XmlNode[]): void => {
    for (const node of list) {
      if (tagOf(node) === tag) out.push(node);
      walk(childrenOf(node));
    }
  };
  walk(nodes);
  return out;
}

/** Concatenated text of the a:t runs under a node. */
export function textOf(nodes: readonly XmlNode[]): string {
  return findAll(nodes, 'a:t')
    .map((t) =>
      childrenOf(t)
        .map((c) => String(c['#text'] ?? ''))
        .join(''),
    )
    .join('');
}

/** One string per paragraph (a:p). */
export function paragraphsOf(nodes: readonly XmlNode[]): string[] {
  return findAll(nodes, 'a:p').map((p) => textOf([p]));
}

export interface ShapeInfo {
  /** A text box or shape, a picture, a chart or a table. */
  kind: 'sp' | 'pic' | 'chart' | 'table';
  name: string;
  /** Alt text: the descr attribute of p:cNvPr. */
  descr: string | undefined;
  placeholder: string | undefined;
  /** Position and size in inches. */
  box: { x: number; y: number; w: number; h: number } | undefined;
  paragraphs: string[];
  node: XmlNode;
}

export interface SlideInfo {
  /** 1-based. */
  number: number;
  xml: string;
  /** The slide layout's name: the master it was made from ("BRIEFKIT_CONTENT"). */
  layout: string;
  title: string;
  shapes: ShapeInfo[];
  /** All paragraph text of the slide, in order. */
  text: string[];
  notes: string;
  /** Chart parts the slide uses: "ppt/charts/chart1.xml". */
  charts: string[];
  /** External hyperlink targets. */
  links: string[];
}

export interface PptxInfo {
  zip: JSZip;
  /** Entry names in the order they are stored. */
  entries: string[];
  slides: SlideInfo[];
  core: Record<string, string>;
  app: Record<string, string>;
}

const EMU_PER_INCH = 914_400;

export async function readPptx(buffer: Uint8Array): Promise<PptxInfo> {
  const zip = await JSZip.loadAsync(buffer);
  const entries = Object.keys(zip.files);
  const read = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`Part missing from the package: ${name}`);
    return file.async('string');
  };
  const slideNames = entries
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => slideIndex(a) - slideIndex(b));
  const slides: SlideInfo[] = [];
  for (const name of slideNames) {
    const number = slideIndex(name);
    const xml = await read(name);
    const rels = relationships(await read(`ppt/slides/_rels/slide${number}.xml.rels`));
    const layoutTarget = rels.find((r) => r.type.endsWith('/slideLayout'))?.target ?? '';
    const layoutXml = await read(resolvePart('ppt/slides', layoutTarget));
    const layout = attr(findAll(parseXml(layoutXml), 'p:cSld')[0]!, 'name') ?? '';
    const notesTarget = rels.find((r) => r.type.endsWith('/notesSlide'))?.target;
    const notes = notesTarget ? notesText(await read(resolvePart('ppt/slides', notesTarget))) : '';
    const tree = parseXml(xml);
    const shapes = shapesOf(tree);
    slides.push({
      number,
      xml,
      layout,
      title: shapes.find((s) => s.placeholder === 'title')?.paragraphs.join('\n') ?? '',
      shapes,
      text: paragraphsOf(tree),
      notes,
      charts: rels.filter((r) => r.type.endsWith('/chart')).map((r) => resolvePart('ppt/slides', r.target)),
      links: rels.filter((r) => r.type.endsWith('/hyperlink')).map((r) => r.target),
    });
  }
  return {
    zip,
    entries,
    slides,
    core: flatProperties(await read('docProps/core.xml')),
    app: flatProperties(await read('docProps/app.xml')),
  };
}

function slideIndex(name: string): number {
  return Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/');
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/').replace(/^\//, '');
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(xml: string): Relationship[] {
  return findAll(parseXml(xml), 'Relationship').map((node) => ({
    id: attr(node, 'Id') ?? '',
    type: attr(node, 'Type') ?? '',
    target: attr(node, 'Target') ?? '',
  }));
}

function shapesOf(tree: XmlNode[]): ShapeInfo[] {
  const spTree = findAll(tree, 'p:spTree')[0];
  if (!spTree) return [];
  return childrenOf(spTree)
    .filter((node) => ['p:sp', 'p:pic', 'p:graphicFrame'].includes(tagOf(node)))
    .map((node) => {
      const cNvPr = findAll([node], 'p:cNvPr')[0];
      const ph = findAll([node], 'p:ph')[0];
      const off = findAll([node], 'a:off')[0];
      const ext = findAll([node], 'a:ext').find((e) => attr(e, 'cx') !== undefined);
      return {
        kind: shapeKind(node),
        name: (cNvPr && attr(cNvPr, 'name')) ?? '',
        descr: cNvPr ? attr(cNvPr, 'descr') : undefined,
        placeholder: ph ? (attr(ph, 'type') ?? 'body') : undefined,
        box:
          off && ext
            ? {
                x: Number(attr(off, 'x')) / EMU_PER_INCH,
                y: Number(attr(off, 'y')) / EMU_PER_INCH,
                w: Number(attr(ext, 'cx')) / EMU_PER_INCH,
                h: Number(attr(ext, 'cy')) / EMU_PER_INCH,
              }
            : undefined,
        paragraphs: paragraphsOf([node]),
        node,
      };
    });
}

function shapeKind(node: XmlNode): ShapeInfo['kind'] {
  const tag = tagOf(node);
  if (tag === 'p:sp') return 'sp';
  if (tag === 'p:pic') return 'pic';
  return findAll([node], 'c:chart').length > 0 ? 'chart' : 'table';
}

function notesText(xml: string): string {
  const tree = parseXml(xml);
  const body = findAll(tree, 'p:sp').find((sp) =>
    findAll([sp], 'p:ph').some((ph) => attr(ph, 'type') === 'body'),
  );
  return body ? paragraphsOf([body]).join('\n') : '';
}

/** docProps/core.xml or app.xml as tag → text ("dc:title" → "…"). */
function flatProperties(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const root = parseXml(xml).find((node) => tagOf(node).endsWith('Properties'));
  for (const child of root ? childrenOf(root) : []) {
    const tag = tagOf(child);
    if (tag && tag !== '#text')
      out[tag] = childrenOf(child)
        .map((c) => String(c['#text'] ?? ''))
        .join('');
  }
  return out;
}

export interface ChartSeries {
  name: string;
  categories: string[];
  values: number[];
  /** Number format of the cached values. */
  formatCode: string | undefined;
  /** Fill colour of the series, or one per data point when they vary. */
  colors: string[];
}

export interface ChartInfo {
  /** "barChart", "lineChart", "doughnutChart", ... */
  type: string;
  barDir: string | undefined;
  grouping: string | undefined;
  title: string;
  series: ChartSeries[];
  dataLabelFormats: string[];
  valueAxisFormat: string | undefined;
  showValue: boolean;
}

export async function readChart(pptx: PptxInfo, part: string): Promise<ChartInfo> {
  const xml = await pptx.zip.file(part)!.async('string');
  const tree = parseXml(xml);
  const plot = findAll(tree, 'c:plotArea')[0]!;
  const chart = childrenOf(plot).find((node) => tagOf(node).endsWith('Chart'))!;
  const val = (tag: string): string | undefined => {
    const node = findAll([chart], tag)[0];
    return node ? attr(node, 'val') : undefined;
  };
  const cacheValues = (node: XmlNode | undefined): string[] =>
    node ? findAll([node], 'c:pt').map((pt) => textOfTag(pt, 'c:v')) : [];
  const series = findAll([chart], 'c:ser').map((ser) => {
    const cat = findAll([ser], 'c:cat')[0];
    const values = findAll([ser], 'c:val')[0];
    const formatNode = values ? findAll([values], 'c:formatCode')[0] : undefined;
    const fills = findAll([ser], 'c:dPt').map((dPt) => attr(findAll([dPt], 'a:srgbClr')[0]!, 'val') ?? '');
    const seriesFill = childrenOf(ser).find((node) => tagOf(node) === 'c:spPr');
    const own = seriesFill ? findAll([seriesFill], 'a:srgbClr')[0] : undefined;
    return {
      name: textOf(findAll([ser], 'c:tx')) || textOfTag(findAll([ser], 'c:tx')[0] ?? {}, 'c:v'),
      categories: cacheValues(cat),
      values: cacheValues(values).map(Number),
      formatCode: formatNode
        ? childrenOf(formatNode)
            .map((c) => String(c['#text'] ?? ''))
            .join('')
        : undefined,
      colors: fills.length > 0 ? fills : own ? [attr(own, 'val') ?? ''] : [],
    };
  });
  const valAx = findAll(tree, 'c:valAx')[0];
  const valAxFormat = valAx ? childrenOf(valAx).find((node) => tagOf(node) === 'c:numFmt') : undefined;
  const title = findAll(tree, 'c:title')[0];
  return {
    type: tagOf(chart).replace(/^c:/, ''),
    barDir: val('c:barDir'),
    grouping: val('c:grouping'),
    title: title ? textOf([title]) : '',
    series,
    dataLabelFormats: findAll([chart], 'c:dLbls').flatMap((d) =>
      childrenOf(d)
        .filter((node) => tagOf(node) === 'c:numFmt')
        .map((node) => attr(node, 'formatCode') ?? ''),
    ),
    valueAxisFormat: valAxFormat ? attr(valAxFormat, 'formatCode') : undefined,
    showValue: findAll([chart], 'c:showVal').some((node) => attr(node, 'val') === '1'),
  };
}

function textOfTag(node: XmlNode, tag: string): string {
  return findAll([node], tag)
    .map((n) =>
      childrenOf(n)
        .map((c) => String(c['#text'] ?? ''))
        .join(''),
    )
    .join('');
}

export interface ZipEntryHeader {
  name: string;
  /** 0 stored, 8 DEFLATE. */
  method: number;
  /** MS-DOS date and time fields, as stored. */
  dosDate: number;
  dosTime: number;
}

/** The zip's central directory, read byte by byte: what a zip reader sees, in stored order. */
export function zipEntryHeaders(buffer: Buffer): ZipEntryHeader[] {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('Not a zip file: no end of central directory record.');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const headers: ZipEntryHeader[] = [];
  for (let i = 0; i < count; i += 1) {
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    headers.push({
      method: buffer.readUInt16LE(offset + 10),
      dosTime: buffer.readUInt16LE(offset + 12),
      dosDate: buffer.readUInt16LE(offset + 14),
      name: buffer.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return headers;
}
