import type { CssFont } from './css-font.js';
import type { Paint, StrokeOp } from '../drawing.js';
import { IDENTITY, type Matrix } from './affine.js';

export type TextAlign = 'left' | 'right' | 'center' | 'start' | 'end';
export type TextBaseline = 'top' | 'hanging' | 'middle' | 'alphabetic' | 'ideographic' | 'bottom';

/** What canvas save() keeps and restore() brings back (the path is not part of it). */
export interface GraphicsState {
  transform: Matrix;
  fillStyle: string;
  fill: Paint;
  strokeStyle: string;
  stroke: Paint;
  lineWidth: number;
  lineCap: StrokeOp['cap'];
  lineJoin: StrokeOp['join'];
  miterLimit: number;
  dash: readonly number[];
  dashOffset: number;
  globalAlpha: number;
  font: string;
  /** The font as read, with the theme family it resolved to; undefined until one is set. */
  face: (CssFont & { family: string }) | undefined;
  textAlign: TextAlign;
  textBaseline: TextBaseline;
  direction: 'ltr' | 'rtl' | 'inherit';
  /** A clip is in force at this level or an outer one. */
  clipped: boolean;
  /** A save op was written for this level (only levels that clip need one). */
  recordedSave: boolean;
}

/** The canvas defaults, except the font, which has no theme face until chart.js sets one. */
export function initialState(): GraphicsState {
  const black = { color: '#000000', alpha: 1 };
  return {
    transform: IDENTITY,
    fillStyle: '#000000',
    fill: black,
    strokeStyle: '#000000',
    stroke: black,
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    miterLimit: 10,
    dash: [],
    dashOffset: 0,
    globalAlpha: 1,
    font: '10px sans-serif',
    face: undefined,
    textAlign: 'start',
    textBaseline: 'alphabetic',
    direction: 'ltr',
    clipped: false,
    recordedSave: false,
  };
}
