import { describe, expect, it } from 'vitest';
import {
  addEmptyTextBodies,
  completeBackgrounds,
  dedupeParagraphProps,
  dropMissingOverrides,
} from '../../../src/render/pptx/zip/xml-fixes.js';

describe('pptxgenjs XML repairs', () => {
  it('keeps one paragraph-properties element per paragraph, the first', () => {
    const xml =
      '<a:p><a:pPr marL="342900"><a:buChar char="•"/></a:pPr><a:r><a:t>A</a:t></a:r>' +
      '<a:br/><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>B</a:t></a:r></a:p>' +
      '<a:p><a:pPr algn="l"/><a:r><a:t>C</a:t></a:r></a:p>';
    expect(dedupeParagraphProps(xml)).toBe(
      '<a:p><a:pPr marL="342900"><a:buChar char="•"/></a:pPr><a:r><a:t>A</a:t></a:r><a:br/><a:r><a:t>B</a:t></a:r></a:p>' +
        '<a:p><a:pPr algn="l"/><a:r><a:t>C</a:t></a:r></a:p>',
    );
  });

  it('completes solid backgrounds and empty shapes', () => {
    expect(completeBackgrounds('<p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></p:bgPr>')).toBe(
      '<p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:effectLst/></p:bgPr>',
    );
    expect(addEmptyTextBodies('<p:sp><p:spPr/></p:sp>')).toBe(
      '<p:sp><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>',
    );
  });

  it('drops content-type overrides for parts the package lacks', () => {
    const xml =
      '<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="x"/>' +
      '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="x"/>';
    expect(dropMissingOverrides(xml, new Set(['ppt/slideMasters/slideMaster1.xml']))).toBe(
      '<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="x"/>',
    );
  });
});
