import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF back with pdfjs-dist, as a reader would see it: text per page with
 * positions (top-down, in points), lines, links, the outline and the metadata.
 */

export interface PdfTextItem {
  text: string;
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  fontSize: number;
  width: number;
}

export interface PdfLine {
  text: string;
  x: number;
  y: number;
  fontSize: number;
  items: PdfTextItem[];
}

export interface PdfLink {
  url?: string;
  /** Named destination of an internal link. */
  dest?: string;
  /** 1-based page the internal link lands on. */
  targetPage?: number;
  /** [x1, y1, x2, y2], top-down. */
  rect: [number, number, number, number];
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  lines: PdfLine[];
  links: PdfLink[];
  imageCount: number;
}

export interface PdfOutlineItem {
  title: string;
  level: number;
  /** 1-based page the bookmark lands on. */
  page: number;
}

export interface ReadPdf {
  pages: PdfPage[];
  outline: PdfOutlineItem[];
  info: Record<string, unknown>;
  xmp: Map<string, unknown>;
  marked: boolean;
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
]);

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdfjs takes ownership of the buffer, so give it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) pages.push(await readPage(pdf, number));
    const meta = await pdf.getMetadata();
    const xmp = new Map<string, unknown>(
      meta.metadata ? [...(meta.metadata as Iterable<[string, unknown]>)] : [],
    );
    const markInfo = await pdf.getMarkInfo();
    return {
      pages,
      outline: await readOutline(pdf),
      info: meta.info as Record<string, unknown>,
      xmp,
      marked: Boolean(markInfo?.Marked),
    };
  } finally {
    await pdf.destroy();
  }
}

async function readPage(pdf: PdfDocument, number: number): Promise<PdfPage> {
  const page = await pdf.getPage(number);
  const [, , width, height] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, , , e, f] = item.transform as number[];
    items.push({
      text: item.str,
      x: e ?? 0,
      y: height - (f ?? 0),
      fontSize: Math.hypot(a ?? 0, b ?? 0),
      width: item.width,
    });
  }
  const links: PdfLink[] = [];
  for (const annotation of await page.getAnnotations()) {
    if (annotation.subtype !== 'Link') continue;
    const [x1, y1, x2, y2] = annotation.rect as number[];
    const link: PdfLink = { rect: [x1 ?? 0, height - (y2 ?? 0), x2 ?? 0, height - (y1 ?? 0)] };
    if (annotation.url) link.url = annotation.url;
    if (typeof annotation.dest === 'string') {
      link.dest = annotation.dest;
      link.targetPage = await destinationPage(pdf, annotation.dest);
    }
    links.push(link);
  }
  const operators = await page.getOperatorList();
  const imageCount = operators.fnArray.filter((op) => IMAGE_OPS.has(op)).length;
  return { number, width, height, items, lines: groupLines(items), links, imageCount };
}

/**
 * Groups items into visual lines. Items are taken largest type first, so a raised
 * citation number joins the line of the text it belongs to.
 */
export function groupLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const item of [...items].sort((a, b) => b.fontSize - a.fontSize)) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < 0.45 * l.fontSize && item.y <= l.y + 1);
    if (line) line.items.push(item);
    else lines.push({ text: '', x: item.x, y: item.y, fontSize: item.fontSize, items: [item] });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.x = line.items[0]?.x ?? line.x;
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of line.items) {
      const gap = item.x - end;
      text +=
        text && gap > 1.5 && !text.endsWith(' ') && !item.text.startsWith(' ') ? ` ${item.text}` : item.text;
      end = item.x + item.width;
    }
    line.text = text.replace(/\s+/g, ' ').trim();
  }
  return lines.sort((a, b) => a.y - b.y || a.x - b.x);
}

async function destinationPage(pdf: PdfDocument, dest: string | unknown[]): Promise<number | undefined> {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
  const ref = explicit?.[0];
  if (!ref || typeof ref !== 'object') return undefined;
  return (await pdf.getPageIndex(ref as { num: number; gen: number })) + 1;
}

async function readOutline(pdf: PdfDocument): Promise<PdfOutlineItem[]> {
  const result: PdfOutlineItem[] = [];
  const walk = async (
    nodes: Awaited<ReturnType<PdfDocument['getOutline']>>,
    level: number,
  ): Promise<void> => {
    for (const node of nodes ?? []) {
      const page = node.dest ? await destinationPage(pdf, node.dest as string | unknown[]) : undefined;
      result.push({ title: node.title, level, page: page ?? 0 });
      await walk(node.items, level + 1);
    }
  };
  await walk(await pdf.getOutline(), 1);
  return result;
}
