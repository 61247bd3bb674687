import type { Token, Tokens } from 'marked';
import { BriefkitError } from '../errors.js';
import {
  CHART_SCHEME,
  IMAGE_SCHEME,
  KEY_FIGURES_LANG,
  TABLE_SCHEME,
  readDirective,
} from './markdown-dialect.js';
import { planDataLabels } from './chart-labels.js';
import { dataTableBlock } from './data-table.js';
import { imageBlock } from './image-block.js';
import { parseInlines, plainText, type InlineContext } from './parse-inline.js';
import type { Block, ChartBlock, DataLabel, Inline, KeyFigure, QuoteBlock, SourceLine } from './types.js';
import { unknownIdError } from './unknown-id.js';

export interface BlockContext extends InlineContext {
  /** Charts and images are numbered in document order, in one count: "Figure 1", "Figure 2"… */
  nextFigureNumber: () => number;
  /** Tables of the briefing are numbered apart from figures: "Table 1", "Table 2"… */
  nextTableNumber: () => number;
}

/** A document's block context: its facts and citations, figures and tables counted from 1. */
export function documentContext(inline: InlineContext): BlockContext {
  let figureNumber = 0;
  let tableNumber = 0;
  return {
    ...inline,
    nextFigureNumber: () => ++figureNumber,
    nextTableNumber: () => ++tableNumber,
  };
}

/** Marked's block tokens → IR blocks. Headings are handled by the report and deck parsers. */
export function parseBlocks(tokens: readonly Token[], ctx: BlockContext): Block[] {
  const out: Block[] = [];
  for (const token of tokens) {
    // A paragraph of chart images on consecutive lines is one chart after another.
    if (token.type === 'paragraph') out.push(...parseParagraph(token as Tokens.Paragraph, ctx));
    else {
      const block = parseBlock(token, ctx);
      if (block) out.push(block);
    }
  }
  return out;
}

function parseBlock(token: Token, ctx: BlockContext): Block | undefined {
  switch (token.type) {
    case 'space':
      return undefined;
    case 'html': // Directives are read by the report and deck parsers; other comments are dropped.
      return readDirective((token as Tokens.HTML).text).name === 'sources' ? { type: 'sources' } : undefined;
    case 'paragraph':
      return parseParagraph(token as Tokens.Paragraph, ctx)[0];
    case 'text': {
      const t = token as Tokens.Text;
      return {
        type: 'paragraph',
        children: parseInlines(t.tokens ?? [{ type: 'text', raw: t.raw, text: t.text } as Token], ctx),
      };
    }
    case 'list': {
      const list = token as Tokens.List;
      return {
        type: 'list',
        ordered: list.ordered,
        start: typeof list.start === 'number' ? list.start : 1,
        items: list.items.map((item) => parseBlocks(item.tokens, ctx)),
      };
    }
    case 'blockquote':
      return parseQuote(parseBlocks((token as Tokens.Blockquote).tokens, ctx));
    case 'table': {
      const table = token as Tokens.Table;
      return {
        type: 'table',
        header: table.header.map((cell) => parseInlines(cell.tokens, ctx)),
        align: table.align.map((a) => a ?? 'left'),
        rows: table.rows.map((row) => row.map((cell) => parseInlines(cell.tokens, ctx))),
      };
    }
    case 'code': {
      const code = token as Tokens.Code;
      if (code.lang === KEY_FIGURES_LANG) return { type: 'key-figures', items: keyFigures(code.text, ctx) };
      return { type: 'paragraph', children: [{ type: 'code', text: code.text }] };
    }
    case 'hr':
      return { type: 'rule' };
    case 'heading':
      throw new Error('headings are handled by the document parsers');
    default:
      return { type: 'paragraph', children: [{ type: 'text', text: token.raw.trim() }] };
  }
}

/**
 * A paragraph that is just `![caption](chart:id)` is a chart figure; several such
 * images on consecutive lines (a template's `{{#each charts}}{{chart this}}` without
 * blank lines) are several charts, not "images in running text".
 */
function parseParagraph(token: Tokens.Paragraph, ctx: BlockContext): Block[] {
  const meaningful = token.tokens.filter(
    (t) => !(t.type === 'text' && t.raw.trim() === '') && t.type !== 'br',
  );
  if (meaningful.length > 0 && meaningful.every((t) => t.type === 'image')) {
    return meaningful.map((image) => parseChart(image as Tokens.Image, ctx));
  }
  return [{ type: 'paragraph', children: parseInlines(token.tokens, ctx) }];
}

function parseChart(image: Tokens.Image, ctx: BlockContext): Block {
  if (image.href.startsWith(TABLE_SCHEME)) {
    const caption = imageCaption(image, ctx);
    return dataTableBlock(image.href.slice(TABLE_SCHEME.length), caption, ctx.nextTableNumber(), ctx);
  }
  if (image.href.startsWith(IMAGE_SCHEME)) {
    const caption = imageCaption(image, ctx);
    return imageBlock(image.href.slice(IMAGE_SCHEME.length), caption, ctx.nextFigureNumber(), ctx);
  }
  if (!image.href.startsWith(CHART_SCHEME)) {
    throw new BriefkitError('TEMPLATE_ERROR', {
      file: `${ctx.origin} Markdown`,
      message: `image "${image.href}" is not a chart`,
      expected:
        'images written ![caption](chart:ID) for a chart, ![caption](table:ID) for a table or ![caption](image:ID) for an image of the briefing',
    });
  }
  const chartId = image.href.slice(CHART_SCHEME.length);
  const chart = ctx.facts.charts.get(chartId);
  if (!chart) throw unknownIdError('chart', chartId, `${ctx.origin} Markdown`);
  const caption = imageCaption(image, ctx);
  const number = ctx.nextFigureNumber();
  return chartBlock(
    chartId,
    number,
    ctx.facts.locale.labels.figure,
    caption,
    ctx.citations.line(chart.sourceIds, ctx.origin),
    planDataLabels(chart.labelling),
  );
}

/** The caption written in `![caption](…)`, as plain text. */
function imageCaption(image: Tokens.Image, ctx: BlockContext): string {
  return (plainText(parseInlines(image.tokens ?? [], ctx)) || image.text).trim();
}

/**
 * A numbered chart: "Figure 2 — caption" (the label alone without one), its sources and
 * the data labels both outputs print.
 */
export function chartBlock(
  chartId: string,
  number: number,
  figureWord: string,
  caption: string,
  sourceLine: SourceLine,
  dataLabels: DataLabel[],
): ChartBlock {
  const label = `${figureWord} ${number}`;
  return {
    type: 'chart',
    chartId,
    number,
    label,
    caption,
    captionText: caption === '' ? label : `${label} — ${caption}`,
    sourceLine,
    citations: sourceLine.entries.map((e) => e.number),
    dataLabels,
  };
}

/** A final paragraph starting with an em dash is the quote's attribution. */
function parseQuote(children: Block[]): QuoteBlock {
  const last = children[children.length - 1];
  if (last?.type === 'paragraph') {
    const first = last.children[0];
    if (first?.type === 'text' && /^\s*[—–]\s*/.test(first.text)) {
      const attribution: Inline[] = [
        { type: 'text', text: first.text.replace(/^\s*[—–]\s*/, '') },
        ...last.children.slice(1),
      ];
      return { type: 'quote', children: children.slice(0, -1), attribution };
    }
  }
  return { type: 'quote', children };
}

function keyFigures(body: string, ctx: BlockContext): KeyFigure[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((id) => {
      const entry = ctx.facts.figures.get(id);
      if (!entry) throw unknownIdError('figure', id, `${ctx.origin} Markdown`, ' in a key-figures block');
      const { figure } = entry;
      const text = ctx.citations.figure(id, ctx.origin);
      const sourceLine = ctx.citations.line([figure.source], ctx.origin);
      return {
        figureId: id,
        ...text.keyFigure,
        label: figure.label,
        text: text.inline,
        citation: text.citation,
        sourceLabel: ctx.citations.label(figure.source),
        sourceLine,
      };
    });
}
