import type { ChartAssets } from '../../charts/types.js';
import type { DeckDoc } from '../../document/types.js';
import type { Theme } from '../../theme/types.js';
import { renderSlide } from './layouts/index.js';
import { deckMasters } from './masters.js';
import type { DeckModel, SlideModel } from './slide-model.js';
import type { TextMeasurer } from './text/measure.js';
import type { DeckColors, DeckContext, PptxOptions } from './types.js';

/**
 * DeckDoc + chart assets → the deck's slide model: collect (IR blocks → flow items),
 * paginate (items → slides of positioned boxes, "(cont.)" slides where needed), as
 * plain data. Pure and synchronous once the measurer is loaded; no painter involved.
 */
export function layoutDeck(
  deck: DeckDoc,
  assets: ChartAssets,
  theme: Theme,
  options: PptxOptions,
  measure: TextMeasurer,
): DeckModel {
  const slides: SlideModel[] = [];
  let source = 0;
  const ctx: DeckContext = {
    theme,
    meta: deck.meta,
    sources: deck.sources,
    assets,
    images: options.images ?? new Map(),
    options,
    colors: deckColors(theme),
    fonts: { body: theme.fonts.body.family, heading: theme.fonts.heading.family },
    measure,
    addSlide(master, notes, continuation = 0) {
      const slide: SlideModel = { master, notes, source, continuation, elements: [] };
      slides.push(slide);
      return slide;
    },
  };
  const masters = deckMasters(ctx);
  deck.slides.forEach((slide, index) => {
    source = index;
    renderSlide(slide, ctx);
  });
  return {
    properties: {
      title: deck.meta.title,
      subject: deck.meta.subtitle ?? deck.meta.title,
      author: deck.meta.author ?? deck.meta.organisation ?? 'briefkit',
      company: deck.meta.organisation ?? '',
    },
    fonts: ctx.fonts,
    masters,
    slides,
  };
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
