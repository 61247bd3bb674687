import type { DeckTheme, FontFaces, Theme, ThemeColors, ThemeSizes } from './types.js';

/**
 * A theme as written: the deck's colours may be left out, and are then taken from
 * `colors` when the theme is completed. Shipped themes are definitions, so a theme
 * file that extends one and changes `colors.primary` changes the deck's titles too.
 */
export type ThemeDefinition = Omit<Theme, 'deck'> & {
  deck: Partial<DeckTheme> & Pick<DeckTheme, 'titleSize' | 'bodySize'>;
};

/** What a theme file changes, its fonts and logo already resolved to absolute paths. */
export interface ThemeOverrides {
  name?: string;
  file?: string;
  colors?: Partial<ThemeColors>;
  fonts?: Partial<Theme['fonts']>;
  logo?: string;
  logoOnDark?: string;
  page?: { margin?: Partial<Theme['page']['margin']> };
  sizes?: Partial<ThemeSizes>;
  deck?: Partial<DeckTheme>;
}

/** The definition with the overrides applied, field by field; a palette is replaced as a whole. */
export function mergeTheme(base: ThemeDefinition, overrides: ThemeOverrides): ThemeDefinition {
  const fonts: Theme['fonts'] = {
    body: overrides.fonts?.body ?? base.fonts.body,
    heading: overrides.fonts?.heading ?? base.fonts.heading,
  };
  const logo = overrides.logo ?? base.logo;
  const logoOnDark = overrides.logoOnDark ?? (overrides.logo ? undefined : base.logoOnDark);
  const file = overrides.file ?? base.file;
  return {
    name: overrides.name ?? base.name,
    ...(file !== undefined && { file }),
    colors: { ...base.colors, ...defined(overrides.colors) },
    fonts,
    ...(logo !== undefined && { logo }),
    ...(logoOnDark !== undefined && { logoOnDark }),
    page: { margin: { ...base.page.margin, ...defined(overrides.page?.margin) } },
    sizes: { ...base.sizes, ...defined(overrides.sizes) },
    deck: { ...base.deck, ...defined(overrides.deck) },
  };
}

/** Fills the deck colours a definition leaves out from its report colours. */
export function completeTheme(definition: ThemeDefinition): Theme {
  const { colors, deck } = definition;
  const complete: DeckTheme = {
    background: deck.background ?? colors.background,
    darkBackground: deck.darkBackground ?? colors.primary,
    primary: deck.primary ?? colors.primary,
    onPrimary: deck.onPrimary ?? '#FFFFFF',
    accent: deck.accent ?? colors.accent,
    text: deck.text ?? colors.text,
    muted: deck.muted ?? colors.muted,
    surface: deck.surface ?? colors.surface,
    rule: deck.rule ?? colors.rule,
    onDark: deck.onDark ?? '#FFFFFF',
    onDarkMuted: deck.onDarkMuted ?? '#D5DEE8',
    titleSize: deck.titleSize,
    bodySize: deck.bodySize,
  };
  return { ...definition, deck: complete };
}

/**
 * The theme as the deck's image-mode charts need it: drawn on the deck's background in
 * its text colours, so a chart picture on a dark slide is not a white box.
 */
export function deckChartTheme(theme: Theme): Theme {
  const { deck, colors } = theme;
  const same =
    deck.text === colors.text &&
    deck.muted === colors.muted &&
    deck.background === colors.background &&
    deck.rule === colors.rule;
  // The same object when nothing differs, so the charts stage draws with one renderer.
  if (same) return theme;
  return {
    ...theme,
    colors: {
      ...theme.colors,
      text: deck.text,
      muted: deck.muted,
      background: deck.background,
      rule: deck.rule,
    },
  };
}

/** Both faces of a theme's fonts, for code that loads or hashes every font file. */
export function themeFontFaces(theme: Pick<Theme, 'fonts'>): FontFaces[] {
  return [theme.fonts.body, theme.fonts.heading];
}

function defined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
