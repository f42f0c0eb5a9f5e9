/** Chinese display labels for TIMEX3 date values (`1990年代初`, `2015年春`, `2018年6月12日`). */
import type { TimexMod } from "../model/index.js";
import { dateRange } from "../query/index.js";

const SEASON_ZH: Record<string, string> = { SP: "春", SU: "夏", FA: "秋", AU: "秋", WI: "冬" };
const PART_OF_DAY_ZH: Record<string, string> = {
  MO: "上午",
  MI: "中午",
  AF: "下午",
  EV: "傍晚",
  NI: "晚上",
  DT: "白天",
};

function year(y: number): string {
  return y < 0 ? `公元前${-y}年` : `${y}年`;
}

/**
 * A Chinese label for a TIMEX3 date value and modifier, or null when the value is not a
 * placeable date. Modifiers: START → 初, MID → 中 (中旬 for months), END → 末/底, APPROX → 约….
 */
export function dateLabelZh(value: string | null, mod: TimexMod | null = null): string | null {
  const range = dateRange(value);
  if (!range) return null;
  const { first, last } = range;
  let label: string;
  let monthLike = false;
  switch (range.granularity) {
    case "century":
      label =
        first.year >= 0
          ? `${Math.floor(first.year / 100) + 1}世纪`
          : `公元前${Math.floor(-last.year / 100) + 1}世纪`;
      break;
    case "decade":
      label = first.year >= 0 ? `${first.year}年代` : `公元前${-last.year}年代`;
      break;
    case "year":
      label = year(first.year);
      break;
    case "season":
      label = `${year(first.year)}${SEASON_ZH[range.value.slice(-2)] ?? ""}`;
      break;
    case "quarter":
      label = `${year(first.year)}第${range.value.slice(-1)}季度`;
      break;
    case "half":
      label = `${year(first.year)}${range.value.endsWith("H1") ? "上半年" : "下半年"}`;
      break;
    case "week":
      label = `${year(first.year)}第${Number(range.value.slice(-2))}周`;
      break;
    case "month":
      label = `${year(first.year)}${first.month}月`;
      monthLike = true;
      break;
    case "day":
    case "time": {
      label = `${year(first.year)}${first.month}月${first.day}日`;
      const part = /T([A-Z]{2})$/.exec(range.value)?.[1];
      if (part) label += PART_OF_DAY_ZH[part] ?? "";
      if (range.granularity === "time") {
        label += ` ${String(first.hour).padStart(2, "0")}:${String(first.minute).padStart(2, "0")}`;
      }
      break;
    }
  }
  switch (mod) {
    case "START":
      return `${label}初`;
    case "MID":
      return monthLike ? `${label}中旬` : `${label}中`;
    case "END":
      return range.granularity === "decade" || range.granularity === "century"
        ? `${label}末`
        : `${label}底`;
    case "APPROX":
      return `约${label}`;
    case "BEFORE":
      return `${label}之前`;
    case "AFTER":
      return `${label}之后`;
    case "MORE_THAN":
    case "LESS_THAN":
    case null:
      return label;
  }
}
