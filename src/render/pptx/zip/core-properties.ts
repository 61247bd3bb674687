import type { DocumentMeta } from '../../../document/types.js';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** W3CDTF without milliseconds: 2026-02-26T00:00:00Z. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * docProps/core.xml written from the document's metadata, dated by the build date
 * (pptxgenjs stamps the clock there).
 */
export function coreProperties(meta: DocumentMeta): string {
  const when = w3cdtf(meta.buildDate);
  const creator = meta.author ?? meta.organisation ?? 'briefkit';
  const fields = [
    `<dc:title>${escapeXml(meta.title)}</dc:title>`,
    `<dc:subject>${escapeXml(meta.subtitle ?? meta.title)}</dc:subject>`,
    `<dc:creator>${escapeXml(creator)}</dc:creator>`,
    `<cp:keywords>${escapeXml(meta.keywords.join('; '))}</cp:keywords>`,
    `<dc:language>${escapeXml(meta.lang)}</dc:language>`,
    `<cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    fields.join('') +
    '</cp:coreProperties>'
  );
}
