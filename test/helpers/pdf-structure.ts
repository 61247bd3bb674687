import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a tagged PDF's structure back with pdfjs-dist, page by page: the structure
 * tree with each marked-content item's text, the order content is drawn in, what is
 * drawn outside any marked content, and the link annotations with their /Contents.
 */

export type StructItem =
  | { kind: 'element'; role: string; children: StructItem[] }
  | { kind: 'content'; mcid: number; text: string }
  | { kind: 'annotation'; id: string };

export interface StructLink {
  /** The annotation's /Contents: what a screen reader announces. */
  contents: string;
  /** What the link shows on the page. */
  text: string;
  dest?: string;
  url?: string;
  /** [x1, y1, x2, y2] in PDF units. */
  rect: [number, number, number, number];
}

export interface StructPage {
  number: number;
  /** Children of the page's structure root, in structure (reading) order. */
  tree: StructItem[];
  /** Marked-content ids in the order the content stream draws them. */
  drawOrder: number[];
  /** Drawing operators found outside both tagged content and artifacts. */
  untagged: string[];
  links: StructLink[];
}

const OP_NAMES = Object.fromEntries(Object.entries(OPS).map(([name, code]) => [code, name])) as Record<
  number,
  string
>;

/** Operators that put marks on the page. */
const PAINTING = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.stroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.shadingFill,
  OPS.paintFormXObjectBegin,
]);

interface PdfjsStructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: PdfjsStructNode[];
}

export async function readStructure(bytes: Uint8Array): Promise<StructPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const pages: StructPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const texts = new Map<number, string>();
      let current: number | undefined;
      const content = await page.getTextContent({ includeMarkedContent: true });
      for (const item of content.items) {
        if ('type' in item) {
          current = item.type === 'beginMarkedContentProps' && item.id ? mcidOf(item.id) : undefined;
        } else if (current !== undefined) {
          texts.set(current, (texts.get(current) ?? '') + item.str);
        }
      }
      const ops = await page.getOperatorList();
      const drawOrder: number[] = [];
      const untagged: string[] = [];
      const open: ('tagged' | 'artifact' | 'other')[] = [];
      ops.fnArray.forEach((fn, index) => {
        const args = ops.argsArray[index] as unknown[];
        if (fn === OPS.beginMarkedContentProps) {
          const [tag, props] = args as [string, unknown];
          if (typeof props === 'number') drawOrder.push(props);
          open.push(typeof props === 'number' ? 'tagged' : tag === 'Artifact' ? 'artifact' : 'other');
        } else if (fn === OPS.beginMarkedContent) {
          open.push(args[0] === 'Artifact' ? 'artifact' : 'other');
        } else if (fn === OPS.endMarkedContent) {
          open.pop();
        } else {
          const painting = PAINTING.has(fn) || (fn === OPS.constructPath && PAINTING.has(args[0] as number));
          const marked = open.includes('tagged') || open.includes('artifact');
          if (painting && !marked) untagged.push(OP_NAMES[fn] ?? String(fn));
        }
      });
      const root = (await page.getStructTree()) as PdfjsStructNode | null;
      const convert = (node: PdfjsStructNode): StructItem => {
        if (node.type === 'content')
          return { kind: 'content', mcid: mcidOf(node.id!), text: texts.get(mcidOf(node.id!)) ?? '' };
        if (node.type === 'annotation' || node.type === 'object')
          return { kind: 'annotation', id: node.id ?? '' };
        return { kind: 'element', role: node.role ?? '', children: (node.children ?? []).map(convert) };
      };
      const links: StructLink[] = [];
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype !== 'Link') continue;
        links.push({
          contents: (annotation.contentsObj as { str?: string } | undefined)?.str ?? '',
          text: (annotation.overlaidText as string | undefined) ?? '',
          ...(typeof annotation.dest === 'string' ? { dest: annotation.dest } : {}),
          ...(annotation.url ? { url: annotation.url as string } : {}),
          rect: annotation.rect as [number, number, number, number],
        });
      }
      pages.push({ number, tree: (root?.children ?? []).map(convert), drawOrder, untagged, links });
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

function mcidOf(id: string): number {
  return Number(/_mc(\d+)$/.exec(id)?.[1] ?? Number.NaN);
}

/** Marked-content ids in structure-tree order (depth first). */
export function structureOrder(items: readonly StructItem[]): number[] {
  return items.flatMap((item) =>
    item.kind === 'content' ? [item.mcid] : item.kind === 'element' ? structureOrder(item.children) : [],
  );
}

/** Every element, depth first, with its text (its contents joined by spaces, one space a gap). */
export function elements(items: readonly StructItem[]): { role: string; text: string; path: string[] }[] {
  const found: { role: string; text: string; path: string[] }[] = [];
  const textOf = (item: StructItem): string =>
    item.kind === 'content' ? item.text : item.kind === 'element' ? item.children.map(textOf).join(' ') : '';
  const walk = (list: readonly StructItem[], path: string[]): void =>
    list.forEach((item) => {
      if (item.kind !== 'element') return;
      found.push({ role: item.role, text: textOf(item).replace(/\s+/g, ' ').trim(), path });
      walk(item.children, [...path, item.role]);
    });
  walk(items, []);
  return found;
}
