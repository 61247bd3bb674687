/**
 * briefkit's public API. `build` returns the PDF and PPTX buffers and the manifest
 * without writing anything; `writeOutputs` writes them atomically. `buildFiles` does
 * what `briefkit build` does: many files, a worker pool, skipping what is up to date.
 */
export { build, buildPlanned, type BuildResult } from './build/build.js';
export type { BuildOptions } from './build/options.js';
export { planBuild, type BuildPlan } from './build/plan.js';
export { writeOutputs } from './build/write-outputs.js';
export { buildFiles, type BuildFilesOptions } from './build/build-files.js';
export { checkUpToDate, type UpToDate } from './build/up-to-date.js';
export type { BuildReport, BuildStep, BuildTask, ErrorReport, OutputReport } from './build/build-report.js';
export { parseShard, selectShard, type Shard } from './build/shard.js';
export { resolveBuildDate } from './build/build-date.js';
export type { OutputFormat, Stage } from './build/pipeline.js';
export type { Manifest } from './build/manifest.js';
export { briefingJsonSchema } from './briefing/json-schema.js';
export { loadBriefing, parseBriefingText } from './briefing/load.js';
export { validateBriefing } from './briefing/validate.js';
export { briefingSchema } from './briefing/schema.js';
export type { Briefing, Figure, Source, ChartSpec } from './briefing/types.js';
export type { ReportDoc, DeckDoc, Block, Inline, Slide } from './document/types.js';
export { BriefkitError, isBriefkitError, type Problem, type ErrorCode } from './errors.js';
export { runCli } from './cli/run-cli.js';
export { defaultTheme } from './theme/default-theme.js';
export { inkTheme } from './theme/ink-theme.js';
export { SHIPPED_THEME_NAMES, shippedTheme } from './theme/shipped-themes.js';
export { loadTheme, loadThemeFile, type LoadThemeOptions } from './theme/load-theme.js';
export type { DeckTheme, FontFaces, Theme, ThemeColors, ThemeSizes } from './theme/types.js';
export { findConfig } from './config/find-config.js';
export { loadConfig, type ResolvedConfig } from './config/load-config.js';
export { resolveBuildOptions, type ResolvedBuildOptions } from './build/resolve-settings.js';
export { configSchema } from './config/config-schema.js';
export { themeFileSchema } from './theme/theme-schema.js';
export { getLocale, locales, type Locale, type LocaleId } from './locale/locales.js';
