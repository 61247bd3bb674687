import {
  ArcElement,
  BarController,
  BarElement,
  BasicPlatform,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
} from 'chart.js';

let registered = false;

/**
 * chart.js with what briefkit's charts use registered: bars, lines and doughnuts on
 * category and linear scales, with title, subtitle and legend. Imported by name (not
 * `registerables`) so the bundle leaves out the rest of chart.js, which a cold build
 * would otherwise compile for nothing. A chart that needed more would fail loudly
 * ("… is not a registered controller"); the tests draw every chart type.
 */
export function registeredChartJs(): { Chart: typeof Chart; BasicPlatform: typeof BasicPlatform } {
  if (!registered) {
    // In the order of chart.js's own `registerables`: plugins draw in registration order.
    Chart.register(
      BarController,
      DoughnutController,
      LineController,
      ArcElement,
      BarElement,
      LineElement,
      PointElement,
      Filler,
      Legend,
      SubTitle,
      Title,
      CategoryScale,
      LinearScale,
    );
    registered = true;
  }
  return { Chart, BasicPlatform };
}
