import { notoSans } from './fonts.js';
import { completeTheme, type ThemeDefinition } from './merge-theme.js';
import type { Theme } from './types.js';

/** The default look: navy and amber on white, Noto Sans throughout; title slides in navy. */
export function defaultThemeDefinition(): ThemeDefinition {
  const sans = notoSans();
  return {
    name: 'default',
    colors: {
      primary: '#1F3A5F',
      accent: '#D98E04',
      text: '#1E2329',
      muted: '#5B6570',
      background: '#FFFFFF',
      surface: '#F1F4F8',
      rule: '#C9D1DB',
      palette: ['#1F3A5F', '#D98E04', '#4F8A8B', '#B5452F', '#7A6C9D', '#6B8E23'],
    },
    fonts: { body: sans, heading: sans },
    page: { margin: { top: 72, right: 64, bottom: 72, left: 64 } },
    sizes: {
      body: 10.5,
      small: 8.5,
      h1: 18,
      h2: 13.5,
      h3: 11.5,
      title: 30,
      keyFigure: 24,
      lineGap: 2.5,
      paragraphGap: 7,
    },
    // Every deck colour follows `colors` (see completeTheme): title and section slides are
    // in `colors.primary`, so a theme that extends this one and changes the primary colour
    // changes them too, unless it sets deck colours of its own.
    deck: { titleSize: 28, bodySize: 18 },
  };
}

export function defaultTheme(): Theme {
  return completeTheme(defaultThemeDefinition());
}
