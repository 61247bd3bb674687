import { VERSION } from '../../../version.js';
import { escapeXml } from './core-properties.js';

/**
 * docProps/app.xml (extended properties, ISO/IEC 29500-1 §22.2), written from what the
 * package really holds. pptxgenjs writes a fixed file claiming "Microsoft Office
 * PowerPoint" 16.0 and the fonts Arial and Calibri, whatever the deck uses.
 */
export interface AppPropertiesInput {
  company?: string;
  slides: number;
  notes: number;
  /** Font families the deck's parts name, theme fonts resolved. */
  fonts: readonly string[];
  themeName: string;
  slideTitles: readonly string[];
}

export function appProperties(input: AppPropertiesInput): string {
  const lpstr = (text: string): string => `<vt:lpstr>${escapeXml(text)}</vt:lpstr>`;
  const pair = (name: string, count: number): string =>
    `<vt:variant>${lpstr(name)}</vt:variant><vt:variant><vt:i4>${count}</vt:i4></vt:variant>`;
  const titles = [...input.fonts, input.themeName, ...input.slideTitles];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"' +
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<TotalTime>0</TotalTime>' +
    // LAYOUT_WIDE, 13.333 × 7.5 in: what PowerPoint calls "Widescreen".
    '<PresentationFormat>Widescreen</PresentationFormat>' +
    `<Slides>${input.slides}</Slides><Notes>${input.notes}</Notes><HiddenSlides>0</HiddenSlides>` +
    '<HeadingPairs><vt:vector size="6" baseType="variant">' +
    pair('Fonts Used', input.fonts.length) +
    pair('Theme', 1) +
    pair('Slide Titles', input.slideTitles.length) +
    '</vt:vector></HeadingPairs>' +
    `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map(lpstr).join('')}</vt:vector></TitlesOfParts>` +
    (input.company ? `<Company>${escapeXml(input.company)}</Company>` : '') +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    `<Application>briefkit</Application><AppVersion>${appVersion(VERSION)}</AppVersion>` +
    '</Properties>'
  );
}

/**
 * AppVersion is "XX.YYYY" (Office reads it as major.minor, [MS-OI29500]); a
 * semantic version 1.4.2 becomes "01.0402".
 */
export function appVersion(version: string): string {
  const [major = 0, minor = 0, patch = 0] = version
    .split(/[.+-]/)
    .map((part) => Number.parseInt(part, 10) || 0);
  const two = (n: number): string => String(Math.min(n, 99)).padStart(2, '0');
  return `${two(major)}.${two(minor)}${two(patch)}`;
}

/** The font families a part names (latin, east Asian, complex script, symbol, bullet fonts). */
export function namedFonts(xml: string): string[] {
  return [...xml.matchAll(/<a:(?:latin|ea|cs|sym|buFont)\b[^>]*?\stypeface="([^"]*)"/g)].map((m) =>
    unescapeXml(m[1]!),
  );
}

/** The theme's name and its major/minor Latin fonts, which "+mj-lt"/"+mn-lt" stand for. */
export function themeFonts(themeXml: string): { name: string; major?: string; minor?: string } {
  const latin = (which: 'major' | 'minor'): string | undefined => {
    const match = new RegExp(`<a:${which}Font>\\s*<a:latin\\b[^>]*?\\stypeface="([^"]*)"`).exec(themeXml);
    return match ? unescapeXml(match[1]!) : undefined;
  };
  const name = /<a:theme\b[^>]*?\sname="([^"]*)"/.exec(themeXml)?.[1];
  const major = latin('major');
  const minor = latin('minor');
  return { name: name ? unescapeXml(name) : 'Theme', ...(major && { major }), ...(minor && { minor }) };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
