export { renderPptx, renderPptxWithModel } from './render-pptx.js';
export type { DeckModel, SlideElement, SlideModel } from './slide-model.js';
export type { PptxOptions } from './types.js';
