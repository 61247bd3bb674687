import { assertNever } from '../errors.js';
import type {
  Block,
  CitedSource,
  DeckDoc,
  DocumentMeta,
  FigureText,
  Inline,
  KeyFigure,
  ReportDoc,
  Slide,
  SourceEntryRun,
  SourceLine,
} from './types.js';

/** Rewrites one piece of printed text; `field` names it, for warnings. */
export type TextMapper = (text: string) => string;

/**
 * The one walker over the document IR's printed text, by type: every string a reader
 * sees passes through `map`, and nothing else does: ids, anchors, link targets, URLs,
 * the language tag and numbers keep their exact value. Fitting text to the fonts uses it.
 */
export function mapReportText(doc: ReportDoc, map: TextMapper): ReportDoc {
  return {
    meta: mapMeta(doc.meta, map),
    blocks: doc.blocks.map((block) => mapBlock(block, map)),
    sources: doc.sources.map((source) => mapSource(source, map)),
    figures: doc.figures.map((figure) => mapFigure(figure, map)),
  };
}

export function mapDeckText(doc: DeckDoc, map: TextMapper): DeckDoc {
  return {
    meta: mapMeta(doc.meta, map),
    slides: doc.slides.map((slide) => mapSlide(slide, map)),
    sources: doc.sources.map((source) => mapSource(source, map)),
    figures: doc.figures.map((figure) => mapFigure(figure, map)),
  };
}

function mapMeta(meta: DocumentMeta, map: TextMapper): DocumentMeta {
  const optional = (key: 'subtitle' | 'place' | 'audience' | 'organisation' | 'author') =>
    meta[key] === undefined ? {} : { [key]: map(meta[key]) };
  const labels = Object.fromEntries(
    Object.entries(meta.labels).map(([key, value]) => [key, map(value)]),
  ) as unknown as DocumentMeta['labels'];
  return {
    ...meta,
    title: map(meta.title),
    shortTitle: map(meta.shortTitle),
    dateText: map(meta.dateText),
    ...optional('subtitle'),
    ...optional('place'),
    ...optional('audience'),
    ...optional('organisation'),
    ...optional('author'),
    keywords: meta.keywords.map(map),
    labels,
  };
}

function mapSlide(slide: Slide, map: TextMapper): Slide {
  return {
    ...slide,
    title: mapInlines(slide.title, map),
    blocks: slide.blocks.map((block) => mapBlock(block, map)),
    notes: slide.notes.map(map),
  };
}

export function mapInlines(inlines: readonly Inline[], map: TextMapper): Inline[] {
  return inlines.map((node): Inline => {
    switch (node.type) {
      case 'text':
      case 'code':
      case 'figure':
        return { ...node, text: map(node.text) };
      case 'strong':
      case 'emphasis':
      case 'link':
        return { ...node, children: mapInlines(node.children, map) };
      case 'break':
      case 'citation':
        return node;
      default:
        return assertNever(node, 'inline');
    }
  });
}

function mapBlock(block: Block, map: TextMapper): Block {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return { ...block, children: mapInlines(block.children, map) };
    case 'list':
      return { ...block, items: block.items.map((item) => item.map((b) => mapBlock(b, map))) };
    case 'quote':
      return {
        ...block,
        children: block.children.map((b) => mapBlock(b, map)),
        ...(block.attribution && { attribution: mapInlines(block.attribution, map) }),
      };
    case 'table':
      return {
        ...block,
        header: block.header.map((cell) => mapInlines(cell, map)),
        rows: block.rows.map((row) => row.map((cell) => mapInlines(cell, map))),
      };
    case 'chart':
      return {
        ...block,
        label: map(block.label),
        caption: map(block.caption),
        captionText: map(block.captionText),
        sourceLine: mapSourceLine(block.sourceLine, map),
        dataLabels: block.dataLabels.map((label) => ({ ...label, text: map(label.text) })),
      };
    case 'image':
      return {
        ...block,
        label: map(block.label),
        caption: map(block.caption),
        captionText: map(block.captionText),
        alt: map(block.alt),
        ...(block.credit !== undefined && { credit: map(block.credit) }),
        sourceLine: mapSourceLine(block.sourceLine, map),
        footText: map(block.footText),
      };
    case 'key-figures':
      return { ...block, items: block.items.map((item) => mapKeyFigure(item, map)) };
    case 'sources':
    case 'rule':
      return block;
    default:
      return assertNever(block, 'block');
  }
}

function mapFigure(figure: FigureText, map: TextMapper): FigureText {
  const { prefix, value, suffix } = figure.keyFigure;
  return {
    ...figure,
    inline: map(figure.inline),
    keyFigure: { prefix: map(prefix), value: map(value), suffix: map(suffix) },
    dataLabel: map(figure.dataLabel),
    axis: map(figure.axis),
  };
}

function mapKeyFigure(item: KeyFigure, map: TextMapper): KeyFigure {
  return {
    ...item,
    value: map(item.value),
    prefix: map(item.prefix),
    suffix: map(item.suffix),
    label: map(item.label),
    text: map(item.text),
    sourceLabel: map(item.sourceLabel),
    sourceLine: mapSourceLine(item.sourceLine, map),
  };
}

function mapSourceLine(line: SourceLine, map: TextMapper): SourceLine {
  return {
    text: map(line.text),
    label: map(line.label),
    entries: line.entries.map((entry) => ({ ...entry, name: map(entry.name) })),
  };
}

function mapSource(source: CitedSource, map: TextMapper): CitedSource {
  const optional = (key: 'title' | 'date' | 'via' | 'note') =>
    source[key] === undefined ? {} : { [key]: map(source[key]) };
  // A printed URL is its link target: it is kept exactly, like `url`.
  const runs = (list: SourceEntryRun[]) =>
    list.map((run) => (run.text === source.url ? run : { ...run, text: map(run.text) }));
  return {
    ...source,
    publisher: map(source.publisher),
    label: map(source.label),
    ...optional('title'),
    ...optional('date'),
    ...optional('via'),
    ...optional('note'),
    entry: runs(source.entry),
    brief: runs(source.brief),
  };
}
