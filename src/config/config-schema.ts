/**
 * The config file format (README, "Configuration"): `briefkit.config.yaml` (or .yml,
 * .json). Every field is optional; flags on the command line win over it. Paths are
 * relative to the config file and must stay inside its folder, the project.
 */
// A namespace import lets the bundler drop what briefkit never uses (zod's ~250 locale files).
import * as z from 'zod';

const folder = z.string().min(1, 'a folder path').max(1024);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    out: folder.optional().describe('Output folder (--out). Default: output.'),
    // `formats: pdf` and `formats: pdf,pptx` as the flag takes them, or a list; each is
    // checked as a list item, so a wrong one is named.
    formats: z
      .preprocess(
        (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value),
        z.array(z.enum(['pdf', 'pptx'])).min(1, 'at least one format'),
      )
      .optional()
      .meta({
        anyOf: [
          { type: 'string', enum: ['pdf', 'pptx', 'pdf,pptx'] },
          { type: 'array', minItems: 1, items: { type: 'string', enum: ['pdf', 'pptx'] } },
        ],
      })
      .describe(
        'Which outputs to build (--format): pdf, pptx, pdf,pptx or a list such as [pdf, pptx]. Default: both.',
      ),
    pageSize: z.enum(['A4', 'Letter']).optional().describe('Report page size (--page-size). Default: A4.'),
    deckCharts: z
      .enum(['native', 'image'])
      .optional()
      .describe('Deck charts (--deck-charts): native (editable) or image. Default: native.'),
    pdfa: z.boolean().optional().describe('Write the report as PDF/A-2b (--pdfa). Default: false.'),
    templates: folder
      .optional()
      .describe('A folder of templates overriding the built-in ones, file by file (--templates).'),
    theme: z
      .string()
      .min(1)
      .max(1024)
      .optional()
      .describe('A shipped theme ("default", "ink") or a theme file such as themes/house.yaml (--theme).'),
  })
  .strict();

export type ConfigFile = z.output<typeof configSchema>;

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = [
  'briefkit.config.yaml',
  'briefkit.config.yml',
  'briefkit.config.json',
] as const;
