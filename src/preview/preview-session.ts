import { resolveBuildDate } from '../build/build-date.js';
import { buildPlanned } from '../build/build.js';
import type { BuildOptions } from '../build/options.js';
import { outputName } from '../build/output-files.js';
import { planBuild } from '../build/plan.js';
import { writeOutputs } from '../build/write-outputs.js';
import { loadTextMeasurer } from '../render/pptx/text/measure.js';
import type { Theme } from '../theme/types.js';
import { goodBuild, located, problemsOf, type PreviewOutputs, type PreviewState } from './preview-state.js';

export interface PreviewSessionOptions {
  file: string;
  /** Build options as `build` takes them; a pinned `date` stays, else each rebuild is dated now. */
  options: BuildOptions;
  /** One line per build for the terminal. */
  log: (line: string) => void;
}

export interface PreviewSession {
  state(): PreviewState;
  outputs(): PreviewOutputs | undefined;
  /** The theme of the last good build: the page's fonts come from it. */
  theme(): Theme | undefined;
  /** Builds now (one build at a time: the watcher's queue serialises calls). */
  rebuild(changed: string[]): Promise<void>;
  /** Called after every build, good or bad. */
  subscribe(listener: (state: PreviewState) => void): () => void;
}

/**
 * The preview's build loop: the warm in-process path `watch` uses (caches stay hot),
 * writing the outputs to disk as `watch` does, and keeping the last good outputs and
 * slide model in memory for the page. A failed build keeps them and records its problems.
 */
export function createPreviewSession(options: PreviewSessionOptions): PreviewSession {
  const name = outputName(options.file);
  let state: PreviewState = {
    version: 0,
    outputVersion: 0,
    status: 'building',
    name,
    timings: {},
    problems: [],
    warnings: [],
    outputs: {},
    slides: [],
  };
  let outputs: PreviewOutputs | undefined;
  let theme: Theme | undefined;
  const listeners = new Set<(state: PreviewState) => void>();
  const publish = (next: PreviewState): void => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  const rebuild = async (): Promise<void> => {
    publish({ ...state, status: 'building' });
    const started = performance.now();
    try {
      const dated =
        options.options.date !== undefined
          ? options.options
          : { ...options.options, now: resolveBuildDate(undefined, {}) };
      // The page shows both outputs, whatever the config's formats say.
      const plan = await planBuild(options.file, { ...dated, formats: ['pdf', 'pptx'] });
      const { settings } = plan;
      const result = await buildPlanned(plan);
      const writeStart = performance.now();
      await writeOutputs(result, settings.outDir);
      const writeMs = performance.now() - writeStart;
      const slidesStart = performance.now();
      const measure = await loadTextMeasurer(settings.theme);
      const good = goodBuild(result, measure, state.slides);
      const slidesMs = performance.now() - slidesStart;
      outputs = good.outputs;
      theme = settings.theme;
      const outputVersion = state.outputVersion + 1;
      const timings: Record<string, number> = {};
      for (const [stage, ms] of Object.entries({ ...result.timings, write: writeMs, slides: slidesMs })) {
        if (ms !== undefined) timings[stage] = Math.round(ms);
      }
      timings.total = Math.round(performance.now() - started);
      publish({
        ...state,
        version: state.version + 1,
        outputVersion,
        status: 'ok',
        timings,
        problems: [],
        warnings: result.result.warnings.map((w) => located(w).text),
        outputs: {
          pdf: `/out/${encodeURIComponent(name)}.pdf?v=${outputVersion}`,
          pptx: `/out/${encodeURIComponent(name)}.pptx?v=${outputVersion}`,
          manifest: `/out/${encodeURIComponent(name)}.manifest.json?v=${outputVersion}`,
        },
        slides: good.slides,
      });
      options.log(`built ${name} in ${timings.total} ms`);
    } catch (error) {
      const problems = problemsOf(error);
      publish({ ...state, version: state.version + 1, status: 'failed', problems });
      options.log(
        [
          `error: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
          ...problems.map((p) => `  ${p.text}`),
        ].join('\n'),
      );
      options.log('the page keeps the last good outputs; watching for the next change');
    }
  };

  return {
    state: () => state,
    outputs: () => outputs,
    theme: () => theme,
    rebuild,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
