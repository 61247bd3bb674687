import { describe, expect, it } from 'vitest';
import { appVersion } from '../../../src/render/pptx/zip/app-properties.js';
import { conformChart } from '../../../src/render/pptx/zip/chart-schema.js';
import {
  conformPresentation,
  standardContentTypes,
  tagLanguage,
  uniqueShapeIds,
} from '../../../src/render/pptx/zip/package-schema.js';
import {
  addTableParts,
  completeStylesheet,
  fixTableRef,
} from '../../../src/render/pptx/zip/workbook-schema.js';
import { parseXml, serializeXml } from '../../../src/render/pptx/zip/xml-tree.js';

describe('the XML tree', () => {
  it('writes a part back byte for byte', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:p x="a>b" y=\'1\'><!-- c --><a:r><a:t>x &amp; y</a:t></a:r>  <a:br/></a:p>';
    expect(serializeXml(parseXml(xml))).toBe(xml);
  });
});

describe('schema repairs', () => {
  it('CT_BarChart: two axis ids; CT_BarSer: data points before data labels', () => {
    const xml =
      '<c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:order val="0"/> <c:dLbls/> <c:dPt><c:idx val="0"/></c:dPt><c:val/></c:ser>' +
      '<c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:barChart>';
    expect(conformChart(xml)).toBe(
      '<c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:order val="0"/><c:dPt><c:idx val="0"/></c:dPt><c:dLbls/><c:val/></c:ser>' +
        '<c:axId val="1"/><c:axId val="2"/></c:barChart>',
    );
  });

  it('CT_LineChart: grouping added; CT_LineSer: no invertIfNegative, marker before labels', () => {
    const xml =
      '<c:lineChart><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:invertIfNegative val="0"/>' +
      '<c:dLbls/><c:marker><c:symbol val="none"/></c:marker><c:val/><c:smooth val="0"/></c:ser>' +
      '<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:lineChart>';
    expect(conformChart(xml)).toBe(
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>' +
        '<c:marker><c:symbol val="none"/></c:marker><c:dLbls/><c:val/><c:smooth val="0"/></c:ser>' +
        '<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>',
    );
  });

  it('CT_Presentation: the notes master list right after the slide master list', () => {
    expect(
      conformPresentation(
        '<p:presentation><p:sldMasterIdLst/><p:sldIdLst/><p:notesMasterIdLst/><p:sldSz/><p:notesSz/></p:presentation>',
      ),
    ).toBe(
      '<p:presentation><p:sldMasterIdLst/><p:notesMasterIdLst/><p:sldIdLst/><p:sldSz/><p:notesSz/></p:presentation>',
    );
  });

  it('shape ids unique per slide, first use kept', () => {
    expect(
      uniqueShapeIds(
        '<p:cNvPr id="1"/><p:cNvPr id="25" name="a"/><p:cNvPr id="3"/><p:cNvPr id="25" name="b"/>',
      ),
    ).toBe('<p:cNvPr id="1"/><p:cNvPr id="25" name="a"/><p:cNvPr id="3"/><p:cNvPr id="26" name="b"/>');
  });

  it('every run in the briefing’s language; jpg typed image/jpeg', () => {
    expect(
      tagLanguage('<a:rPr lang="en-US" b="1"/><a:endParaRPr lang="en-US"/><c:lang val="x"/>', 'uk'),
    ).toBe('<a:rPr lang="uk" b="1"/><a:endParaRPr lang="uk"/><c:lang val="x"/>');
    expect(standardContentTypes('<Default Extension="jpg" ContentType="image/jpg"/>')).toBe(
      '<Default Extension="jpg" ContentType="image/jpeg"/>',
    );
  });

  it('embedded workbooks: a valid table range, the table listed, a cell format', () => {
    expect(fixTableRef('<table id="1" ref="A1:B3\'" totalsRowShown="0">')).toBe(
      '<table id="1" ref="A1:B3" totalsRowShown="0">',
    );
    expect(addTableParts('<worksheet><sheetData/><pageMargins/></worksheet>', ['rId1'])).toBe(
      '<worksheet><sheetData/><pageMargins/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>',
    );
    expect(
      completeStylesheet('<styleSheet><fonts/><borders count="1"><border/></borders><dxfs/></styleSheet>'),
    ).toMatch(
      /<\/borders><cellStyleXfs count="1">.*<\/cellStyleXfs><cellXfs count="1">.*<\/cellXfs><cellStyles count="1">.*<\/cellStyles><dxfs\/>/,
    );
  });

  it('AppVersion in the XX.YYYY form Office reads', () => {
    expect(appVersion('0.1.0')).toBe('00.0100');
    expect(appVersion('1.4.12')).toBe('01.0412');
    expect(appVersion('2.0.0-beta.1')).toBe('02.0000');
  });
});
