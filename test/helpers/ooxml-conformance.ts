import path from 'node:path/posix';
import JSZip from 'jszip';
import { CONTENT_MODELS, REQUIRED_LABEL_FLAGS, SERIES_MODELS, type ContentModel } from './ooxml-rules.js';
import { attr, childrenOf, parseXml, tagOf, type XmlNode } from './pptx.js';

/**
 * Checks an OPC package (a deck, and the workbooks embedded in it) against the rules
 * ISO/IEC 29500 fixes: element order and cardinality (ooxml-rules.ts), shape ids unique
 * per slide, every relationship resolvable, every part typed in [Content_Types].xml.
 * Returns one line per violation, "part  element path  what is wrong".
 */
export async function checkPackage(data: Uint8Array | Buffer, prefix = ''): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const problems: string[] = [];
  const text = (name: string): Promise<string> => zip.file(name)!.async('string');

  const types = await text('[Content_Types].xml');
  problems.push(...checkContentTypes(types, names).map((p) => `${prefix}[Content_Types].xml  ${p}`));
  for (const name of names) {
    if (/\.(xml|rels)$/.test(name)) {
      const xml = await text(name);
      problems.push(...checkElements(parseXml(xml)).map((p) => `${prefix}${name}  ${p}`));
      if (/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(name)) {
        problems.push(...checkUniqueIds(xml).map((p) => `${prefix}${name}  ${p}`));
      }
      if (name.endsWith('.rels')) {
        problems.push(...checkRelationships(name, xml, names).map((p) => `${prefix}${name}  ${p}`));
      }
      const sheet = /^xl\/worksheets\/(sheet\d+\.xml)$/.exec(name);
      const sheetRels = sheet && zip.file(`xl/worksheets/_rels/${sheet[1]}.rels`);
      if (sheetRels) {
        for (const rel of parseRelationships(await sheetRels.async('string'))) {
          if (rel.type?.endsWith('/table') && !xml.includes(`<tablePart r:id="${rel.id}"`)) {
            problems.push(`${prefix}${name}  tableParts  the table ${rel.id} is related but not listed`);
          }
        }
      }
      if (/^xl\/tables\/table\d+\.xml$/.test(name)) {
        const ref = /<table\b[^>]*?\sref="([^"]*)"/.exec(xml)?.[1];
        if (!ref || !/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(ref)) {
          problems.push(`${prefix}${name}  table/@ref  not an ST_Ref: ${JSON.stringify(ref)}`);
        }
      }
    } else if (name.endsWith('.xlsx')) {
      problems.push(...(await checkPackage(await zip.file(name)!.async('uint8array'), `${prefix}${name}!`)));
    }
  }
  return problems;
}

/** Every element that has a content model: its children in order and in number. */
export function checkElements(nodes: readonly XmlNode[], trail = '', parent = ''): string[] {
  const problems: string[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag.startsWith('#') || tag.startsWith('?')) continue;
    const here = `${trail}/${tag}`;
    const children = childrenOf(node);
    const names = children.map(tagOf).filter((name) => !name.startsWith('#'));
    const model = CONTENT_MODELS[`${parent}/${tag}`] ?? CONTENT_MODELS[tag];
    if (model) problems.push(...matchModel(names, model).map((p) => `${here}  ${p}`));
    if (tag === 'c:dLbls' || tag === 'c:dLbl') {
      const missing = REQUIRED_LABEL_FLAGS.filter((flag) => !names.includes(flag));
      if (!names.includes('c:delete') && missing.length > 0)
        problems.push(`${here}  missing ${missing.join(', ')}`);
    }
    const seriesModel = SERIES_MODELS[tag === 'c:pieChart' ? 'c:doughnutChart' : tag];
    if (seriesModel) {
      for (const series of children.filter((child) => tagOf(child) === 'c:ser')) {
        const seriesNames = childrenOf(series)
          .map(tagOf)
          .filter((name) => !name.startsWith('#'));
        problems.push(...matchModel(seriesNames, seriesModel).map((p) => `${here}/c:ser  ${p}`));
      }
    }
    problems.push(...checkElements(children, here, tag));
  }
  return problems;
}

/** Matches child names against an xsd:sequence of entries; returns what breaks it. */
export function matchModel(names: readonly string[], model: ContentModel): string[] {
  let entry = 0;
  let count = 0;
  const problems: string[] = [];
  const matches = (i: number, name: string): boolean => model[i]![0].split('|').includes(name);
  const close = (i: number): void => {
    if (i >= model.length) return;
    const [expected, min] = model[i]!;
    if (count < min) problems.push(`expected ${expected} (at least ${min}), found ${count}`);
  };
  if (model.length === 0) return names.map((name) => `<${name}> is not allowed here (empty content)`);
  for (const name of names) {
    let at = entry;
    while (at < model.length && !matches(at, name)) at++;
    if (at === model.length) {
      const known = model.some((_, i) => matches(i, name));
      problems.push(known ? `<${name}> out of order` : `<${name}> is not allowed here`);
      continue;
    }
    if (at !== entry) {
      close(entry);
      for (let i = entry + 1; i < at; i++) {
        count = 0;
        close(i);
      }
      entry = at;
      count = 0;
    }
    count++;
    const max = model[entry]![2];
    if (count > max) problems.push(`<${name}> appears ${count} times (at most ${max})`);
  }
  close(entry);
  for (let i = entry + 1; i < model.length; i++) {
    count = 0;
    close(i);
  }
  return problems;
}

export function checkUniqueIds(xml: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const match of xml.matchAll(/<p:cNvPr\b[^>]*?\sid="(\d+)"/g)) {
    if (seen.has(match[1]!)) problems.push(`shape id ${match[1]} used twice`);
    seen.add(match[1]!);
  }
  return problems;
}

function checkRelationships(relsName: string, xml: string, names: readonly string[]): string[] {
  // ppt/slides/_rels/slide1.xml.rels describes ppt/slides/slide1.xml; targets are relative to ppt/slides/.
  const base = path.dirname(path.dirname(relsName));
  const problems: string[] = [];
  for (const rel of parseRelationships(xml)) {
    if (rel.mode === 'External') continue;
    const target = rel.target.startsWith('/')
      ? rel.target.slice(1)
      : path.normalize(path.join(base, rel.target));
    if (!names.includes(target)) problems.push(`relationship ${rel.id} points to a missing part ${target}`);
  }
  return problems;
}

interface Relationship {
  id: string;
  target: string;
  type?: string;
  mode?: string;
}

function parseRelationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const get = (name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(m[0])?.[1];
    const [type, mode] = [get('Type'), get('TargetMode')];
    return {
      id: get('Id') ?? '?',
      target: get('Target') ?? '',
      ...(type && { type }),
      ...(mode && { mode }),
    };
  });
}

function checkContentTypes(xml: string, names: readonly string[]): string[] {
  const nodes = childrenOf(parseXml(xml).find((node) => tagOf(node) === 'Types')!);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const node of nodes) {
    if (tagOf(node) === 'Default')
      defaults.set(attr(node, 'Extension')!.toLowerCase(), attr(node, 'ContentType')!);
    if (tagOf(node) === 'Override')
      overrides.set(attr(node, 'PartName')!.slice(1), attr(node, 'ContentType')!);
  }
  const problems: string[] = [];
  for (const [ext, type] of defaults) {
    if (type === 'image/jpg')
      problems.push(`"${ext}" is typed image/jpg, not a registered media type (image/jpeg)`);
  }
  for (const part of overrides.keys()) {
    if (!names.includes(part)) problems.push(`override for a missing part /${part}`);
  }
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    // Not path.extname: "_rels/.rels" has the extension "rels" in OPC terms.
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(name) && !defaults.has(ext)) problems.push(`no content type for /${name}`);
  }
  return problems;
}
