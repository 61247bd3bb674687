/**
 * Repairs for known schema slips in pptxgenjs 4 output, applied to the generated
 * XML so PowerPoint opens the deck without a "repair" prompt.
 */

const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const PARAGRAPH_PROPS = /<a:pPr\b[^>]*?\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g;

/**
 * pptxgenjs writes an `<a:pPr>` before every run of a paragraph; the schema allows one,
 * first (PptxGenJS PR #1083). Keep the first, which carries the paragraph's bullet and spacing.
 */
export function dedupeParagraphProps(xml: string): string {
  return xml.replace(PARAGRAPH, (whole, inner: string) => {
    const props = inner.match(PARAGRAPH_PROPS);
    if (!props || (props.length === 1 && inner.startsWith(props[0]!))) return whole;
    return `<a:p>${props[0]}${inner.replace(PARAGRAPH_PROPS, '')}</a:p>`;
  });
}

/** A solid slide background needs an effect list after its fill (PptxGenJS issue #1442). */
export function completeBackgrounds(xml: string): string {
  if (!xml.includes('<p:bgPr>')) return xml;
  return xml.replace(
    /<p:bgPr>(<a:solidFill>[\s\S]*?<\/a:solidFill>)<\/p:bgPr>/g,
    '<p:bgPr>$1<a:effectLst/></p:bgPr>',
  );
}

/** A shape drawn without text gets the empty text body PowerPoint adds on repair (PptxGenJS issue #1441). */
export function addEmptyTextBodies(xml: string): string {
  return xml.replace(/<p:sp>([\s\S]*?)<\/p:sp>/g, (whole, inner: string) =>
    inner.includes('<p:txBody>')
      ? whole
      : `<p:sp>${inner}<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`,
  );
}

export function fixSlideXml(xml: string): string {
  return addEmptyTextBodies(completeBackgrounds(dedupeParagraphProps(xml)));
}

/**
 * pptxgenjs declares a slide master per slide in [Content_Types].xml but writes one
 * (PptxGenJS issue #1444): overrides for parts the package lacks are dropped.
 */
export function dropMissingOverrides(xml: string, parts: ReadonlySet<string>): string {
  return xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (whole, part: string) =>
    parts.has(part) ? whole : '',
  );
}
