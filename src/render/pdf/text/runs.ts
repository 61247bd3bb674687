import { assertNever } from '../../../errors.js';
import { isSafeHref } from '../../../document/links.js';
import type { Inline } from '../../../document/types.js';
import { combineFace } from '../fonts.js';
import type { FaceName, FontRole } from '../fonts.js';
import type { LayoutContext } from '../types.js';

/** A link target; one object per link node, so the pieces of one link can be recognised. */
export type LinkTarget = { kind: 'uri'; uri: string } | { kind: 'destination'; name: string };

export interface TextStyle {
  role: FontRole;
  face: FaceName;
  size: number;
  color: string;
  /** Citation numbers: smaller and raised above the baseline. */
  superscript: boolean;
  underline: boolean;
  link?: LinkTarget;
  /** Overrides for superscripts next to large type (key figures); default: in proportion to size. */
  superscriptSize?: number;
  superscriptRise?: number;
}

export type Run = { kind: 'text'; text: string; style: TextStyle } | { kind: 'break' };

/** Flattens inline nodes into styled runs, resolving links, figures and citations. */
export function toRuns(inlines: readonly Inline[], base: TextStyle, ctx: LayoutContext): Run[] {
  const runs: Run[] = [];
  const push = (text: string, style: TextStyle): void => {
    if (text !== '') runs.push({ kind: 'text', text, style });
  };
  const cite = (number: number, style: TextStyle): void => {
    const previous = runs.at(-1);
    // Adjacent citations read "1,2" rather than "12".
    if (previous?.kind === 'text' && previous.style.superscript) push(',', { ...style, superscript: true });
    const name = ctx.sourceDestination(number);
    const color = ctx.theme.colors.primary;
    push(String(number), {
      ...style,
      superscript: true,
      underline: false,
      color,
      ...(name ? { link: { kind: 'destination', name } as const } : {}),
    });
  };
  const walk = (nodes: readonly Inline[], style: TextStyle): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          push(node.text, style);
          break;
        case 'code':
          push(node.text, { ...style, color: ctx.theme.colors.muted });
          break;
        case 'strong':
          walk(node.children, { ...style, face: combineFace(style.face, 'bold') });
          break;
        case 'emphasis':
          walk(node.children, { ...style, face: combineFace(style.face, 'italic') });
          break;
        case 'link':
          walk(node.children, linkStyle(node.href, style, ctx));
          break;
        case 'break':
          runs.push({ kind: 'break' });
          break;
        case 'figure':
          push(node.text, style);
          for (const number of node.marks) cite(number, style);
          break;
        case 'citation':
          cite(node.number, style);
          break;
        default:
          assertNever(node, 'inline node');
      }
    }
  };
  walk(inlines, base);
  return runs;
}

function linkStyle(href: string, style: TextStyle, ctx: LayoutContext): TextStyle {
  if (!isSafeHref(href)) return style;
  return {
    ...style,
    color: ctx.theme.colors.primary,
    underline: true,
    link: { kind: 'uri', uri: href.trim() },
  };
}
