import type { LogoImage } from '../../theme/logo.js';
import type { ImageDrawer } from './image-drawer.js';

/** Where a logo goes: its height, the widest it may be, and which edge it keeps to. */
export interface LogoPlacement {
  /** The edge the logo keeps to: its left edge for 'left', its right edge for 'right'. */
  x: number;
  /** Top of the logo's band; the logo is centred in it vertically. */
  y: number;
  height: number;
  maxWidth: number;
  align: 'left' | 'right';
}

export type LogoDrawer = (logo: LogoImage, placement: LogoPlacement) => void;

/**
 * Draws logos at their aspect ratio, through the document's image drawer (a PNG or
 * JPEG embedded once however many running headers show it; an SVG as vectors).
 * Callers mark them as artifacts (decoration, not reading content) together with
 * what surrounds them.
 */
export function createLogoDrawer(drawImage: ImageDrawer): LogoDrawer {
  return (logo, placement) => {
    let height = placement.height;
    let width = (height * logo.width) / logo.height;
    if (width > placement.maxWidth) {
      width = placement.maxWidth;
      height = (width * logo.height) / logo.width;
    }
    const x = placement.align === 'left' ? placement.x : placement.x - width;
    const y = placement.y + (placement.height - height) / 2;
    drawImage(logo, x, y, width, height);
  };
}
