import type { ChartAssets } from '../../charts/types.js';
import type { DeckDoc } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';
import { renderSlide } from './layouts/index.js';
import { defineMasters } from './masters.js';
import { loadPptxGenJS } from './pptxgen.js';
import { loadTextMeasurer } from './text/measure.js';
import type { DeckColors, DeckContext, PptxOptions } from './types.js';
import { normalizePackage } from './zip/normalize.js';

/**
 * DeckDoc + chart assets → a .pptx Buffer. Pure: reads no clock (dates come from
 * meta.buildDate) and writes no file; the same input gives the same bytes.
 *
 * 1. define one slide master per layout family from the theme
 * 2. render each slide through its layout (which may add "(cont.)" slides)
 * 3. write the package and normalise it (dates, order, compression)
 */
export async function renderPptx(
  deck: DeckDoc,
  assets: ChartAssets,
  theme: Theme,
  options: PptxOptions = { charts: 'native' },
): Promise<Buffer> {
  const [PptxGenJS, measure] = await Promise.all([loadPptxGenJS(), loadTextMeasurer(theme)]);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.meta.title;
  pptx.subject = deck.meta.subtitle ?? deck.meta.title;
  pptx.author = deck.meta.author ?? deck.meta.organisation ?? 'briefkit';
  pptx.company = deck.meta.organisation ?? '';
  pptx.theme = { headFontFace: theme.fonts.heading.family, bodyFontFace: theme.fonts.body.family };

  const ctx: DeckContext = {
    theme,
    meta: deck.meta,
    sources: deck.sources,
    assets,
    options,
    colors: deckColors(theme),
    fonts: { body: theme.fonts.body.family, heading: theme.fonts.heading.family },
    measure,
    addSlide(master, notes) {
      const slide = pptx.addSlide({ masterName: master });
      if (notes.trim() !== '') slide.addNotes(notes);
      return slide;
    },
  };
  defineMasters(pptx, ctx);
  for (const slide of deck.slides) renderSlide(slide, ctx);

  const raw = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return normalizePackage(raw, deck.meta);
}

function hex(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}

/** The deck's colours come from the theme's `deck` section, which may be darker than the report. */
export function deckColors(theme: Theme): DeckColors {
  const { colors, deck } = theme;
  return {
    primary: hex(deck.primary),
    accent: hex(deck.accent),
    text: hex(deck.text),
    muted: hex(deck.muted),
    background: hex(deck.background),
    darkBackground: hex(deck.darkBackground),
    surface: hex(deck.surface),
    rule: hex(deck.rule),
    onPrimary: hex(deck.onPrimary),
    onDark: hex(deck.onDark),
    onDarkMuted: hex(deck.onDarkMuted),
    palette: colors.palette.map(hex),
  };
}
