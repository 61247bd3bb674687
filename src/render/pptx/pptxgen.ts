import type * as PptxModule from 'pptxgenjs';

/**
 * pptxgenjs's typings describe a CommonJS module (the class under `default.default`
 * for an ES import), while Node loads its ES build (the class under `default`).
 * Types come from here; the class from loadPptxGenJS, which accepts either shape.
 */
type Lib = typeof PptxModule.default.default;
export type Pptx = PptxModule.default;
export type PptxSlide = PptxModule.default.Slide;
export type TextProps = PptxModule.default.TextProps;
export type TextPropsOptions = PptxModule.default.TextPropsOptions;
export type ChartOptions = PptxModule.default.IChartOpts;
export type ChartName = PptxModule.default.CHART_NAME;
export type BorderProps = PptxModule.default.BorderProps;
export type TableCell = PptxModule.default.TableCell;
export type TableRow = PptxModule.default.TableRow;
export type SlideMasterProps = PptxModule.default.SlideMasterProps;
export type SlideNumberProps = PptxModule.default.SlideNumberProps;

export async function loadPptxGenJS(): Promise<Lib> {
  const mod: unknown = await import('pptxgenjs');
  const outer = (mod as { default: unknown }).default;
  const inner = (outer as { default?: unknown }).default;
  return (typeof outer === 'function' ? outer : inner) as Lib;
}
