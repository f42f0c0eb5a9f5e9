/**
 * The cooperation–conflict chart of an actor pair: per year, the sum of event scores as bars
 * and, in a small chart below, the number of events as a light area.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { PairDetail } from "./api.js";
import { t, type Script } from "./i18n.js";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

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
  // Note: two charts on one canvas, one y axis each: the score per year as bars (green above
  // zero, red below) on top, the number of events as a light area underneath. No second axis
  // on the same plot, so nobody reads a count as a score.
  chart.setOption(
    {
      animation: false,
      textStyle: { fontFamily: "inherit" },
      tooltip: { trigger: "axis", renderMode: "richText" },
      axisPointer: { link: [{ xAxisIndex: "all" }] },
      grid: [
        { left: 44, right: 12, top: 24, height: "58%" },
        { left: 44, right: 12, bottom: 24, height: "18%" },
      ],
      xAxis: [
        { type: "category", data: years.map(String), gridIndex: 0, axisLabel: { show: false } },
        { type: "category", data: years.map(String), gridIndex: 1 },
      ],
      yAxis: [
        { type: "value", gridIndex: 0, name: sumLabel, nameTextStyle: { align: "left" } },
        {
          type: "value",
          gridIndex: 1,
          name: countLabel,
          minInterval: 1,
          splitNumber: 2,
          nameTextStyle: { align: "left" },
        },
      ],
      series: [
        {
          name: sumLabel,
          type: "bar",
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: years.map((y) => {
            const sum = byYear.get(y)?.sum ?? 0;
            return { value: sum, itemStyle: { color: sum >= 0 ? "#1b8a5a" : "#c4412f" } };
          }),
        },
        {
          name: countLabel,
          type: "line",
          xAxisIndex: 1,
          yAxisIndex: 1,
          step: "middle",
          symbol: "none",
          lineStyle: { color: "#9bb7d4", width: 1 },
          areaStyle: { color: "#dbe7f3" },
          data: years.map((y) => byYear.get(y)?.count ?? 0),
        },
      ],
    },
    true,
  );
  chart.resize();
  return chart;
}
