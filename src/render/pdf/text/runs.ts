import { assertNever } from '../../../errors.js';
import { isSafeHref } from '../../../document/links.js';
import type { Inline } from '../../../document/types.js';
import { combineFace } from '../fonts.js';
import type { FaceName, FontRole } from '../fonts.js';
import type { LayoutContext } from '../types.js';

/**
 * A link target; one object per link node, so the pieces of one link can be recognised.
 * `description` is what a screen reader announces (the annotation's /Contents): where the
 * link goes, "Source 3: World Bank. …", rather than its text ("3").
 */
export type LinkTarget =
  | { kind: 'uri'; uri: string; description?: string }
  | { kind: 'destination'; name: string; description?: string };

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
    const link: LinkTarget | undefined = name
      ? { kind: 'destination', name, description: sourceDescription(ctx, number) }
      : undefined;
    push(String(number), { ...style, superscript: true, underline: false, color, ...(link ? { link } : {}) });
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

/** "Source 3: Reuters. Talks end. 26 February 2026.": the source's short entry, numbered. */
function sourceDescription(ctx: LayoutContext, number: number): string {
  const source = ctx.sources.find((s) => s.number === number);
  const entry = source ? source.brief.map((run) => run.text).join('') : '';
  return `${ctx.meta.labels.source} ${number}${entry ? `: ${entry}` : ''}`;
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
