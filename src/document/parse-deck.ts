import { Lexer, type Token, type Tokens } from 'marked';
import { BriefkitError } from '../errors.js';
import type { CitationRegistry } from './citations.js';
import type { FactLookup } from './fact-lookup.js';
import { isLayout, LAYOUTS, readDirective } from './markdown-dialect.js';
import { documentContext, parseBlocks, type BlockContext } from './parse-blocks.js';
import { parseInlines, plainText } from './parse-inline.js';
import type { Block, DeckDoc, DocumentMeta, Inline, Slide, SlideLayout } from './types.js';
/**
 * Slides whose titles make up the agenda. A section with key figures and no points has
 * only its key-figures slide, so that layout counts too; the deck's own key-figures slide,
 * titled with the locale's word, is not a section.
 */
const AGENDA_LAYOUTS: readonly SlideLayout[] = ['section', 'content', 'two-column', 'key-figures'];

/**
 * The deck's Markdown → DeckDoc. `---` separates slides; `<!-- layout: NAME -->`
 * picks a layout; the first heading is the title; `<!-- notes -->` starts the
 * speaker notes; `<!-- agenda -->` lists the titles of the content slides after it.
 */
export function parseDeck(
  markdown: string,
  meta: DocumentMeta,
  facts: FactLookup,
  citations: CitationRegistry,
): DeckDoc {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const ctx = documentContext({ facts, citations, origin: 'deck' });
  const slides: Slide[] = [];
  const agendaAt: number[] = [];
  for (const chunk of splitSlides(tokens)) {
    const slide = parseSlide(chunk, ctx, slides.length + 1);
    if (!slide) continue;
    if (slide.agenda) agendaAt.push(slides.length);
    slides.push(slide.slide);
  }
  for (const index of agendaAt) {
    const titles = slides
      .slice(index + 1)
      .filter((s) => AGENDA_LAYOUTS.includes(s.layout))
      .filter((s) => s.layout !== 'key-figures' || plainText(s.title) !== facts.locale.labels.keyFigures)
      .map((s) => plainText(s.title))
      .filter((t, i, all) => t !== '' && all.indexOf(t) === i);
    const agenda: Block = {
      type: 'list',
      ordered: false,
      start: 1,
      items: titles.map((t) => [{ type: 'paragraph', children: [{ type: 'text', text: t }] }]),
    };
    slides[index]!.blocks.unshift(agenda);
  }
  // Numbers are shared with the report, and so is the list (parseDocuments sets both).
  return { meta, slides, sources: citations.list(), figures: citations.figures() };
}

function splitSlides(tokens: readonly Token[]): Token[][] {
  const chunks: Token[][] = [[]];
  for (const token of tokens) {
    if (token.type === 'hr') chunks.push([]);
    else chunks[chunks.length - 1]!.push(token);
  }
  return chunks.filter((chunk) => chunk.some((t) => t.type !== 'space'));
}

function parseSlide(
  tokens: Token[],
  ctx: BlockContext,
  position: number,
): { slide: Slide; agenda: boolean } | undefined {
  let layout: SlideLayout = 'content';
  let title: Inline[] = [];
  let agenda = false;
  const body: Token[] = [];
  const notes: Token[] = [];
  let inNotes = false;
  for (const token of tokens) {
    if (token.type === 'html') {
      const directive = readDirective((token as Tokens.HTML).text);
      if (directive.name === 'layout') layout = checkLayout(directive.value, position);
      else if (directive.name === 'notes') inNotes = true;
      else if (directive.name === 'agenda') agenda = true;
      else if (directive.name === 'sources' && !inNotes) body.push(token);
      continue;
    }
    if (inNotes) notes.push(token);
    else if (token.type === 'heading' && title.length === 0)
      title = parseInlines((token as Tokens.Heading).tokens, ctx);
    else body.push(token);
  }
  const blocks = parseBlocks(body, ctx);
  const noteText = parseBlocks(notes, ctx)
    .map(blockText)
    .filter((t) => t.trim() !== '');
  return {
    slide: {
      layout,
      title,
      blocks,
      notes: noteText,
      citations: collectCitations([...blocks, { type: 'paragraph', children: title }]),
    },
    agenda,
  };
}

function checkLayout(value: string | undefined, position: number): SlideLayout {
  if (isLayout(value)) return value;
  throw new BriefkitError('TEMPLATE_ERROR', {
    file: 'deck Markdown',
    message: `slide ${position}: unknown layout "${value ?? ''}"`,
    expected: `one of: ${LAYOUTS.join(', ')}`,
  });
}

/** Speaker notes are plain text: marks dropped, figures kept as their formatted text. */
function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return plainText(block.children);
    case 'list':
      return block.items.map((item) => `• ${item.map(blockText).join(' ')}`).join('\n');
    case 'quote':
      return block.children.map(blockText).join('\n');
    default:
      return '';
  }
}

function collectCitations(blocks: readonly Block[]): number[] {
  const found = new Set<number>();
  const visitInlines = (inlines: readonly Inline[]): void => {
    for (const i of inlines) {
      if (i.type === 'citation') found.add(i.number);
      if (i.type === 'figure') i.marks.forEach((n) => found.add(n));
      if (i.type === 'strong' || i.type === 'emphasis' || i.type === 'link') visitInlines(i.children);
    }
  };
  const visit = (block: Block): void => {
    if (block.type === 'paragraph' || block.type === 'heading') visitInlines(block.children);
    else if (block.type === 'list') block.items.flat().forEach(visit);
    else if (block.type === 'quote') {
      block.children.forEach(visit);
      if (block.attribution) visitInlines(block.attribution);
    } else if (block.type === 'table') {
      [...block.header, ...block.rows.flat()].forEach(visitInlines);
      block.data?.sourceLine.entries.forEach((e) => found.add(e.number));
    } else if (block.type === 'key-figures') block.items.forEach((k) => found.add(k.citation));
    else if (block.type === 'chart' || block.type === 'image') block.citations.forEach((n) => found.add(n));
  };
  blocks.forEach(visit);
  return [...found].sort((a, b) => a - b);
}
