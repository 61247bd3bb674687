/**
 * One theme drives the PDF, the charts and the deck, so the three always match.
 * Colours are "#RRGGBB"; sizes are in PDF points (1/72 inch).
 */

export interface FontFaces {
  /** Family name, as named in the deck and registered with canvas for charts. */
  family: string;
  /** Absolute paths to TTF/OTF files. */
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

export interface ThemeColors {
  primary: string;
  accent: string;
  text: string;
  muted: string;
  background: string;
  /** Zebra rows, callout backgrounds. */
  surface: string;
  rule: string;
  /** Chart series colours, in order. */
  palette: string[];
}

export interface ThemeSizes {
  body: number;
  small: number;
  h1: number;
  h2: number;
  h3: number;
  title: number;
  keyFigure: number;
  /** Spacing: extra space between the lines of a paragraph, at body size. */
  lineGap: number;
  /** Spacing: space above a paragraph, list or table. */
  paragraphGap: number;
}

/**
 * The deck's own colours: a deck is often darker than its report (projectors, dimmed
 * rooms), so every colour a slide uses is named here. Themes that do not set one get
 * it from `colors` (see merge-theme.ts), so a light deck follows the report.
 */
export interface DeckTheme {
  /** Content slides. */
  background: string;
  /** Title and section slides. */
  darkBackground: string;
  /** Slide titles, headings, links, key-figure values, table header fill. */
  primary: string;
  /** Text on a `primary` fill: table headers. */
  onPrimary: string;
  /** Rules, bars and the organisation line on the title slide. */
  accent: string;
  text: string;
  muted: string;
  /** Key-figure cards, quote slides, zebra rows. */
  surface: string;
  rule: string;
  /** Text on `darkBackground`. */
  onDark: string;
  onDarkMuted: string;
  titleSize: number;
  bodySize: number;
}

export interface Theme {
  name: string;
  /** The theme file this theme was read from (absolute path), when it came from one. */
  file?: string;
  colors: ThemeColors;
  fonts: {
    body: FontFaces;
    heading: FontFaces;
  };
  /** Absolute path to a PNG, JPEG or SVG logo for light backgrounds (the report's running header). */
  logo?: string;
  /** The logo for dark backgrounds: the report cover's band and the title slide. Default: `logo`. */
  logoOnDark?: string;
  page: {
    /** Margins in points. */
    margin: { top: number; right: number; bottom: number; left: number };
  };
  sizes: ThemeSizes;
  deck: DeckTheme;
}
