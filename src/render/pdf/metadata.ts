import type { DocumentMeta } from '../../document/types.js';
import type { Pdf } from './types.js';
import { replaceXmpStep } from '../../vendor/pdfkit.js';

export function documentInfo(meta: DocumentMeta): PDFKit.DocumentInfo {
  return {
    Title: meta.title,
    ...(meta.author || meta.organisation ? { Author: meta.author ?? meta.organisation } : {}),
    ...(meta.subtitle ? { Subject: meta.subtitle } : {}),
    Keywords: meta.keywords.join(', '),
    Creator: 'briefkit',
    Producer: 'briefkit (PDFKit)',
    CreationDate: meta.buildDate,
    ModDate: meta.buildDate,
  };
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const xmpDate = (date: Date): string => `${date.toISOString().split('.')[0]}Z`;

// PDF/A admits XMP properties outside its predefined schemas only when the packet
// describes them (ISO 19005-2, 6.6.2.3): this is the description of pdfuaid:part.
const PDFUA_SCHEMA_FOR_PDFA = `
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
                    <pdfaProperty:name>part</pdfaProperty:name>
                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                    <pdfaProperty:category>internal</pdfaProperty:category>
                    <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
                </rdf:li></rdf:Seq></pdfaSchema:property>
            </rdf:li></rdf:Bag></pdfaExtension:schemas>
        </rdf:Description>`;

/**
 * pdfkit writes the XMP packet from the info dictionary without escaping, so a
 * title with "&" or "<" would corrupt it, and it leaves out ModifyDate, which PDF/A
 * requires to match the info dictionary. This replaces that one step for this
 * document only; the test on XMP guards it if pdfkit renames the step.
 *
 * The packet also claims PDF/UA-1 (`pdfuaid:part`), which every report is written to
 * meet; pdfkit's own PDF/UA option cannot be combined with PDF/A, so it is written
 * here, with the schema description PDF/A asks for when `pdfa` is set.
 */
export function installXmpWriter(pdf: Pdf, lang: string, pdfa: boolean): void {
  replaceXmpStep(pdf, () => {
    const info = pdf.info;
    const created = info.CreationDate ?? new Date(0);
    const modified = info.ModDate ?? created;
    const alt = (tag: string, value: string | undefined): string =>
      value
        ? `<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${tag}>`
        : '';
    pdf.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${xmpDate(created)}</xmp:CreateDate>
            <xmp:ModifyDate>${xmpDate(modified)}</xmp:ModifyDate>
            <xmp:MetadataDate>${xmpDate(modified)}</xmp:MetadataDate>
            <xmp:CreatorTool>${escapeXml(info.Creator ?? '')}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            ${alt('dc:title', info.Title)}
            ${info.Author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>` : ''}
            ${alt('dc:description', info.Subject)}
            <dc:language><rdf:Bag><rdf:li>${escapeXml(lang)}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${escapeXml(info.Producer ?? '')}</pdf:Producer>
            ${info.Keywords ? `<pdf:Keywords>${escapeXml(info.Keywords)}</pdf:Keywords>` : ''}
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>${pdfa ? PDFUA_SCHEMA_FOR_PDFA : ''}
        `);
  });
}
