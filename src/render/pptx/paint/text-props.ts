import type * as Pptx from '../pptxgen.js';
import { bulletStep, type RunLook, type TextParagraph } from '../text/paragraph.js';
import type { Run } from '../text/runs.js';

/** pptxgenjs text runs for some paragraphs: paragraph options ride on each run. */
export function toTextProps(paragraphs: readonly TextParagraph[], look: RunLook): Pptx.TextProps[] {
  const props: Pptx.TextProps[] = [];
  paragraphs.forEach((paragraph, index) => {
    const last = index === paragraphs.length - 1;
    const runs = paragraph.runs.length > 0 ? paragraph.runs : [emptyRun()];
    runs.forEach((run, runIndex) => {
      props.push({
        text: run.text,
        options: {
          // pptxgenjs starts a new paragraph at every run with a bullet, and at every
          // change of alignment: the bullet rides on the first run, the alignment on all.
          ...(runIndex === 0 ? paragraphOptions(paragraph) : {}),
          align: paragraph.align ?? 'left',
          ...runOptions(run, paragraph, look),
          ...(runIndex === runs.length - 1 && !last ? { breakLine: true } : {}),
          ...(runIndex > 0 && run.breakBefore ? { softBreakBefore: true } : {}),
        },
      });
    });
  });
  return props;
}

function emptyRun(): Run {
  return { text: '', bold: false, italic: false, code: false, superscript: false, breakBefore: false };
}

function paragraphOptions(paragraph: TextParagraph): Pptx.TextPropsOptions {
  const indent = paragraph.bullet ? bulletStep(paragraph) : 0;
  const bullet: Pptx.TextPropsOptions['bullet'] =
    paragraph.bullet?.type === 'number'
      ? { type: 'number', numberStartAt: paragraph.bullet.start, indent }
      : paragraph.bullet
        ? { characterCode: '2022', indent }
        : false;
  return {
    fontSize: paragraph.size,
    lineSpacing: paragraph.lineHeight,
    paraSpaceAfter: paragraph.spaceAfter,
    bullet,
    ...(paragraph.level > 0 ? { indentLevel: paragraph.level } : {}),
  };
}

function runOptions(run: Run, paragraph: TextParagraph, look: RunLook): Pptx.TextPropsOptions {
  return {
    fontSize: paragraph.size,
    color: paragraph.color,
    fontFace: run.code ? 'Courier New' : look.font,
    lang: look.lang,
    bold: run.bold || paragraph.bold === true,
    italic: run.italic || paragraph.italic === true,
    ...(run.superscript ? { superscript: true } : {}),
    ...(run.href ? { hyperlink: { url: run.href }, color: look.linkColor } : {}),
  };
}
