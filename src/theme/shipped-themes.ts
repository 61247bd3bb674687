import { defaultThemeDefinition } from './default-theme.js';
import { inkThemeDefinition } from './ink-theme.js';
import { completeTheme, type ThemeDefinition } from './merge-theme.js';
import type { Theme } from './types.js';

/** The themes briefkit ships, by the name a config, a flag or a theme's `extends` uses. */
const SHIPPED: Readonly<Record<string, () => ThemeDefinition>> = {
  default: defaultThemeDefinition,
  ink: inkThemeDefinition,
};

export const SHIPPED_THEME_NAMES: readonly string[] = Object.keys(SHIPPED);

export function isShippedThemeName(name: string): boolean {
  return Object.hasOwn(SHIPPED, name);
}

/** A shipped theme's definition (deck colours not yet filled in), for themes that extend it. */
export function shippedThemeDefinition(name: string): ThemeDefinition | undefined {
  return Object.hasOwn(SHIPPED, name) ? SHIPPED[name]!() : undefined;
}

/** A shipped theme, ready to use; undefined for an unknown name. */
export function shippedTheme(name: string): Theme | undefined {
  const definition = shippedThemeDefinition(name);
  return definition && completeTheme(definition);
}
