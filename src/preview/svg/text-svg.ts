import type { RunLook, TextParagraph } from '../../render/pptx/text/paragraph.js';
import { bulletIndent, bulletStep, wrapParagraph } from '../../render/pptx/text/paragraph.js';
import type { TextMeasurer } from '../../render/pptx/text/measure.js';
import type { Run } from '../../render/pptx/text/runs.js';
import { escapeXml, fontFamily, num } from './svg-text.js';

/** Where a line's baseline sits in its exact line pitch, as PowerPoint sets "Exactly" spacing. */
const BASELINE = 0.8;

export interface TextArea {
  /** Points. */
  x: number;
  y: number;
  w: number;
  h: number;
  valign: 'top' | 'middle' | 'bottom';
}

/**
 * Paragraphs set as the deck sets them: the same word wrap (the layout's measurer, so
 * the lines break where the fitter counted them), exact line pitch, hanging bullets,
 * space after each paragraph, no insets.
 */
export function paragraphsSvg(
  paragraphs: readonly TextParagraph[],
  look: RunLook,
  area: TextArea,
  measure: TextMeasurer,
): string {
  const laid = paragraphs.map((paragraph) => {
    const lines = paragraph.runs.length > 0 ? wrapParagraph(paragraph, area.w, measure) : [];
    return { paragraph, lines: lines.length > 0 ? lines : [{ runs: [], joiner: 'none' as const }] };
  });
  const height = laid.reduce(
    (sum, { paragraph, lines }, index) =>
      sum + lines.length * paragraph.lineHeight + (index < laid.length - 1 ? paragraph.spaceAfter : 0),
    0,
  );
  let y =
    area.valign === 'bottom'
      ? area.y + area.h - height
      : area.valign === 'middle'
        ? area.y + (area.h - height) / 2
        : area.y;
  const out: string[] = [];
  for (const { paragraph, lines } of laid) {
    const indent = bulletIndent(paragraph);
    if (paragraph.bullet) {
      const mark = paragraph.bullet.type === 'number' ? `${paragraph.bullet.start}.` : '•';
      const bx = area.x + indent - bulletStep(paragraph);
      out.push(lineSvg([plainRun(mark)], paragraph, look, bx, y + paragraph.lineHeight * BASELINE, 'left'));
    }
    for (const line of lines) {
      const align = paragraph.align ?? 'left';
      const x =
        align === 'left'
          ? area.x + indent
          : align === 'right'
            ? area.x + area.w
            : area.x + indent + (area.w - indent) / 2;
      out.push(lineSvg(line.runs, paragraph, look, x, y + paragraph.lineHeight * BASELINE, align));
      y += paragraph.lineHeight;
    }
    y += paragraph.spaceAfter;
  }
  return out.join('');
}

function plainRun(text: string): Run {
  return { text, bold: false, italic: false, code: false, superscript: false, breakBefore: false };
}

function lineSvg(
  runs: readonly Run[],
  paragraph: TextParagraph,
  look: RunLook,
  x: number,
  baseline: number,
  align: 'left' | 'center' | 'right',
): string {
  if (runs.length === 0) return '';
  const anchor = align === 'left' ? '' : ` text-anchor="${align === 'right' ? 'end' : 'middle'}"`;
  const spans = runs.map((run) => runSvg(run, paragraph, look)).join('');
  return `<text x="${num(x)}" y="${num(baseline)}" font-family="${escapeXml(fontFamily(look.font))}" font-size="${num(
    paragraph.size,
  )}" fill="#${paragraph.color}"${anchor} xml:space="preserve">${spans}</text>`;
}

function runSvg(run: Run, paragraph: TextParagraph, look: RunLook): string {
  const attrs: string[] = [];
  if (run.bold || paragraph.bold) attrs.push('font-weight="bold"');
  if (run.italic || paragraph.italic) attrs.push('font-style="italic"');
  if (run.code) attrs.push(`font-family="${escapeXml(fontFamily(look.font, true))}"`);
  if (run.superscript) attrs.push(`baseline-shift="super" font-size="${num(paragraph.size * 0.65)}"`);
  if (run.href) attrs.push(`fill="#${look.linkColor}" text-decoration="underline"`);
  const span = `<tspan ${attrs.join(' ')}>${escapeXml(run.text)}</tspan>`;
  return run.href
    ? `<a href="${escapeXml(run.href)}" target="_blank" rel="noopener noreferrer">${span}</a>`
    : span;
}

/** One string in one style: the quotation mark, the footer, the slide number. */
export function labelSvg(
  text: string,
  style: { font: string; size: number; color: string; bold?: boolean },
  area: TextArea,
  align: 'left' | 'right' = 'left',
): string {
  const baseline =
    area.valign === 'middle'
      ? area.y + area.h / 2 + style.size * 0.35
      : area.valign === 'bottom'
        ? area.y + area.h - style.size * 0.25
        : area.y + style.size * 0.95;
  const x = align === 'right' ? area.x + area.w : area.x;
  return `<text x="${num(x)}" y="${num(baseline)}" font-family="${escapeXml(fontFamily(style.font))}" font-size="${num(
    style.size,
  )}" fill="#${style.color}"${style.bold ? ' font-weight="bold"' : ''}${
    align === 'right' ? ' text-anchor="end"' : ''
  } xml:space="preserve">${escapeXml(text)}</text>`;
}
