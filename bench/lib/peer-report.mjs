// The peers' input: an HTML report of a briefing for headless Chromium to print, with the
// same text, tables, figures and charts as briefkit's PDF. Written as a browser route would
// be: Markdown prose through marked, the bundled Noto Sans by @font-face (embedded in the
// PDF as briefkit embeds it), bar and line charts as inline SVG, A4 print CSS.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked } from 'marked';

const require = createRequire(import.meta.url);

const escape = (s) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** {fig:id} references as the figure's value, as briefkit prints them (near enough for timing). */
function prose(text, figures) {
  const withFigures = String(text ?? '').replace(/\{fig:([\w-]+)\}/g, (_, id) => {
    const f = figures.get(id);
    return f ? `${f.value.toLocaleString('en')} ${f.noun ?? ''}`.trim() : id;
  });
  return marked.parse(withFigures);
}

function barChart(chart, figures) {
  const values = (chart.figures ?? []).map((id) => figures.get(id)?.value ?? 0);
  const max = Math.max(1, ...values);
  const bars = values
    .map((v, i) => {
      const h = (v / max) * 160;
      const x = 40 + i * (400 / values.length);
      const label = chart.labels?.[i] ?? chart.figures[i];
      return `<rect x="${x}" y="${180 - h}" width="${300 / values.length}" height="${h}" fill="#2b6cb0"/>
<text x="${x}" y="198" font-size="11">${escape(label)}</text><text x="${x}" y="${175 - h}" font-size="11">${v}</text>`;
    })
    .join('\n');
  return `<figure><figcaption><b>${escape(chart.title)}</b><br>${escape(chart.subtitle)}</figcaption>
<svg width="480" height="210" viewBox="0 0 480 210" role="img">${bars}<line x1="30" y1="180" x2="470" y2="180" stroke="#333"/></svg></figure>`;
}

export function htmlReport(briefing) {
  const figures = new Map((briefing.figures ?? []).map((f) => [f.id, f]));
  const font = (file) =>
    pathToFileURL(path.join(path.dirname(require.resolve('@expo-google-fonts/noto-sans/package.json')), file))
      .href;
  const parts = [];
  parts.push(`<!doctype html><html lang="${escape(briefing.locale ?? 'en')}"><head><meta charset="utf-8">
<title>${escape(briefing.title)}</title><style>
@font-face { font-family: Noto; src: url(${font('400Regular/NotoSans_400Regular.ttf')}); }
@font-face { font-family: Noto; font-weight: bold; src: url(${font('700Bold/NotoSans_700Bold.ttf')}); }
@font-face { font-family: Noto; font-style: italic; src: url(${font('400Regular_Italic/NotoSans_400Regular_Italic.ttf')}); }
@page { size: A4; margin: 20mm 18mm; }
body { font-family: Noto; font-size: 10.5pt; line-height: 1.45; color: #1a202c; }
h1 { font-size: 22pt; } h2 { font-size: 14pt; break-after: avoid; } h3 { font-size: 11.5pt; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ccc; padding: 3pt; text-align: left; }
figure { break-inside: avoid; } .summary { font-size: 11.5pt; }
</style></head><body>`);
  parts.push(`<h1>${escape(briefing.title)}</h1><p>${escape(briefing.subtitle)}</p>`);
  parts.push(
    `<p>${escape(briefing.date)} · ${escape(briefing.place)} · ${escape(briefing.organisation)}</p>`,
  );
  parts.push(`<div class="summary">${prose(briefing.summary, figures)}</div>`);
  parts.push('<h2>Key figures</h2><table><tr><th>Figure</th><th>Value</th><th>As of</th></tr>');
  for (const id of briefing.keyFigures ?? []) {
    const f = figures.get(id);
    if (f) parts.push(`<tr><td>${escape(f.label)}</td><td>${f.value}</td><td>${escape(f.asOf)}</td></tr>`);
  }
  parts.push('</table><h2>People</h2><table><tr><th>Name</th><th>Role</th><th>Side</th></tr>');
  for (const p of briefing.people ?? [])
    parts.push(`<tr><td>${escape(p.name)}</td><td>${escape(p.role)}</td><td>${escape(p.side)}</td></tr>`);
  parts.push('</table>');
  const charts = [...(briefing.charts ?? [])];
  for (const section of briefing.sections ?? []) {
    parts.push(`<h2>${escape(section.title)}</h2>${prose(section.summary, figures)}`);
    parts.push(
      `<ul>${(section.points ?? []).map((p) => `<li>${prose(p.text ?? p, figures)}</li>`).join('')}</ul>`,
    );
    if (section.notes) parts.push(prose(section.notes, figures));
    const chart = charts.shift();
    if (chart) parts.push(barChart(chart, figures));
  }
  for (const chart of charts) parts.push(barChart(chart, figures));
  for (const [title, list] of [
    ['What to watch', briefing.watch],
    ['Takeaways', briefing.takeaways],
  ]) {
    if (!list?.length) continue;
    parts.push(
      `<h2>${title}</h2><ul>${list.map((w) => `<li>${prose(w.text ?? w, figures)}</li>`).join('')}</ul>`,
    );
  }
  if (briefing.faq?.length) {
    parts.push('<h2>Questions and answers</h2>');
    for (const q of briefing.faq)
      parts.push(`<h3>${escape(q.question ?? q.q)}</h3>${prose(q.answer ?? q.a, figures)}`);
  }
  parts.push('<h2>Sources</h2><ol>');
  for (const s of briefing.sources ?? [])
    parts.push(`<li>${escape(s.publisher ?? s.title)}: ${escape(s.title)} ${escape(s.url)}</li>`);
  parts.push('</ol></body></html>');
  return parts.join('\n');
}

export function writeHtmlReport(file, briefing) {
  writeFileSync(file, htmlReport(briefing));
  return file;
}
