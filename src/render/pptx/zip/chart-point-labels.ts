/**
 * Per-point data labels for a native chart (DrawingML CT_DLbl, ISO/IEC 29500-1
 * §21.2.2.47). pptxgenjs gives a series one label format for all its points, so one
 * "$#,##0.0" would print "$800.0 billion" next to "$1.5 billion", and it cannot leave
 * points unlabelled. The document decides every label (ChartBlock.dataLabels); this
 * writes each as its own c:dLbl: the label's exact text as the point's number format
 * (a quoted literal, so it prints the report's string on any machine, whatever the
 * viewer's locale), and `c:delete` for the points that carry none.
 */

export interface PointLabel {
  point: number;
  text: string;
  bold: boolean;
  /** c:dLblPos, where the chart type allows one. */
  position?: string;
}

/** One chart's labels: per series (in series order), the points that carry one. */
export interface ChartPointLabels {
  series: PointLabel[][];
}

export function applyPointLabels(xml: string, labels: ChartPointLabels): string {
  const parts = xml.split('<c:ser>');
  return parts
    .map((part, i) => (i === 0 ? part : labelSeries(part, labels.series[i - 1] ?? [])))
    .join('<c:ser>');
}

/** A series' text (from after `<c:ser>`), with its c:dLbls holding one c:dLbl per point. */
function labelSeries(part: string, labels: readonly PointLabel[]): string {
  const end = part.indexOf('</c:ser>');
  const series = end < 0 ? part : part.slice(0, end);
  const open = series.indexOf('<c:dLbls>');
  const close = series.indexOf('</c:dLbls>');
  if (open < 0 || close < 0) return part;
  const points = Number(/<c:val>[\s\S]*?<c:ptCount val="(\d+)"/.exec(series)?.[1] ?? 0);
  const original = series.slice(open + '<c:dLbls>'.length, close);
  // The first text style written (a point's, where pptxgenjs writes per-point labels) has the label size.
  const txPr = /<c:txPr>[\s\S]*?<\/c:txPr>/.exec(original)?.[0] ?? '';
  const body = original.replace(/<c:dLbl>[\s\S]*?<\/c:dLbl>/g, '');
  const byPoint = new Map(labels.map((label) => [label.point, label]));
  const dLbls = Array.from({ length: points }, (_, point) => {
    const label = byPoint.get(point);
    return label ? pointLabel(label, txPr) : `<c:dLbl><c:idx val="${point}"/><c:delete val="1"/></c:dLbl>`;
  }).join('');
  // Points without their own c:dLbl follow the series' showVal: show, since each has one.
  const seriesBody = body.replace(/<c:showVal val="0"\/>/, '<c:showVal val="1"/>');
  return `${series.slice(0, open)}<c:dLbls>${dLbls}${seriesBody}${series.slice(close)}${end < 0 ? '' : part.slice(end)}`;
}

function pointLabel(label: PointLabel, txPr: string): string {
  const text = label.bold ? txPr.replace(/(<a:defRPr\b[^>]*?)\sb="0"/, '$1 b="1"') : txPr;
  return [
    '<c:dLbl>',
    `<c:idx val="${label.point}"/>`,
    `<c:numFmt formatCode="${escapeXml(literalFormat(label.text))}" sourceLinked="0"/>`,
    '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>',
    text,
    label.position ? `<c:dLblPos val="${label.position}"/>` : '',
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>',
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>',
    '</c:dLbl>',
  ].join('');
}

/** A number format that prints `text` whatever the value: the text as a quoted literal. */
export function literalFormat(text: string): string {
  // A double quote cannot sit inside a quoted literal; it is written escaped between literals.
  return text
    .split('"')
    .map((piece) => (piece === '' ? '' : `"${piece}"`))
    .join('\\"');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
