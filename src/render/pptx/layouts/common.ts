import type { Inline, Slide } from '../../../document/types.js';
import { assertNever } from '../../../errors.js';
import type { FlowItem } from '../blocks/flow-items.js';
import type { FlowPage } from '../blocks/flow.js';
import { sourceLine } from '../../../document/source-lines.js';
import { SOURCE_BOX, TITLE_BOX, toPoints } from '../geometry.js';
import { TITLE_PLACEHOLDER } from '../masters.js';
import { fitNote, fitText, type FitStep } from '../text/fit.js';
import type { RunLook } from '../text/paragraph.js';
import { addFittedSourceLine } from '../text/fitted-text.js';
import { plainText } from '../../../document/plain-text.js';
import { citationsOf, citationsOfRuns, inlinesToRuns, type Run } from '../text/runs.js';
import type { SlideModel } from '../slide-model.js';
import type { Box, DeckContext } from '../types.js';

/** Title sizes: one line from 28 pt down to 22 pt, then two lines down to 20 pt, then three at 18 pt. */
export function titleSteps(max: number): FitStep[] {
  const steps: FitStep[] = [];
  for (let size = max; size >= Math.min(22, max); size -= 2) steps.push({ size, lines: 1 });
  for (let size = max - 2; size >= 20; size -= 2) steps.push({ size, lines: 2 });
  steps.push({ size: 20, lines: 2 }, { size: 18, lines: 3 });
  return steps;
}

export const TITLE_PITCH = 1.1;

export interface TitleOptions {
  box?: Box;
  steps?: FitStep[];
  color?: string;
  /** Continuation slides say so: "Title (cont.)". */
  cont?: boolean;
}

/** Puts the slide title, fitted to its box, into the master's title placeholder. */
export function addTitle(
  slide: SlideModel,
  title: readonly Inline[],
  ctx: DeckContext,
  options: TitleOptions = {},
): void {
  const box = options.box ?? TITLE_BOX;
  const runs: Run[] = inlinesToRuns(title);
  if (options.cont) runs.push(contRun(ctx));
  if (runs.every((run) => run.text.trim() === '')) return;
  const steps = options.steps ?? titleSteps(ctx.theme.deck.titleSize);
  const fit = fitText(runs, ctx.measure, {
    steps,
    pitch: TITLE_PITCH,
    width: toPoints(box.w),
    height: toPoints(box.h),
    bold: true,
  });
  const paragraph = {
    runs: fit.runs,
    size: fit.size,
    lineHeight: Math.round(fit.lineHeight * 10) / 10,
    spaceAfter: 0,
    color: options.color ?? ctx.colors.primary,
    bold: true,
    level: 0,
  };
  slide.elements.push({
    kind: 'text',
    box,
    paragraphs: [paragraph],
    look: look(ctx, ctx.fonts.heading),
    valign: 'bottom',
    placeholder: TITLE_PLACEHOLDER,
    fit: fitNote(fit, steps),
  });
}

function contRun(ctx: DeckContext): Run {
  const label = ctx.meta.labels.cont.trim();
  const text = label.startsWith('(') ? ` ${label}` : ` (${label})`;
  return { text, bold: true, italic: false, code: false, superscript: false, breakBefore: false };
}

export function look(ctx: DeckContext, font = ctx.fonts.body): RunLook {
  return { font, lang: ctx.meta.lang, linkColor: ctx.colors.primary };
}

export const SOURCE_SIZE = 10;

/**
 * "Sources: Reuters [1]; AP [2]" at the foot of the slide, in the document's one wording;
 * shortened to fit by cutting names, never the numbers.
 */
export function addSourceLine(
  slide: SlideModel,
  numbers: Iterable<number>,
  ctx: DeckContext,
  options: { box?: Box; color?: string } = {},
): void {
  const box = options.box ?? SOURCE_BOX;
  const names = new Map(ctx.sources.map((source) => [source.number, source.label]));
  const line = sourceLine(numbers, names, ctx.meta.labels);
  if (line.entries.length === 0) return;
  addFittedSourceLine(slide, line, box, ctx, {
    steps: [
      { size: SOURCE_SIZE, lines: 2 },
      { size: SOURCE_SIZE - 1, lines: 2 },
      { size: SOURCE_SIZE - 2, lines: 2 },
    ],
    color: options.color ?? ctx.colors.muted,
    valign: 'bottom',
  });
}

/** Speaker notes: the slide's own, else its title; continuation slides say they continue. */
export function notesFor(slide: Slide, ctx: DeckContext, cont = false): string {
  const own = slide.notes.map((note) => note.trim()).filter((note) => note !== '');
  const text = own.length > 0 ? own.join('\n\n') : plainText(slide.title).trim();
  if (!cont) return text;
  const label = ctx.meta.labels.cont.trim();
  return `(${label.replace(/^\(|\)$/g, '')}) ${text}`;
}

/** Citation numbers shown on one page of a slide, plus any in its title. */
export function pageCitations(
  slide: Slide,
  page: FlowPage | undefined,
  ctx: DeckContext,
  whole: boolean,
): Set<number> {
  const numbers = citationsOf(slide.title);
  if (whole) slide.citations.forEach((n) => numbers.add(n));
  for (const placement of page?.placements ?? []) itemCitations(placement.item, ctx, numbers);
  return numbers;
}

export function itemCitations(item: FlowItem, ctx: DeckContext, into: Set<number>): Set<number> {
  switch (item.kind) {
    case 'text':
      return citationsOfRuns(item.paragraph.runs, into);
    case 'table':
      [item.table.header, ...item.table.rows].forEach((row) =>
        row.forEach((cell) => citationsOfRuns(cell, into)),
      );
      item.table.sources.forEach((n) => into.add(n));
      return into;
    case 'chart':
    case 'image':
      item.block.citations.forEach((n) => into.add(n));
      return into;
    case 'key-figures':
      item.items.forEach((figure) => into.add(figure.citation));
      return into;
    case 'rule':
      return into;
    default:
      return assertNever(item, 'flow item');
  }
}
