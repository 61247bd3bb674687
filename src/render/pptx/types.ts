import type { ChartAssets } from '../../charts/types.js';
import type { CitedSource, DocumentMeta, Slide } from '../../document/types.js';
import type { ImageAssets } from '../../images/types.js';
import type { ThemeLogos } from '../../theme/logo.js';
import type { Theme } from '../../theme/types.js';
import type { SlideModel } from './slide-model.js';
import type { TextMeasurer } from './text/measure.js';

export interface PptxOptions {
  /** 'native': editable PowerPoint charts (default); 'image': the chart asset's PNG. */
  charts: 'native' | 'image';
  /** The theme's logos; the title slide shows the one for dark backgrounds. */
  logos?: ThemeLogos;
  /** The briefing's images by id, decoded (pipeline: loadImageAssets). */
  images?: ImageAssets;
}

/** One slide master per layout family; names are stable so editors can find them. */
export type MasterName =
  | 'BRIEFKIT_TITLE'
  | 'BRIEFKIT_SECTION'
  | 'BRIEFKIT_CONTENT'
  | 'BRIEFKIT_CHART'
  | 'BRIEFKIT_KEY_FIGURES'
  | 'BRIEFKIT_TWO_COLUMN'
  | 'BRIEFKIT_QUOTE'
  | 'BRIEFKIT_SOURCES';

/** A rectangle on the slide, in inches. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Theme colours without the leading '#', as pptxgenjs wants them. */
export interface DeckColors {
  primary: string;
  accent: string;
  text: string;
  muted: string;
  background: string;
  darkBackground: string;
  surface: string;
  rule: string;
  /** Text on a primary fill (table headers). */
  onPrimary: string;
  /** Text on the dark background. */
  onDark: string;
  /** Secondary text on the dark background. */
  onDarkMuted: string;
  palette: string[];
}

/** Everything a slide layout needs; built once per render. */
export interface DeckContext {
  theme: Theme;
  meta: DocumentMeta;
  sources: readonly CitedSource[];
  assets: ChartAssets;
  /** The briefing's pictures by id. */
  images: ImageAssets;
  options: PptxOptions;
  colors: DeckColors;
  fonts: { body: string; heading: string };
  measure: TextMeasurer;
  /** Starts a slide on a master with its notes; `continuation` counts "(cont.)" slides. */
  addSlide(master: MasterName, notes: string, continuation?: number): SlideModel;
}

/** A slide layout adds one slide model, or several when its content continues. */
export type LayoutRenderer = (slide: Slide, ctx: DeckContext) => void;
