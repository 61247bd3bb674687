/**
 * The workbook pptxgenjs embeds in each native chart (the data PowerPoint opens in Excel
 * for "Edit Data") breaks SpreadsheetML (ISO/IEC 29500-1 §18) in three ways, one rule each.
 */

/**
 * CT_Table/@ref is an ST_Ref ("A1:B3"); pptxgenjs 4 writes a stray apostrophe after it
 * ("A1:B3'"), which Excel reports as a corrupt table.
 */
export function fixTableRef(xml: string): string {
  return xml.replace(/(<table\b[^>]*?\sref="[A-Z]+\d+:[A-Z]+\d+)'+(")/, '$1$2');
}

/**
 * A worksheet's table is only part of the sheet when the sheet lists it in tableParts
 * (§18.3.1.95), the last element of CT_Worksheet before extLst; pptxgenjs writes the
 * relationship but not the list. `tableRelIds` are the sheet's table relationships.
 */
export function addTableParts(xml: string, tableRelIds: readonly string[]): string {
  if (tableRelIds.length === 0 || xml.includes('<tableParts')) return xml;
  const parts =
    `<tableParts count="${tableRelIds.length}">` +
    tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('') +
    '</tableParts>';
  return xml.includes('<extLst')
    ? xml.replace('<extLst', `${parts}<extLst`)
    : xml.replace('</worksheet>', `${parts}</worksheet>`);
}

/**
 * Every cell is formatted through a cell format record (cellXfs, §18.8.10), and the
 * stylesheet's sequence (CT_Stylesheet: numFmts?, fonts?, fills?, borders?,
 * cellStyleXfs?, cellXfs?, cellStyles?, dxfs?, …) puts them after borders. pptxgenjs
 * writes none, so readers find "no stylesheet"; the default Normal style is added.
 */
export function completeStylesheet(xml: string): string {
  if (xml.includes('<cellXfs')) return xml;
  const normal =
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>';
  const after = ['</borders>', '</fills>', '</fonts>', '</numFmts>'].find((tag) => xml.includes(tag));
  if (after) return xml.replace(after, `${after}${normal}`);
  return xml.replace(/(<styleSheet\b[^>]*>)/, `$1${normal}`);
}

/** The ids of a sheet's relationships to table parts, from its .rels part. */
export function tableRelationshipIds(rels: string): string[] {
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /Type="[^"]*\/relationships\/table"/.test(tag))
    .map((tag) => /\sId="([^"]+)"/.exec(tag)?.[1])
    .filter((id): id is string => id !== undefined);
}
