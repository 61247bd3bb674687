import { problemAt } from '../briefing/problems.js';
import { boundedCache, filesKey } from '../cache/index.js';
import type { Briefing, SourceMap } from '../briefing/types.js';
import type { Problem } from '../errors.js';
import { openCharacterMetrics } from '../theme/character-metrics.js';
import { mapDeckText, mapReportText } from './map-text.js';
import type { DeckDoc, ReportDoc } from './types.js';
import type { Theme } from '../theme/types.js';
import {
  createTextFitter,
  describeCharacter,
  fitStrings,
  REPLACEMENT,
  type TextFitter,
} from './text-fallback.js';

/** Text fitters by font files and their stamps: one per theme (and state of its fonts). */
const fitters = boundedCache<Promise<TextFitter>>({ name: 'text fitters', maxEntries: 16 });

/**
 * A fitter for the theme's fonts: a character prints only if every face the outputs
 * use (body and heading; regular, bold, italic, bold italic) can draw it, since any
 * text may end up bold or in a heading. Made once per process and state of the fonts.
 */
export async function loadTextFitter(theme: Theme): Promise<TextFitter> {
  const files = [
    ...new Set(
      [theme.fonts.body, theme.fonts.heading].flatMap((f) => [f.regular, f.bold, f.italic, f.boldItalic]),
    ),
  ];
  return fitters.get(await filesKey(files), async () => {
    const fonts = await Promise.all(files.map(openCharacterMetrics));
    return createTextFitter((cp) => fonts.every((font) => font.has(cp)));
  });
}

export interface FittedBriefing {
  briefing: Briefing;
  /** One located warning per text value that had characters replaced. */
  warnings: Problem[];
}

/** The briefing with its text fitted to the fonts, and where characters were replaced. */
export function fitBriefingToFonts(
  briefing: Briefing,
  fitter: TextFitter,
  map: SourceMap,
  fontName: string,
): FittedBriefing {
  const warnings: Problem[] = [];
  const fitted = fitStrings(briefing, fitter, warn, isLinkTarget);
  return { briefing: fitted, warnings };

  function warn(path: readonly (string | number)[], replaced: string[]): void {
    const list = replaced.slice(0, 5).map(describeCharacter).join(', ');
    const more = replaced.length > 5 ? ` and ${replaced.length - 5} more` : '';
    warnings.push(
      problemAt(
        map,
        path,
        `${list}${more} cannot be shown in the font ${fontName}: printed as "${REPLACEMENT}"`,
        "characters the theme's fonts have; a theme with a wider font prints more",
      ),
    );
  }
}

/** The briefing's link targets (a source's `url`): kept exact, never rewritten. */
function isLinkTarget(path: readonly (string | number)[]): boolean {
  return path.length === 3 && path[0] === 'sources' && path[2] === 'url';
}

/**
 * A report or deck with template text fitted the same way (data text already is):
 * every printed string, by type (map-text.ts), never ids, anchors or link targets.
 */
export function fitReportToFonts(doc: ReportDoc, fitter: TextFitter): ReportDoc {
  return mapReportText(doc, (text) => fitter.fit(text).text);
}

export function fitDeckToFonts(doc: DeckDoc, fitter: TextFitter): DeckDoc {
  return mapDeckText(doc, (text) => fitter.fit(text).text);
}
