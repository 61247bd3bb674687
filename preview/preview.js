// The preview page: the report from the real PDF (pdf.js: canvas, selectable text, links)
// beside the deck's slides as SVG (drawn by the server from the slide model), updated on
// every build the server announces on /api/events. Loads nothing from outside this server.
import * as pdfjs from '/pdfjs/pdf.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.mjs';

const $ = (id) => document.getElementById(id);
const report = $('report');
const deck = $('deck');

let outputVersion = 0;
let busy = false;
let again = false;
/** Text of each report page in the last build, to mark the pages a save changed. */
let pageTexts = [];
/** Report headings (the PDF's outline) with their page numbers. */
let headings = [];
let slides = [];

const norm = (text) =>
  text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/^[\d.\s]+/, '')
    .replace(/\s*\(.*?\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();

async function refresh() {
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  try {
    const response = await fetch('/api/state', { cache: 'no-store' });
    const state = await response.json();
    showStatus(state);
    if (state.outputVersion > 0 && state.outputVersion !== outputVersion) {
      outputVersion = state.outputVersion;
      slides = state.slides;
      // An edited theme may bring other fonts: the slides are set in the theme's own faces.
      document.querySelector('link[href^="/assets/fonts.css"]').href = `/assets/fonts.css?v=${outputVersion}`;
      await Promise.all([showReport(state.outputs.pdf), showSlides(state.slides)]);
    }
    showProblems(state);
    document.body.dataset.version = String(state.version);
    document.body.dataset.outputVersion = String(outputVersion);
    document.body.dataset.status = state.status;
  } catch (error) {
    $('status').textContent = `preview error: ${error.message}`;
  } finally {
    busy = false;
    if (again) {
      again = false;
      void refresh();
    }
  }
}

function showStatus(state) {
  $('name').textContent = state.name;
  document.title = `${state.name} · briefkit preview`;
  $('status').textContent =
    state.status === 'building' ? 'building…' : state.status === 'failed' ? 'build failed' : 'built';
  const order = ['load', 'validate', 'compose', 'parse', 'charts', 'pdf', 'pptx', 'write', 'slides'];
  const parts = order
    .filter((stage) => state.timings[stage] !== undefined)
    .map((s) => `${s} ${state.timings[s]}`);
  $('timings').textContent =
    parts.length > 0 ? `${parts.join(' · ')} · total ${state.timings.total ?? '?'} ms` : '';
  for (const kind of ['pdf', 'pptx', 'manifest']) {
    const link = $(`dl-${kind}`);
    if (state.outputs[kind]) link.href = state.outputs[kind];
  }
}

function showProblems(state) {
  // While a build runs, the outcome of the last one stays on screen.
  if (state.status === 'building') return;
  const failed = state.status === 'failed';
  $('overlay').hidden = !failed;
  const list = $('problems');
  list.replaceChildren(
    ...(failed ? state.problems : []).map((problem) => {
      const item = document.createElement('li');
      item.textContent = problem.text;
      return item;
    }),
  );
}

async function showReport(url) {
  const pdf = await pdfjs.getDocument({ url, isEvalSupported: false, enableXfa: false }).promise;
  const width = report.clientWidth - 32;
  const texts = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const natural = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / natural.width });
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    await page.render({
      canvas,
      canvasContext: canvas.getContext('2d'),
      viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
    }).promise;
    const content = await page.getTextContent();
    // A page changed when its text or its look did (a chart's bars move without any text changing).
    const text = `${content.items.map((item) => item.str ?? '').join(' ')}\u0000${fingerprint(canvas)}`;
    texts.push(text);
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    await new pdfjs.TextLayer({ textContentSource: content, container: layer, viewport }).render();
    const links = document.createElement('div');
    links.className = 'links';
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype !== 'Link') continue;
      const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(annotation.rect);
      const a = document.createElement('a');
      Object.assign(a.style, {
        left: `${Math.min(x1, x2)}px`,
        top: `${Math.min(y1, y2)}px`,
        width: `${Math.abs(x2 - x1)}px`,
        height: `${Math.abs(y2 - y1)}px`,
      });
      if (annotation.url) {
        a.href = annotation.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
      } else if (annotation.dest) {
        a.href = '#';
        a.addEventListener('click', (event) => {
          event.preventDefault();
          void goToDest(pdf, annotation.dest);
        });
      } else continue;
      links.append(a);
    }
    let div = report.children[number - 1];
    if (!div) {
      div = document.createElement('div');
      div.className = 'page';
      report.append(div);
    }
    div.dataset.page = String(number);
    div.style.width = `${viewport.width}px`;
    div.style.height = `${viewport.height}px`;
    div.style.setProperty('--total-scale-factor', String(viewport.scale));
    div.style.setProperty('--scale-factor', String(viewport.scale));
    div.classList.toggle('changed', pageTexts.length > 0 && pageTexts[number - 1] !== text);
    div.replaceChildren(canvas, layer, links);
  }
  while (report.children.length > pdf.numPages) report.lastElementChild.remove();
  pageTexts = texts;
  headings = await outlineHeadings(pdf);
  report.dataset.pages = String(pdf.numPages);
}

/** A hash of the page drawn small: equal for pages that look the same. */
function fingerprint(canvas) {
  const small = document.createElement('canvas');
  small.width = 60;
  small.height = 85;
  const context = small.getContext('2d', { willReadFrequently: true });
  context.drawImage(canvas, 0, 0, small.width, small.height);
  const pixels = context.getImageData(0, 0, small.width, small.height).data;
  let hash = 2166136261;
  for (const value of pixels) hash = Math.imul(hash ^ value, 16777619);
  return (hash >>> 0).toString(16);
}

async function pageOfDest(pdf, dest) {
  const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
  if (!explicit) return undefined;
  return (await pdf.getPageIndex(explicit[0])) + 1;
}

async function goToDest(pdf, dest) {
  const page = await pageOfDest(pdf, dest);
  if (page) scrollToPage(page);
}

async function outlineHeadings(pdf) {
  const out = [];
  const walk = async (items) => {
    for (const item of items ?? []) {
      const page = item.dest ? await pageOfDest(pdf, item.dest).catch(() => undefined) : undefined;
      if (page) out.push({ title: norm(item.title), page });
      await walk(item.items);
    }
  };
  await walk(await pdf.getOutline());
  return out;
}

function scrollToPage(page) {
  const div = report.children[page - 1];
  if (!div) return;
  div.scrollIntoView({ behavior: 'smooth', block: 'start' });
  flash(div);
}

function flash(element) {
  element.classList.remove('flash');
  void element.offsetWidth;
  element.classList.add('flash');
}

async function showSlides(list) {
  list.forEach((slide, index) => {
    let figure = deck.children[index];
    if (!figure) {
      figure = document.createElement('figure');
      figure.className = 'slide';
      const caption = document.createElement('figcaption');
      caption.className = 'caption';
      const art = document.createElement('div');
      art.className = 'art';
      const notes = document.createElement('p');
      notes.className = 'notes';
      figure.append(caption, art, notes);
      deck.append(figure);
    }
    const [caption, art, notes] = figure.children;
    figure.dataset.slide = String(index + 1);
    figure.classList.toggle('changed', slide.changed);
    const label = document.createElement('span');
    label.textContent = `${index + 1} · ${slide.title}${slide.continuation > 0 ? ' (cont.)' : ''}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'in the report ↦';
    button.addEventListener('click', () => showInReport(index));
    caption.replaceChildren(label, button);
    if (art.dataset.svg !== slide.svg) {
      art.innerHTML = slide.svg; // drawn by the server from the slide model; text is escaped there
      art.dataset.svg = slide.svg;
    }
    notes.textContent = slide.notes;
  });
  while (deck.children.length > list.length) deck.lastElementChild.remove();
  deck.dataset.slides = String(list.length);
}

/** A slide's section in the report: its own title, else the nearest earlier slide's that is a heading. */
function showInReport(index) {
  for (let i = index; i >= 0; i -= 1) {
    const title = norm(slides[i].title);
    const heading =
      title && headings.find((h) => h.title === title || h.title.includes(title) || title.includes(h.title));
    if (heading) {
      scrollToPage(heading.page);
      return;
    }
  }
}

/** A click on a report heading scrolls the deck to that section's first slide. */
report.addEventListener('click', (event) => {
  const span = event.target.closest?.('.textLayer span');
  if (!span) return;
  const page = Number(span.closest('.page')?.dataset.page);
  const text = norm(span.textContent ?? '');
  if (text.length < 3) return;
  const isHeading = headings.some((h) => h.page === page && (h.title === text || h.title.startsWith(text)));
  if (!isHeading) return;
  const index = slides.findIndex((slide) => {
    const title = norm(slide.title);
    return title !== '' && (title === text || title.includes(text) || text.includes(title));
  });
  const figure = deck.children[index];
  if (!figure) return;
  figure.scrollIntoView({ behavior: 'smooth', block: 'start' });
  flash(figure.querySelector('.art'));
});

$('fit').addEventListener('change', (event) =>
  document.body.classList.toggle('fit-on', event.target.checked),
);

const events = new EventSource('/api/events');
events.onmessage = () => void refresh();
void refresh();
