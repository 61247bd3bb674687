import { isSafeHref } from '../../../document/links.js';
import type { Inline } from '../../../document/types.js';
import { assertNever } from '../../../errors.js';

/** A span of text with one look: the unit both measuring and pptxgenjs work in. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  superscript: boolean;
  /** Safe link target (http, https or mailto). */
  href?: string;
  /** A line break inside the paragraph comes before this run. */
  breakBefore: boolean;
  /** The source number, when this run is a citation mark. */
  citation?: number;
}

interface RunStyle {
  bold: boolean;
  italic: boolean;
  href?: string;
}

const PLAIN: RunStyle = { bold: false, italic: false };

/** Inlines → runs: bold/italic/links inherited, citations as superscript numbers. */
export function inlinesToRuns(inlines: readonly Inline[], style: RunStyle = PLAIN): Run[] {
  const runs: Run[] = [];
  let pendingBreak = false;
  const push = (run: Omit<Run, 'breakBefore'>): void => {
    runs.push({ ...run, breakBefore: pendingBreak });
    pendingBreak = false;
  };
  const walk = (nodes: readonly Inline[], current: RunStyle): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          push(textRun(node.text, current));
          break;
        case 'strong':
          walk(node.children, { ...current, bold: true });
          break;
        case 'emphasis':
          walk(node.children, { ...current, italic: true });
          break;
        case 'code':
          push({ ...textRun(node.text, current), code: true });
          break;
        case 'link':
          walk(node.children, isSafeHref(node.href) ? { ...current, href: node.href.trim() } : current);
          break;
        case 'break':
          pendingBreak = runs.length > 0;
          break;
        case 'figure':
          push(textRun(node.text, current));
          for (const number of node.marks) pushCitation(runs, number, push);
          break;
        case 'citation':
          pushCitation(runs, node.number, push);
          break;
        default:
          assertNever(node, 'inline');
      }
    }
  };
  walk(inlines, style);
  return runs;
}

function textRun(text: string, style: RunStyle): Omit<Run, 'breakBefore'> {
  return {
    text,
    bold: style.bold,
    italic: style.italic,
    code: false,
    superscript: false,
    ...(style.href ? { href: style.href } : {}),
  };
}

/** Adjacent citations read "1,2", like the report's footnote marks. */
function pushCitation(runs: Run[], number: number, push: (run: Omit<Run, 'breakBefore'>) => void): void {
  const previous = runs.at(-1);
  const text = previous?.superscript ? `,${number}` : String(number);
  push({ text, bold: false, italic: false, code: false, superscript: true, citation: number });
}

/** Citation numbers marked in some runs. */
export function citationsOfRuns(runs: readonly Run[], into: Set<number> = new Set()): Set<number> {
  for (const run of runs) if (run.citation !== undefined) into.add(run.citation);
  return into;
}

/** Citation numbers used in some inlines, in order of first use. */
export function citationsOf(inlines: readonly Inline[], into: Set<number> = new Set()): Set<number> {
  for (const node of inlines) {
    if (node.type === 'citation') into.add(node.number);
    else if (node.type === 'figure') node.marks.forEach((n) => into.add(n));
    else if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'link') {
      citationsOf(node.children, into);
    }
  }
  return into;
}

/** A run of plain text: no marks, no citation. */
export function plainRun(text: string): Run {
  return { text, bold: false, italic: false, code: false, superscript: false, breakBefore: false };
}
