/** Structure types briefkit writes (ISO 32000-1, 14.8.4). */
export type StructRole =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'TOC'
  | 'TOCI'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Caption'
  | 'BlockQuote'
  | 'Link';

/** The heading role one level below `level` (H1 under the cover title, at most H4). */
export function subheadingRole(level: number): 'H2' | 'H3' | 'H4' {
  return level <= 1 ? 'H2' : level === 2 ? 'H3' : 'H4';
}

export interface StructOptions {
  /** Alternative text (figures). */
  alt?: string;
  /** Which cells a header cell heads. */
  scope?: 'Row' | 'Column' | 'Both';
  /** The text as it should be read, when it is printed otherwise (an upper-cased title). */
  actual?: string;
  /** Language of the content (the document root). */
  lang?: string;
}

/**
 * An element of the PDF's structure tree, as data: layout names it, the painter
 * creates the PDF element. A node knows its parent; children are ordered by when
 * the painter creates them, which is reading order.
 */
export interface StructNode {
  readonly role: StructRole;
  readonly parent?: StructNode;
  readonly options: StructOptions;
}

/**
 * Collects the structure nodes of block-level content in reading order. `add` declares
 * a node the painter creates before painting the pages (so a paragraph split over two
 * pages is one P, in document order); `local` makes a node that is created only where a
 * group box holding it is painted (a table row, a contents entry).
 */
export interface StructureBuilder {
  readonly declared: readonly StructNode[];
  add(parent: StructNode, role: StructRole, options?: StructOptions): StructNode;
  local(parent: StructNode, role: StructRole, options?: StructOptions): StructNode;
}

export function createStructure(): StructureBuilder {
  const declared: StructNode[] = [];
  return {
    declared,
    add(parent, role, options = {}) {
      const node = { role, parent, options };
      declared.push(node);
      return node;
    },
    local: (parent, role, options = {}) => ({ role, parent, options }),
  };
}

/** The root of the structure tree. */
export function documentNode(lang: string): StructNode {
  return { role: 'Document', options: { lang } };
}
