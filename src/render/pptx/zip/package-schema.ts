import { applySequence, type SequenceRule } from './schema-order.js';
import { findElements, parseXml, serializeXml } from './xml-tree.js';

/**
 * Schema repairs for the PresentationML and package parts pptxgenjs 4 writes, one rule
 * per fix, each naming what it restores (ISO/IEC 29500-1 §19, ISO/IEC 29500-2 for the
 * package). Chart parts: chart-schema.ts; embedded workbooks: workbook-schema.ts.
 */

/**
 * CT_Presentation (§19.2.1.26) is a sequence: sldMasterIdLst?, notesMasterIdLst?,
 * handoutMasterIdLst?, sldIdLst?, sldSz?, notesSz, … pptxgenjs writes notesMasterIdLst
 * after sldIdLst.
 */
const PRESENTATION: SequenceRule = {
  type: 'CT_Presentation',
  sequence: [
    'p:sldMasterIdLst',
    'p:notesMasterIdLst',
    'p:handoutMasterIdLst',
    'p:sldIdLst',
    'p:sldSz',
    'p:notesSz',
    'p:smartTags',
    'p:embeddedFontLst',
    'p:custShowLst',
    'p:photoAlbum',
    'p:custDataLst',
    'p:kinsoku',
    'p:defaultTextStyle',
    'p:modifyVerifier',
    'p:extLst',
  ],
};

export function conformPresentation(xml: string): string {
  const tree = parseXml(xml);
  for (const presentation of findElements(tree, 'p:presentation')) applySequence(presentation, PRESENTATION);
  return serializeXml(tree);
}

/**
 * Shape ids (cNvPr/@id, ST_DrawingElementId) must be unique within a slide (§19.3.1.12);
 * pptxgenjs numbers shapes per call and can give a text box the id of the slide-number
 * placeholder. The first use of an id keeps it; later ones get ids above every id used.
 * Nothing in a briefkit slide refers to a shape by id, so renumbering is safe.
 */
export function uniqueShapeIds(xml: string): string {
  const pattern = /(<p:cNvPr\b[^>]*?\sid=")(\d+)(")/g;
  const ids = [...xml.matchAll(pattern)].map((m) => m[2]!);
  // Most parts have no id twice: nothing to rewrite.
  if (new Set(ids).size === ids.length) return xml;
  let next = Math.max(0, ...ids.map(Number)) + 1;
  const used = new Set<string>();
  return xml.replace(pattern, (whole, head: string, id: string, tail: string) => {
    if (!used.has(id)) {
      used.add(id);
      return whole;
    }
    return `${head}${next++}${tail}`;
  });
}

/**
 * Text runs carry their language (a:rPr/@lang, ST_TextLanguageID) for spelling and
 * screen readers; pptxgenjs stamps "en-US" on notes, placeholders and empty paragraphs.
 * Every run of a deck is in the briefing's language.
 */
export function tagLanguage(xml: string, lang: string): string {
  return xml.replace(/(<a:(?:rPr|endParaRPr|defRPr)\b[^>]*?\slang=")[^"]*(")/g, `$1${lang}$2`);
}

/**
 * [Content_Types].xml: pptxgenjs maps "jpg" to "image/jpg", which is no registered media
 * type (RFC 2046; ISO/IEC 29500-2 §10.1.2.2 wants the part's real type): image/jpeg.
 */
export function standardContentTypes(xml: string): string {
  return xml.replace(/(<Default Extension="jpe?g" ContentType=")image\/jpg(")/g, '$1image/jpeg$2');
}
