import { childElements, element, findElements, type XmlElement, type XmlNode } from './xml-tree.js';

/**
 * Putting the children of an element into the order its ISO/IEC 29500 complex type fixes
 * (an xsd:sequence), dropping the ones the type does not allow and capping repeated ones.
 * PowerPoint refuses out-of-order children ("PowerPoint found a problem with content…"),
 * LibreOffice does not, so these slips only show in PowerPoint.
 */
export interface SequenceRule {
  /** The schema type the rule restores, for the comment trail: "CT_BarSer (21.2.2.170)". */
  type: string;
  /** Child element names in schema order. */
  sequence: readonly string[];
  /** Most occurrences allowed, where the schema caps a repeated child. */
  max?: Readonly<Record<string, number>>;
  /** Children pptxgenjs writes that the type does not allow. */
  drop?: readonly string[];
}

/**
 * Reorders `el`'s children by `rule` (stable for equal names). Whitespace between the
 * children is dropped: these types have element-only content. A child the rule does not
 * know is kept after the known ones, so the conformance test still sees it.
 */
export function applySequence(el: XmlElement, rule: SequenceRule): void {
  const rank = (name: string): number => {
    const index = rule.sequence.indexOf(name);
    return index === -1 ? rule.sequence.length : index;
  };
  const seen = new Map<string, number>();
  const kept = childElements(el).filter((child) => {
    if (rule.drop?.includes(child.name)) return false;
    const count = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, count);
    return count <= (rule.max?.[child.name] ?? Infinity);
  });
  el.children = kept
    .map((child, index) => ({ child, index }))
    .sort((a, b) => rank(a.child.name) - rank(b.child.name) || a.index - b.index)
    .map(({ child }) => child);
}

/** Applies `rule` to every element named `name` in the tree. */
export function applySequenceTo(nodes: readonly XmlNode[], name: string, rule: SequenceRule): void {
  for (const el of findElements(nodes, name)) applySequence(el, rule);
}

/** Adds `markup` as a child of `el` unless a child of that name exists (a required element). */
export function ensureChild(el: XmlElement, markup: string): void {
  const child = element(markup);
  if (!childElements(el).some((c) => c.name === child.name)) el.children.unshift(child);
}
