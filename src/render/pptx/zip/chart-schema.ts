import { applySequence, ensureChild, type SequenceRule } from './schema-order.js';
import { childElements, findElements, parseXml, serializeXml } from './xml-tree.js';

/**
 * Chart parts (DrawingML charts, ISO/IEC 29500-1 §21.2) as pptxgenjs 4 writes them break
 * the schema in four ways, each restored here by one rule:
 * - every plot gets three c:axId (a series axis meant for 3-D charts): CT_BarChart,
 *   CT_LineChart and CT_AreaChart allow exactly two (the category and value axes);
 * - single-series bar charts write c:dPt after c:dLbls: CT_BarSer wants dPt first;
 * - line series carry c:invertIfNegative (a bar-only element) and c:marker after c:dLbls:
 *   CT_LineSer has no invertIfNegative and wants marker before dPt and dLbls;
 * - c:lineChart lacks c:grouping, which CT_LineChart requires.
 */

const TWO_AXES = { 'c:axId': 2 } as const;

/** CT_BarChart (§21.2.2.16): barDir, grouping?, varyColors?, ser*, dLbls?, gapWidth?, overlap?, serLines*, axId{2}, extLst?. */
const BAR_CHART: SequenceRule = {
  type: 'CT_BarChart',
  sequence: [
    'c:barDir',
    'c:grouping',
    'c:varyColors',
    'c:ser',
    'c:dLbls',
    'c:gapWidth',
    'c:overlap',
    'c:serLines',
    'c:axId',
    'c:extLst',
  ],
  max: TWO_AXES,
};

/** CT_LineChart (§21.2.2.97): grouping, varyColors?, ser*, dLbls?, dropLines?, hiLowLines?, upDownBars?, marker?, smooth?, axId{2}, extLst?. */
const LINE_CHART: SequenceRule = {
  type: 'CT_LineChart',
  sequence: [
    'c:grouping',
    'c:varyColors',
    'c:ser',
    'c:dLbls',
    'c:dropLines',
    'c:hiLowLines',
    'c:upDownBars',
    'c:marker',
    'c:smooth',
    'c:axId',
    'c:extLst',
  ],
  max: TWO_AXES,
};

/** CT_AreaChart (§21.2.2.5): grouping?, varyColors?, ser*, dLbls?, dropLines?, axId{2}, extLst?. */
const AREA_CHART: SequenceRule = {
  type: 'CT_AreaChart',
  sequence: ['c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:dropLines', 'c:axId', 'c:extLst'],
  max: TWO_AXES,
};

/** CT_DoughnutChart (§21.2.2.50) and CT_PieChart (§21.2.2.141, without holeSize). */
const DOUGHNUT_CHART: SequenceRule = {
  type: 'CT_DoughnutChart',
  sequence: ['c:varyColors', 'c:ser', 'c:dLbls', 'c:firstSliceAng', 'c:holeSize', 'c:extLst'],
};

/** CT_BarSer (§21.2.2.170). */
const BAR_SER: SequenceRule = {
  type: 'CT_BarSer',
  sequence: [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:invertIfNegative',
    'c:pictureOptions',
    'c:dPt',
    'c:dLbls',
    'c:trendline',
    'c:errBars',
    'c:cat',
    'c:val',
    'c:shape',
    'c:extLst',
  ],
};

/** CT_LineSer (§21.2.2.171): no invertIfNegative. */
const LINE_SER: SequenceRule = {
  type: 'CT_LineSer',
  sequence: [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:marker',
    'c:dPt',
    'c:dLbls',
    'c:trendline',
    'c:errBars',
    'c:cat',
    'c:val',
    'c:smooth',
    'c:extLst',
  ],
  drop: ['c:invertIfNegative'],
};

/** CT_AreaSer (§21.2.2.168): no invertIfNegative, no marker. */
const AREA_SER: SequenceRule = {
  type: 'CT_AreaSer',
  sequence: [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:pictureOptions',
    'c:dPt',
    'c:dLbls',
    'c:trendline',
    'c:errBars',
    'c:cat',
    'c:val',
    'c:extLst',
  ],
  drop: ['c:invertIfNegative', 'c:marker', 'c:smooth'],
};

/** CT_PieSer (§21.2.2.172). */
const PIE_SER: SequenceRule = {
  type: 'CT_PieSer',
  sequence: [
    'c:idx',
    'c:order',
    'c:tx',
    'c:spPr',
    'c:explosion',
    'c:dPt',
    'c:dLbls',
    'c:cat',
    'c:val',
    'c:extLst',
  ],
  drop: ['c:invertIfNegative', 'c:marker', 'c:smooth'],
};

/** EG_AxShared (§21.2.2): the elements every axis type starts with, in this order. */
const AX_SHARED = [
  'c:axId',
  'c:scaling',
  'c:delete',
  'c:axPos',
  'c:majorGridlines',
  'c:minorGridlines',
  'c:title',
  'c:numFmt',
  'c:majorTickMark',
  'c:minorTickMark',
  'c:tickLblPos',
  'c:spPr',
  'c:txPr',
  'c:crossAx',
  'c:crosses',
  'c:crossesAt',
];

/**
 * CT_DateAx (§21.2.2.39): pptxgenjs writes the category axis's lblAlgn, noMultiLvlLbl and
 * tickLblSkip in it too, and majorTimeUnit before majorUnit.
 */
const DATE_AX: SequenceRule = {
  type: 'CT_DateAx',
  sequence: [
    ...AX_SHARED,
    'c:auto',
    'c:lblOffset',
    'c:baseTimeUnit',
    'c:majorUnit',
    'c:majorTimeUnit',
    'c:minorUnit',
    'c:minorTimeUnit',
    'c:extLst',
  ],
  drop: ['c:lblAlgn', 'c:noMultiLvlLbl', 'c:tickLblSkip'],
};

/** CT_CatAx (§21.2.2.25): pptxgenjs writes tickLblSkip after noMultiLvlLbl. */
const CAT_AX: SequenceRule = {
  type: 'CT_CatAx',
  sequence: [
    ...AX_SHARED,
    'c:auto',
    'c:lblAlgn',
    'c:lblOffset',
    'c:tickLblSkip',
    'c:tickMarkSkip',
    'c:noMultiLvlLbl',
    'c:extLst',
  ],
  drop: [],
};

const PLOTS: ReadonlyArray<readonly [string, SequenceRule, SequenceRule]> = [
  ['c:barChart', BAR_CHART, BAR_SER],
  ['c:lineChart', LINE_CHART, LINE_SER],
  ['c:areaChart', AREA_CHART, AREA_SER],
  ['c:doughnutChart', DOUGHNUT_CHART, PIE_SER],
  ['c:pieChart', { ...DOUGHNUT_CHART, type: 'CT_PieChart' }, PIE_SER],
];

/** A chart part (ppt/charts/chartN.xml) with its plots and series in schema order. */
export function conformChart(xml: string): string {
  // An empty cell (a gap) is written by pptxgenjs as a point with an empty value, which
  // readers take as 0; a point left out of the cache is a blank, drawn as a gap.
  const tree = parseXml(xml.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, ''));
  for (const [name, plotRule, seriesRule] of PLOTS) {
    for (const plot of findElements(tree, name)) {
      // CT_LineChart: grouping is required (standard: neither stacked nor percent).
      if (name === 'c:lineChart') ensureChild(plot, '<c:grouping val="standard"/>');
      applySequence(plot, plotRule);
      for (const series of childElements(plot).filter((child) => child.name === 'c:ser')) {
        applySequence(series, seriesRule);
      }
    }
  }
  for (const axis of findElements(tree, 'c:dateAx')) applySequence(axis, DATE_AX);
  for (const axis of findElements(tree, 'c:catAx')) applySequence(axis, CAT_AX);
  return serializeXml(tree);
}
