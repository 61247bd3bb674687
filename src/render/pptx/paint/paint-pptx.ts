import { assertNever, fail } from '../../../errors.js';
import type * as Pptx from '../pptxgen.js';
import type {
  DeckModel,
  MasterElement,
  MasterModel,
  SlideElement,
  SlideModel,
  TableElement,
} from '../slide-model.js';
import { PACKAGE_FILES_OUTPUT, type PackageFiles } from '../zip/zip-io.js';
import { toTextProps } from './text-props.js';

/**
 * The pptxgenjs painter: writes a slide model, box by box, in model order (which is
 * the order of the shapes in each slide's XML). Decides nothing about layout.
 * Returns the unnormalised package's files, as pptxgenjs wrote them.
 */
export async function paintPptx(model: DeckModel, pptx: Pptx.Pptx): Promise<PackageFiles> {
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = model.properties.title;
  pptx.subject = model.properties.subject;
  pptx.author = model.properties.author;
  pptx.company = model.properties.company;
  pptx.theme = { headFontFace: model.fonts.heading, bodyFontFace: model.fonts.body };
  for (const master of model.masters) paintMaster(pptx, master);
  for (const slide of model.slides) paintSlide(pptx, slide);
  // pptxgenjs passes the output type on to jszip, whose stand-in (vendor/jszip.ts) then
  // gives back the files themselves: normalize.ts writes the only archive.
  const outputType = PACKAGE_FILES_OUTPUT as unknown as 'uint8array';
  const files: unknown = await pptx.write({ outputType, compression: false });
  if (!(files instanceof Map)) {
    return fail('INTERNAL_ERROR', {
      message: 'pptxgenjs did not hand over the files it wrote',
      expected: "pptxgenjs's jszip to be briefkit's stand-in (vendor/jszip.ts, scripts/bundle.mjs)",
    });
  }
  return files as PackageFiles;
}

function paintMaster(pptx: Pptx.Pptx, master: MasterModel): void {
  const number = master.slideNumber;
  pptx.defineSlideMaster({
    title: master.name,
    background: { color: master.background },
    objects: master.elements.map(masterObject),
    ...(number
      ? {
          slideNumber: {
            ...number.box,
            fontFace: number.font,
            fontSize: number.size,
            color: number.color,
            align: 'right',
            valign: 'middle',
            margin: 0,
          },
        }
      : {}),
  });
}

type MasterObject = NonNullable<Pptx.SlideMasterProps['objects']>[number];

function masterObject(element: MasterElement): MasterObject {
  switch (element.kind) {
    case 'shape':
      return element.shape === 'rect'
        ? { rect: { ...element.box, fill: { color: element.fill } } }
        : { line: { ...element.box, line: { ...element.line } } };
    case 'placeholder':
      return {
        placeholder: {
          options: {
            name: element.name,
            type: 'title',
            ...element.box,
            fontFace: element.font,
            fontSize: element.size,
            color: element.color,
            bold: true,
            align: 'left',
            valign: element.valign,
            margin: 0,
          },
          text: '',
        },
      };
    case 'label':
      return {
        text: {
          text: element.text,
          options: {
            ...element.box,
            fontFace: element.font,
            fontSize: element.size,
            color: element.color,
            ...(element.bold ? { bold: true } : {}),
            valign: element.valign,
            margin: 0,
            ...(element.lang ? { lang: element.lang } : {}),
          },
        },
      };
    default:
      return assertNever(element, 'master element');
  }
}

function paintSlide(pptx: Pptx.Pptx, model: SlideModel): void {
  const slide = pptx.addSlide({ masterName: model.master });
  if (model.notes.trim() !== '') slide.addNotes(model.notes);
  for (const element of model.elements) paintElement(slide, element);
}

function paintElement(slide: Pptx.PptxSlide, element: SlideElement): void {
  switch (element.kind) {
    case 'text':
      slide.addText(toTextProps(element.paragraphs, element.look), {
        ...(element.placeholder ? { placeholder: element.placeholder } : {}),
        ...element.box,
        margin: 0,
        valign: element.valign,
        fit: 'none',
      });
      return;
    case 'label':
      slide.addText(element.text, {
        ...element.box,
        fontFace: element.font,
        fontSize: element.size,
        color: element.color,
        ...(element.bold ? { bold: true } : {}),
        ...(element.lang ? { lang: element.lang } : {}),
        margin: 0,
        valign: element.valign,
        fit: 'none',
      });
      return;
    case 'shape':
      if (element.shape === 'rect') {
        slide.addShape('rect', {
          ...element.box,
          fill: { color: element.fill },
          line: { type: 'none' },
        });
      } else {
        slide.addShape('line', { ...element.box, line: { ...element.line } });
      }
      return;
    case 'picture':
      slide.addImage({
        data: `image/${element.format};base64,${element.data.toString('base64')}`,
        ...element.box,
        altText: element.altText,
        objectName: element.objectName,
      });
      return;
    case 'chart':
      slide.addChart(element.type, element.data, { ...element.box, ...element.options });
      return;
    case 'table':
      paintTable(slide, element);
      return;
    default:
      assertNever(element, 'slide element');
  }
}

function paintTable(slide: Pptx.PptxSlide, table: TableElement): void {
  const none: Pptx.BorderProps = { type: 'none' };
  const rows: Pptx.TableRow[] = table.rows.map((row) =>
    row.map((cell): Pptx.TableCell => ({
      text: toTextProps([cell.paragraph], cell.look),
      options: {
        fill: { color: cell.fill },
        valign: cell.valign,
        margin: cell.margin,
        border: [
          none,
          none,
          cell.bottom ? { type: 'solid', pt: cell.bottom.width, color: cell.bottom.color } : none,
          none,
        ],
      },
    })),
  );
  slide.addTable(rows, {
    x: table.box.x,
    y: table.box.y,
    w: table.box.w,
    // The frame's extent is the rows' total (pptxgenjs writes 1 inch when not told).
    h: table.box.h,
    colW: table.columns,
    rowH: table.rowHeights,
    fontFace: table.font,
    fontSize: table.size,
    autoPage: false,
  });
}
