/**
 * briefkit's public API. `build` returns the PDF and PPTX buffers and the manifest
 * without writing anything; `writeOutputs` writes them atomically.
 */
export { build, type BuildOptions, type BuildResult } from './build/build.js';
export { writeOutputs } from './build/write-outputs.js';
export type { OutputFormat, Stage } from './build/pipeline.js';
export type { Manifest } from './build/manifest.js';
export { loadBriefing, parseBriefingText } from './briefing/load.js';
export { validateBriefing } from './briefing/validate.js';
export { briefingSchema } from './briefing/schema.js';
export type { Briefing, Figure, Source, ChartSpec } from './briefing/types.js';
export type { ReportDoc, DeckDoc, Block, Inline, Slide } from './document/types.js';
export { BriefkitError, type Problem, type ErrorCode } from './errors.js';
export { runCli } from './cli/run-cli.js';
export { defaultTheme } from './theme/default-theme.js';
export type { Theme } from './theme/types.js';
