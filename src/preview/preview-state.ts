import type { BuildResult } from '../build/build.js';
import { toErrorReports } from '../build/build-report.js';
import { formatProblem, type Problem } from '../errors.js';
import { plainText } from '../document/plain-text.js';
import type { TextMeasurer } from '../render/pptx/text/measure.js';
import { slideSvg } from './svg/slide-svg.js';

/** One slide as the page shows it. */
export interface PreviewSlide {
  svg: string;
  notes: string;
  /** The IR slide it was laid out from, and its title (for linking sections). */
  source: number;
  title: string;
  continuation: number;
  /** Differs from the slide at the same position in the previous good build. */
  changed: boolean;
}

export interface PreviewProblem {
  /** `file:line:col  path  message  (expected …)`, as the CLI prints it. */
  text: string;
  file?: string;
  line?: number;
  column?: number;
}

/** What the page reads from /api/state: the last good outputs and the latest build's outcome. */
export interface PreviewState {
  /** Bumped on every build, good or bad; the page fetches when it changes. */
  version: number;
  /** Bumped on every good build: the outputs' cache key. */
  outputVersion: number;
  status: 'building' | 'ok' | 'failed';
  name: string;
  /** Milliseconds per stage of the latest good build. */
  timings: Record<string, number>;
  problems: PreviewProblem[];
  warnings: string[];
  outputs: { pdf?: string; pptx?: string; manifest?: string };
  slides: PreviewSlide[];
}

/** The outputs of the last good build, served as they are. */
export interface PreviewOutputs {
  pdf?: Buffer;
  pptx?: Buffer;
  manifest: string;
}

/** Turns a good build into the page's slides and the outputs to serve. */
export function goodBuild(
  result: BuildResult,
  measure: TextMeasurer,
  previous: readonly PreviewSlide[],
): { slides: PreviewSlide[]; outputs: PreviewOutputs } {
  const model = result.result.deckModel;
  const deck = result.result.deck;
  const slides = (model?.slides ?? []).map((slide, index): PreviewSlide => {
    const svg = slideSvg(slide, index, { model: model!, assets: result.result.assets, measure });
    const ir = deck.slides[slide.source];
    return {
      svg,
      notes: slide.notes,
      source: slide.source,
      title: ir ? plainText(ir.title).trim() : '',
      continuation: slide.continuation,
      changed: previous.length > 0 && previous[index]?.svg !== svg,
    };
  });
  return {
    slides,
    outputs: {
      ...(result.pdf && { pdf: result.pdf }),
      ...(result.pptx && { pptx: result.pptx }),
      manifest: `${JSON.stringify(result.manifest, null, 2)}\n`,
    },
  };
}

export function problemsOf(error: unknown): PreviewProblem[] {
  return toErrorReports(error).map((problem) => located(problem));
}

export function located(problem: Problem): PreviewProblem {
  return {
    text: formatProblem(problem),
    ...(problem.file !== undefined && { file: problem.file }),
    ...(problem.line !== undefined && { line: problem.line }),
    ...(problem.column !== undefined && { column: problem.column }),
  };
}
