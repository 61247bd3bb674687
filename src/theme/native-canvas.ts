import { BriefkitError } from '../errors.js';

/**
 * Loads canvas, or chartjs-node-canvas which loads it, for what needs pixels: the deck's
 * picture charts (`--deck-charts image`) and theme logos. canvas is a native addon that
 * npm builds (or downloads) in an install script, which npm 11 skips unless the project
 * allows it; without it a build stops with what to run instead of a stack trace. The
 * default build (native deck charts, no logo) never loads it.
 */
export async function loadCanvasModule<T>(load: () => Promise<T>, neededFor: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    throw new BriefkitError(
      'CONFIG_ERROR',
      {
        message: `${neededFor} needs the canvas package, which cannot be loaded here (${reason})`,
        expected:
          'canvas installed with its install script allowed: npm pkg set allowScripts.canvas=true --json && npm rebuild canvas (README, "Install")',
      },
      { cause: error },
    );
  }
}
