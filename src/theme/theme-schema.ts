/**
 * The theme file format (README, "Themes"): every field optional; what a file leaves
 * out comes from the theme it extends. Paths are relative to the theme file.
 */
// A namespace import lets the bundler drop what briefkit never uses (zod's ~250 locale files).
import * as z from 'zod';
import { closest } from '../briefing/problems.js';
import { SHIPPED_THEME_NAMES } from './shipped-themes.js';

const color = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'a colour written #RRGGBB')
  .describe('A colour, "#RRGGBB".');

/** A size in points, within bounds that keep every layout working. */
function points(min: number, max: number, what = 'a size') {
  return z.number().superRefine((value, ctx) => {
    if (value >= min && value <= max) return;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `${value} is out of range`,
      params: { expected: `${what} from ${min} to ${max} points` },
    });
  });
}

const filePath = z.string().min(1, 'a file path').max(1024);

export const fontFilesSchema = z
  .object({
    family: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('The name the deck gives the font; default the name inside the regular file.'),
    regular: filePath.describe('TTF or OTF file, relative to the theme file.'),
    bold: filePath.optional().describe('Default: regular.'),
    italic: filePath.optional().describe('Default: regular.'),
    boldItalic: filePath.optional().describe('Default: bold.'),
  })
  .strict();

const font = z
  .union([z.string().min(1).max(64), fontFilesSchema])
  .describe('A bundled family ("Noto Sans", "Noto Serif") or font files.');

const colorsSchema = z
  .object({
    primary: color.optional(),
    accent: color.optional(),
    text: color.optional(),
    muted: color.optional(),
    background: color.optional(),
    surface: color.optional(),
    rule: color.optional(),
    palette: z.array(color).min(1, 'at least one colour').max(12).optional(),
  })
  .strict();

const margin = points(18, 144, 'a margin');

export const themeFileSchema = z
  .object({
    $schema: z.string().optional(),
    extends: z
      .string()
      .superRefine((name, ctx) => {
        if (SHIPPED_THEME_NAMES.includes(name)) return;
        const guess = closest(name, SHIPPED_THEME_NAMES);
        ctx.addIssue({
          code: 'custom',
          input: name,
          message: `unknown theme "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
          params: { expected: `one of the shipped themes: ${SHIPPED_THEME_NAMES.join(', ')}` },
        });
      })
      .optional()
      .describe('The shipped theme this one changes: "default" or "ink".'),
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'a name of lower-case letters, digits and hyphens')
      .max(64)
      .optional(),
    colors: colorsSchema.optional(),
    fonts: z.object({ body: font.optional(), heading: font.optional() }).strict().optional(),
    logo: filePath.optional().describe('PNG, JPEG or SVG for light backgrounds: the running header.'),
    logoOnDark: filePath
      .optional()
      .describe('PNG, JPEG or SVG for dark backgrounds: the cover and the title slide.'),
    page: z
      .object({
        margin: z
          .object({
            top: margin.optional(),
            right: margin.optional(),
            bottom: margin.optional(),
            left: margin.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    sizes: z
      .object({
        body: points(7, 16).optional(),
        small: points(6, 14).optional(),
        h1: points(9, 40).optional(),
        h2: points(8, 32).optional(),
        h3: points(7, 28).optional(),
        title: points(14, 60).optional(),
        keyFigure: points(12, 48).optional(),
        lineGap: points(0, 12, 'a gap').optional(),
        paragraphGap: points(0, 36, 'a gap').optional(),
      })
      .strict()
      .optional(),
    deck: z
      .object({
        background: color.optional(),
        darkBackground: color.optional(),
        primary: color.optional(),
        onPrimary: color.optional(),
        accent: color.optional(),
        text: color.optional(),
        muted: color.optional(),
        surface: color.optional(),
        rule: color.optional(),
        onDark: color.optional(),
        onDarkMuted: color.optional(),
        titleSize: points(20, 36).optional(),
        bodySize: points(14, 24).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ThemeFile = z.output<typeof themeFileSchema>;
export type FontFilesSpec = z.output<typeof fontFilesSchema>;
