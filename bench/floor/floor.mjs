// The floor: what the two libraries cost on their own, with nothing of briefkit.
// A bare pdfkit + pptxgenjs script writing a document comparable to the Geneva
// example: about 10 A4 pages of text in Noto Sans (the same TTF files, embedded
// and subset by pdfkit) and a 15-slide deck with 2 native charts.
//
//   node bench/floor/floor.mjs [--format pdf,pptx] [--out DIR] [--repeat N] [--fonts standard]
//
// --fonts standard sets the PDF in Helvetica (pdfkit's standard fonts: nothing shaped,
// embedded or subset), the naive script of issue 20 that briefkit's cold build is held to.
//
// Prints one JSON line: per-iteration milliseconds, output bytes, maxRSS (KB).
// With --repeat N it makes the documents N times in this process (the first is the
// cold one); bench/run.mjs uses the later ones as the floor of a warm rebuild.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const formats = opt('format', 'pdf,pptx').split(',');
const outDir = opt('out', undefined);
const repeat = Number(opt('repeat', '1'));

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
const STANDARD = opt('fonts', 'noto') === 'standard';
const REGULAR = STANDARD ? 'Helvetica' : path.join(fontDir, '400Regular/NotoSans_400Regular.ttf');
const BOLD = STANDARD ? 'Helvetica-Bold' : path.join(fontDir, '700Bold/NotoSans_700Bold.ttf');

// Deterministic filler prose with the Geneva example's vocabulary (about 600 words a page).
const WORDS = (
  'officials met in Geneva as Russia launched another large overnight wave of drones and ' +
  'missiles across Ukraine reconstruction runs into the hundreds of billions of dollars ' +
  'territory remains the main obstacle security guarantees prisoner exchange envoy adviser ' +
  'negotiating team assessment recovery energy sector ceasefire sanctions leaders meeting'
).split(' ');
function paragraph(seed, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13 + (i >> 3)) % WORDS.length]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

async function makePdf() {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 56, bufferPages: true, font: REGULAR });
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.info.CreationDate = new Date(Date.UTC(2026, 1, 27));
  for (let page = 0; page < 10; page++) {
    if (page > 0) doc.addPage();
    doc
      .font(BOLD)
      .fontSize(16)
      .text(`Section ${page + 1}: the Geneva talks`, { paragraphGap: 8 });
    for (let p = 0; p < 6; p++) {
      doc
        .font(REGULAR)
        .fontSize(10)
        .text(paragraph(page * 10 + p, 95), { align: 'justify', paragraphGap: 6 });
    }
  }
  // Page numbers, as a report's furniture does.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(`${i + 1}`, 56, doc.page.height - 40, { lineBreak: false });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function makePptx() {
  const mod = await import('pptxgenjs');
  const PptxGenJS = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  for (let s = 0; s < 15; s++) {
    const slide = pptx.addSlide();
    slide.addText(`Slide ${s + 1}: the Geneva talks`, {
      x: 0.5,
      y: 0.3,
      w: 9,
      h: 0.8,
      fontFace: 'Noto Sans',
      fontSize: 28,
      bold: true,
    });
    if (s === 5 || s === 10) {
      const data = [
        { name: 'Launched overnight', labels: ['Drones', 'Missiles'], values: [420 + s, 39 + s] },
      ];
      slide.addChart(pptx.ChartType.bar, data, {
        x: 0.5,
        y: 1.3,
        w: 9,
        h: 4,
        showValue: true,
        chartColors: ['1F4E79'],
      });
    } else {
      const bullets = [0, 1, 2, 3].map((b) => ({
        text: paragraph(s * 4 + b, 18),
        options: { bullet: true },
      }));
      slide.addText(bullets, { x: 0.5, y: 1.3, w: 9, h: 4, fontFace: 'Noto Sans', fontSize: 16 });
    }
    slide.addNotes(paragraph(s, 40));
  }
  // 'STREAM' is pptxgenjs's Node buffer that honours compression ('nodebuffer' stores only).
  return Buffer.from(await pptx.write({ outputType: 'STREAM', compression: true }));
}

const ms = [];
const bytes = {};
for (let i = 0; i < repeat; i++) {
  const start = i === 0 ? t0 : performance.now();
  if (formats.includes('pdf')) bytes.pdf = await makePdf();
  if (formats.includes('pptx')) bytes.pptx = await makePptx();
  ms.push(performance.now() - start);
}
if (outDir) {
  mkdirSync(outDir, { recursive: true });
  if (bytes.pdf) writeFileSync(path.join(outDir, 'floor.pdf'), bytes.pdf);
  if (bytes.pptx) writeFileSync(path.join(outDir, 'floor.pptx'), bytes.pptx);
}
process.stdout.write(
  `${JSON.stringify({
    ms,
    bytes: Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, v.length])),
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);
