import { notoSerif } from './fonts.js';
import { completeTheme, type ThemeDefinition } from './merge-theme.js';
import type { Theme } from './types.js';

/**
 * "ink": an editorial look. The report is set in Noto Serif, claret and teal on white,
 * with wider margins; the deck is dark (charcoal slides, claret title slides, warm gold
 * titles), for dimmed rooms and projectors. The chart palette is mid-toned so the same
 * colours read on the report's white and on the deck's charcoal.
 */
export function inkThemeDefinition(): ThemeDefinition {
  const serif = notoSerif();
  return {
    name: 'ink',
    colors: {
      primary: '#6B1F3A',
      accent: '#1F8A80',
      text: '#1F1D1A',
      muted: '#67615A',
      background: '#FFFFFF',
      surface: '#F6F1EA',
      rule: '#D8CFC4',
      palette: ['#2A9D8F', '#E07A3F', '#C8506E', '#D9A62E', '#5B8CC9', '#7FA66A'],
    },
    fonts: { body: serif, heading: serif },
    page: { margin: { top: 76, right: 72, bottom: 76, left: 72 } },
    sizes: {
      body: 10.5,
      small: 8.5,
      h1: 19,
      h2: 14,
      h3: 11.5,
      title: 31,
      keyFigure: 25,
      lineGap: 3,
      paragraphGap: 8,
    },
    deck: {
      background: '#1B1D22',
      darkBackground: '#4A1528',
      primary: '#E9C46A',
      onPrimary: '#1B1D22',
      // A brighter teal than the report's: it reads on charcoal and on claret.
      accent: '#35B7A6',
      text: '#ECE8E1',
      muted: '#A8A29A',
      surface: '#272A31',
      rule: '#454A54',
      onDark: '#FFFFFF',
      onDarkMuted: '#E3CCD4',
      titleSize: 28,
      bodySize: 18,
    },
  };
}

export function inkTheme(): Theme {
  return completeTheme(inkThemeDefinition());
}
