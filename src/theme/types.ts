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

export interface Theme {
  name: string;
  colors: {
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
  };
  fonts: {
    body: FontFaces;
    heading: FontFaces;
  };
  /** Absolute path to a PNG or JPEG logo, or undefined. */
  logo?: string;
  page: {
    /** Margins in points. */
    margin: { top: number; right: number; bottom: number; left: number };
  };
  sizes: {
    body: number;
    small: number;
    h1: number;
    h2: number;
    h3: number;
    title: number;
    keyFigure: number;
    lineGap: number;
    paragraphGap: number;
  };
  deck: {
    /** Background of title and section slides. */
    darkBackground: string;
    background: string;
    titleSize: number;
    bodySize: number;
  };
}
