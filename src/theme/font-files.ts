import { stat } from 'node:fs/promises';
import { closest } from '../briefing/problems.js';
import { displayPath } from '../display-path.js';
import { BriefkitError, type Problem } from '../errors.js';
import { MAX_FONT_BYTES, openFont } from './font-cache.js';
import { BUNDLED_FAMILIES, bundledFamily } from './fonts.js';
import type { FontFilesSpec } from './theme-schema.js';
import { notAFileMessage, readHeadBounded } from '../read-bounded.js';
import type { FontFaces } from './types.js';

/** Where a font was written in the theme file, and how to turn a written path into a checked one. */
export interface FontContext {
  /** Location of the field (file, line, column, data path) for errors. */
  at: (field?: string) => Omit<Problem, 'message' | 'expected'>;
  /** Resolves a path written in the theme to an absolute one inside the project, or throws. */
  resolve: (written: string, field: string) => Promise<string>;
}

const BUNDLED = Object.keys(BUNDLED_FAMILIES);

/**
 * A theme's font: a bundled family by name, or TTF/OTF files. Files are checked before
 * any renderer sees them (they exist, are TrueType or OpenType, and open), so a broken
 * font is a located error in the theme, not a crash in pdfkit or canvas. Faces left out
 * fall back: italic to regular, bold italic to bold, bold to regular.
 */
export async function resolveFont(spec: string | FontFilesSpec, ctx: FontContext): Promise<FontFaces> {
  if (typeof spec === 'string') {
    const faces = bundledFamily(spec);
    if (faces) return faces;
    const guess = closest(spec, BUNDLED);
    throw new BriefkitError('THEME_ERROR', {
      ...ctx.at(),
      message: `"${spec}" is not a bundled font family${guess ? ` (did you mean "${guess}"?)` : ''}`,
      expected: `one of: ${BUNDLED.join(', ')}; or font files: { regular: fonts/X-Regular.ttf, bold: … }`,
    });
  }
  const problems: Problem[] = [];
  let fileFamily = '';
  const check = async (field: 'regular' | 'bold' | 'italic' | 'boldItalic'): Promise<string | undefined> => {
    const written = spec[field];
    if (written === undefined) return undefined;
    try {
      const file = await ctx.resolve(written, field);
      const name = await checkFontFile(file, ctx.at(field));
      if (field === 'regular') fileFamily = name;
      return file;
    } catch (error) {
      if (!(error instanceof BriefkitError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const [regular, bold, italic, boldItalic] = [
    await check('regular'),
    await check('bold'),
    await check('italic'),
    await check('boldItalic'),
  ];
  if (problems.length > 0 || regular === undefined) throw new BriefkitError('THEME_ERROR', problems);
  return {
    family: spec.family ?? fileFamily,
    regular,
    bold: bold ?? regular,
    italic: italic ?? regular,
    boldItalic: boldItalic ?? bold ?? regular,
  };
}

/** A readable TrueType or OpenType file, checked by its first bytes and then opened; returns its family name. */
async function checkFontFile(file: string, at: Omit<Problem, 'message' | 'expected'>): Promise<string> {
  const fail = (message: string): never => {
    throw new BriefkitError('THEME_ERROR', {
      ...at,
      message,
      expected: 'a TrueType (.ttf) or OpenType (.otf) font file',
    });
  };
  const info = await stat(file).catch(() => undefined);
  if (!info) fail(`font file not found: ${displayPath(file)}`);
  if (!info!.isFile())
    fail(
      `the font is ${notAFileMessage({ kind: info!.isDirectory() ? 'a folder' : undefined })}: ${displayPath(file)}`,
    );
  if (info!.size > MAX_FONT_BYTES) fail(`the font file is ${Math.round(info!.size / 1024 / 1024)} MB`);
  const magic = (await readHeadBounded(file, 4)) ?? Buffer.alloc(0);
  if (magic.length < 4) fail('this is not a font file');
  const tag = magic.toString('latin1');
  if (tag === 'wOFF' || tag === 'wOF2')
    fail('a web font (WOFF) cannot be embedded in a PDF or named in a deck');
  if (tag === 'ttcf') fail('a font collection (.ttc) holds several fonts; name one .ttf or .otf file');
  const isTrueType = magic.readUInt32BE(0) === 0x00010000 || tag === 'true';
  if (!isTrueType && tag !== 'OTTO') fail('this is not a font file');
  try {
    const font = await openFont(file);
    // Reading a glyph makes fontkit parse the tables pdfkit and canvas will need.
    font.glyphForCodePoint(0x41);
    return font.familyName || font.postscriptName || 'Custom';
  } catch (error) {
    return fail(`the font file cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}
