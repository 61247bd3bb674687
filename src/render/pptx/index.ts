export { renderPptx } from './render-pptx.js';
export type { PptxOptions } from './types.js';
