import type * as Pptx from '../pptxgen.js';
import { bulletStep, type RunLook, type TextParagraph } from '../text/paragraph.js';
import type { Run } from '../text/runs.js';

/**
 * pptxgenjs text runs for some paragraphs: paragraph options ride on each run. Each run's
 * options are one object, its keys set in the order pptxgenjs has always got them (a key set
 * again keeps its first place, as with object spreads): a deck has thousands of runs, and
 * spreads are slow in code that runs once per build.
 */
export function toTextProps(paragraphs: readonly TextParagraph[], look: RunLook): Pptx.TextProps[] {
  const props: Pptx.TextProps[] = [];
  paragraphs.forEach((paragraph, index) => {
    const last = index === paragraphs.length - 1;
    const runs = paragraph.runs.length > 0 ? paragraph.runs : [emptyRun()];
    runs.forEach((run, runIndex) => {
      const options: Pptx.TextPropsOptions = {};
      // pptxgenjs starts a new paragraph at every run with a bullet, and at every
      // change of alignment: the bullet rides on the first run, the alignment on all.
      if (runIndex === 0) setParagraphOptions(options, paragraph);
      options.align = paragraph.align ?? 'left';
      setRunOptions(options, run, paragraph, look);
      if (runIndex === runs.length - 1 && !last) options.breakLine = true;
      if (runIndex > 0 && run.breakBefore) options.softBreakBefore = true;
      props.push({ text: run.text, options });
    });
  });
  return props;
}

function emptyRun(): Run {
  return { text: '', bold: false, italic: false, code: false, superscript: false, breakBefore: false };
}

function setParagraphOptions(options: Pptx.TextPropsOptions, paragraph: TextParagraph): void {
  const indent = paragraph.bullet ? bulletStep(paragraph) : 0;
  options.fontSize = paragraph.size;
  options.lineSpacing = paragraph.lineHeight;
  options.paraSpaceAfter = paragraph.spaceAfter;
  options.bullet =
    paragraph.bullet?.type === 'number'
      ? { type: 'number', numberStartAt: paragraph.bullet.start, indent }
      : paragraph.bullet
        ? { characterCode: '2022', indent }
        : false;
  if (paragraph.level > 0) options.indentLevel = paragraph.level;
}

function setRunOptions(
  options: Pptx.TextPropsOptions,
  run: Run,
  paragraph: TextParagraph,
  look: RunLook,
): void {
  options.fontSize = paragraph.size;
  options.color = paragraph.color;
  options.fontFace = run.code ? 'Courier New' : look.font;
  options.lang = look.lang;
  options.bold = run.bold || paragraph.bold === true;
  options.italic = run.italic || paragraph.italic === true;
  if (run.superscript) options.superscript = true;
  if (run.href) {
    options.hyperlink = { url: run.href };
    options.color = look.linkColor;
  }
}
