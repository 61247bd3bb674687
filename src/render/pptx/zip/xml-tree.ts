/**
 * A minimal, lossless XML tree for the parts pptxgenjs writes: enough to move, add and
 * drop child elements where ISO/IEC 29500 fixes their order, and to write the part
 * back byte for byte where nothing changed. Not a general XML parser: it expects the
 * well-formed, DTD-free XML a generator writes (comments, processing instructions and
 * CDATA are kept as opaque text).
 */

export interface XmlElement {
  kind: 'element';
  /** The qualified name, e.g. "c:ser". */
  name: string;
  /** The start tag as written, "<c:ser>" or "<c:axId val="1"/>". */
  open: string;
  children: XmlNode[];
  /** The end tag as written; empty for a self-closing element. */
  close: string;
}

export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

/** Parses a whole part into its top-level nodes (declaration, root element, whitespace). */
export function parseXml(xml: string): XmlNode[] {
  const root: XmlElement = { kind: 'element', name: '', open: '', children: [], close: '' };
  const stack: XmlElement[] = [root];
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const top = stack[stack.length - 1]!;
    if (lt === -1) {
      top.children.push({ kind: 'text', text: xml.slice(at) });
      break;
    }
    if (lt > at) top.children.push({ kind: 'text', text: xml.slice(at, lt) });
    const end = markupEnd(xml, lt);
    const markup = xml.slice(lt, end);
    at = end;
    if (markup.startsWith('<?') || markup.startsWith('<!')) {
      top.children.push({ kind: 'text', text: markup });
    } else if (markup.startsWith('</')) {
      if (stack.length === 1) throw new Error(`unbalanced end tag ${markup}`);
      stack.pop()!.close = markup;
    } else {
      const element: XmlElement = {
        kind: 'element',
        name: tagName(markup),
        open: markup,
        children: [],
        close: '',
      };
      top.children.push(element);
      if (!markup.endsWith('/>')) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed element <${stack[stack.length - 1]!.name}>`);
  return root.children;
}

export function serializeXml(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    out += node.kind === 'text' ? node.text : node.open + serializeXml(node.children) + node.close;
  }
  return out;
}

/** Every element named `name`, at any depth, in document order (outer before inner). */
export function findElements(nodes: readonly XmlNode[], name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (list: readonly XmlNode[]): void => {
    for (const node of list) {
      if (node.kind !== 'element') continue;
      if (node.name === name) found.push(node);
      visit(node.children);
    }
  };
  visit(nodes);
  return found;
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => child.kind === 'element');
}

/** Parses one element written as text, e.g. '<c:grouping val="standard"/>'. */
export function element(markup: string): XmlElement {
  const [node] = parseXml(markup);
  if (node?.kind !== 'element') throw new Error(`not an element: ${markup}`);
  return node;
}

/** The value of attribute `name` in a start tag, or undefined. */
export function attribute(el: XmlElement, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(/:/g, '\\:')}="([^"]*)"`).exec(el.open);
  return match?.[1];
}

/** Where the markup starting at `lt` ends: after its closing '>', quotes respected. */
function markupEnd(xml: string, lt: number): number {
  const delimited = (open: string, close: string): number | undefined => {
    if (!xml.startsWith(open, lt)) return undefined;
    const end = xml.indexOf(close, lt + open.length);
    if (end === -1) throw new Error(`unterminated ${open}`);
    return end + close.length;
  };
  const special = delimited('<!--', '-->') ?? delimited('<![CDATA[', ']]>') ?? delimited('<?', '?>');
  if (special !== undefined) return special;
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  throw new Error('unterminated tag');
}

function tagName(markup: string): string {
  return /^<([^\s/>]+)/.exec(markup)![1]!;
}
