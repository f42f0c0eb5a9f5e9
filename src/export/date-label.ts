/**
 * Chinese display labels for TIMEX3 date values, as a reader writes them: `19世纪中叶`,
 * `1923年秋`, `1993年5月初`, `1970年后`, `约1866年`, `2003年10月15日9时`.
 */
import type { TimexMod } from "../model/index.js";
import { dateRange, type DateGranularity } from "../query/index.js";

const SEASON_ZH: Record<string, string> = { SP: "春", SU: "夏", FA: "秋", AU: "秋", WI: "冬" };
const PART_OF_DAY_ZH: Record<string, string> = {
  MO: "上午",
  MI: "中午",
  AF: "下午",
  EV: "傍晚",
  NI: "晚上",
  DT: "白天",
};

/** How START / MID / END read after a label of each granularity (null: the label is kept). */
const PART_ZH: Record<DateGranularity, Record<"START" | "MID" | "END", string> | null> = {
  century: { START: "初", MID: "中叶", END: "末" },
  decade: { START: "初", MID: "中期", END: "末" },
  year: { START: "初", MID: "年中", END: "底" },
  half: { START: "初", MID: "中", END: "末" },
  quarter: { START: "初", MID: "中", END: "末" },
  season: null,
  week: null,
  month: { START: "初", MID: "中旬", END: "底" },
  // Note: a day or a clock time has no reading of 初/中/底; the day itself is shown.
  day: null,
  time: null,
};

function year(y: number): string {
  return y < 0 ? `公元前${-y}年` : `${y}年`;
}

/**
 * A Chinese label for a TIMEX3 date value and modifier, or null when the value is not a
 * placeable date. Modifiers: START → 初 (初秋), MID → 中叶/中期/年中/中旬 (仲秋), END → 末/底
 * (秋末), APPROX → 约…, BEFORE → …前 (…以前), AFTER → …后 (…以后); MORE_THAN and LESS_THAN,
 * which qualify durations, leave a date as it is.
 */
export function dateLabelZh(value: string | null, mod: TimexMod | null = null): string | null {
  const range = dateRange(value);
  if (!range) return null;
  const { first, last } = range;
  let label: string;
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
    case "season": {
      const season = SEASON_ZH[range.value.slice(-2)] ?? "";
      const part = mod === "START" ? "初" : mod === "MID" ? "仲" : "";
      label = `${year(first.year)}${part}${season}${mod === "END" ? "末" : ""}`;
      break;
    }
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
      break;
    case "day":
    case "time": {
      label = `${year(first.year)}${first.month}月${first.day}日`;
      const part = /T([A-Z]{2})$/.exec(range.value)?.[1];
      if (part) label += PART_OF_DAY_ZH[part] ?? "";
      if (range.granularity === "time")
        label += first.minute === 0 ? `${first.hour}时` : `${first.hour}时${first.minute}分`;
      break;
    }
  }
  switch (mod) {
    case "START":
    case "MID":
    case "END":
      return `${label}${PART_ZH[range.granularity]?.[mod] ?? ""}`;
    case "APPROX":
      return `约${label}`;
    case "BEFORE":
      return label.endsWith("年") ? `${label}前` : `${label}以前`;
    case "AFTER":
      return label.endsWith("年") ? `${label}后` : `${label}以后`;
    case "MORE_THAN":
    case "LESS_THAN":
    case null:
      return label;
  }
}
