/** The cooperation–conflict chart of an actor pair: per year, the sum (bars) and count (line) of scores. */
import { BarChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { PairDetail } from "./api.js";
import { t, type Script } from "./i18n.js";

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/** Draws (or redraws) the chart of a pair into a container; returns the chart for disposal. */
export function drawPairChart(
  container: HTMLElement,
  pair: PairDetail,
  script: Script,
): echarts.ECharts {
  const existing = echarts.getInstanceByDom(container);
  const chart = existing ?? echarts.init(container, undefined, { renderer: "canvas" });
  const years: number[] = [];
  const first = pair.years[0]?.year;
  const last = pair.years[pair.years.length - 1]?.year;
  if (first !== undefined && last !== undefined)
    for (let y = first; y <= last; y += 1) years.push(y);
  const byYear = new Map(pair.years.map((row) => [row.year, row]));
  const sumLabel = t("sum", script);
  const countLabel = t("count", script);
  chart.setOption(
    {
      animation: false,
      textStyle: { fontFamily: "inherit" },
      tooltip: { trigger: "axis", renderMode: "richText" },
      legend: { data: [sumLabel, countLabel], top: 0 },
      grid: { left: 48, right: 44, top: 32, bottom: 56 },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }],
      xAxis: { type: "category", data: years.map(String) },
      yAxis: [
        { type: "value", name: sumLabel, nameTextStyle: { align: "left" } },
        { type: "value", name: countLabel, minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: sumLabel,
          type: "bar",
          itemStyle: { color: "#7a7f87" },
          data: years.map((y) => {
            const sum = byYear.get(y)?.sum ?? 0;
            return { value: sum, itemStyle: { color: sum >= 0 ? "#1b8a5a" : "#c4412f" } };
          }),
        },
        {
          name: countLabel,
          type: "line",
          yAxisIndex: 1,
          symbolSize: 6,
          itemStyle: { color: "#2f6fb3" },
          data: years.map((y) => byYear.get(y)?.count ?? 0),
        },
      ],
    },
    true,
  );
  chart.resize();
  return chart;
}
