/** The page's own labels in Simplified and Traditional Chinese. */
import type { EntityKind, EventType, FindingKind } from "../model/types.js";

/** The two UI scripts. */
export type Script = "cn" | "tw";

const LABELS = {
  appTitle: ["年表", "年表"],
  denseSpan: ["密集处", "密集處"],
  subtitle: ["可溯源的事件年表", "可溯源的事件年表"],
  allDocuments: ["全部文档", "全部文檔"],
  document: ["文档", "文檔"],
  filters: ["筛选", "篩選"],
  types: ["类型", "類型"],
  actor: ["行为者", "行為者"],
  pair: ["双方", "雙方"],
  from: ["起", "起"],
  to: ["止", "止"],
  search: ["搜索", "搜尋"],
  searchPlaceholder: ["搜索全文（简或繁）", "搜尋全文（簡或繁）"],
  apply: ["应用", "套用"],
  reset: ["重置", "重設"],
  all: ["全选", "全選"],
  none: ["全不选", "全不選"],
  events: ["事件", "事件"],
  event: ["事件", "事件"],
  entity: ["实体", "實體"],
  findings: ["年表问题", "年表問題"],
  chart: ["合作–冲突", "合作–衝突"],
  reader: ["原文", "原文"],
  date: ["日期", "日期"],
  basis: ["依据", "依據"],
  anchor: ["锚点", "錨點"],
  type: ["类型", "類型"],
  actors: ["行为者", "行為者"],
  source: ["发起方", "發起方"],
  target: ["对象", "對象"],
  other: ["其他", "其他"],
  score: ["分值", "分值"],
  unscored: ["不计分", "不計分"],
  mentions: ["出处", "出處"],
  showInText: ["在原文中显示", "在原文中顯示"],
  rule: ["规则", "規則"],
  counterparts: ["相关方", "相關方"],
  names: ["别名", "別名"],
  noEvents: ["没有符合条件的事件", "沒有符合條件的事件"],
  noFindings: ["没有发现问题", "沒有發現問題"],
  noResults: ["没有结果", "沒有結果"],
  selectEvent: ["在时间轴或原文中选择一个事件", "在時間軸或原文中選擇一個事件"],
  undated: ["未定日期", "未定日期"],
  sum: ["分值总和", "分值總和"],
  count: ["事件数", "事件數"],
  year: ["年", "年"],
  references: ["参考资料", "參考資料"],
  suggestion: ["建议", "建議"],
  openEntity: ["查看实体", "查看實體"],
  openChart: ["合作–冲突图", "合作–衝突圖"],
  loading: ["加载中…", "載入中…"],
  error: ["出错了", "出錯了"],
  shown: ["显示", "顯示"],
  timeline: ["时间轴", "時間軸"],
  fit: ["全部", "全部"],
  zoomIn: ["放大", "放大"],
  zoomOut: ["缩小", "縮小"],
  chooseDoc: [
    "选择一个事件（或上方的一篇文档），这里显示它所在的文章",
    "選擇一個事件（或上方的一篇文檔），這裡顯示它所在的文章",
  ],
  explicit: ["明确写出", "明確寫出"],
  narrative: ["沿用上文日期", "沿用上文日期"],
  relative: ["相对日期", "相對日期"],
  inferred: ["推断", "推斷"],
  hits: ["句子", "句子"],
  showLowConfidence: ["显示低置信度", "顯示低置信度"],
  confidence: ["置信度", "置信度"],
  checkerMessage: ["检查器说明（英文）", "檢查器說明（英文）"],
  hiddenLow: ["条低置信度问题已隐藏", "條低置信度問題已隱藏"],
  doubtfulDate: ["此日期可能有误", "此日期可能有誤"],
  details: ["详情", "詳情"],
  precision: ["精度", "精度"],
  badParams: ["参数有误：", "參數有誤："],
  notFound: ["未找到：", "未找到："],
} as const satisfies Record<string, readonly [string, string]>;

/** A label key. */
export type LabelKey = keyof typeof LABELS;

/** A UI label in the given script. */
export function t(key: LabelKey, script: Script): string {
  return LABELS[key][script === "cn" ? 0 : 1];
}

const TYPE_NAMES: Record<EventType, readonly [string, string]> = {
  talks: ["会谈", "會談"],
  visit: ["访问", "訪問"],
  agreement: ["协议", "協議"],
  statement: ["声明", "聲明"],
  demand: ["要求", "要求"],
  aid: ["援助", "援助"],
  concession: ["让步", "讓步"],
  sanction: ["制裁", "制裁"],
  condemnation: ["谴责", "譴責"],
  rejection: ["拒绝", "拒絕"],
  threat: ["威胁", "威脅"],
  weapons_test: ["武器试验", "武器試驗"],
  military_exercise: ["军事演习", "軍事演習"],
  deployment: ["部署", "部署"],
  armed_incident: ["武装冲突", "武裝衝突"],
  detention: ["拘押", "拘押"],
  release: ["释放", "釋放"],
  leadership_change: ["领导人更替", "領導人更替"],
  policy: ["政策", "政策"],
  other: ["其他", "其他"],
};

/** An event type's name in the given script. */
export function typeName(type: EventType, script: Script): string {
  return TYPE_NAMES[type][script === "cn" ? 0 : 1];
}

const FINDING_NAMES: Record<FindingKind, readonly [string, string]> = {
  "year-out-of-sequence": ["年份顺序异常", "年份順序異常"],
  "inherited-slip": ["承袭错误年份", "承襲錯誤年份"],
  "doubtful-anchor": ["可疑的日期推断", "可疑的日期推斷"],
  "conflicting-dates": ["日期矛盾", "日期矛盾"],
  "duration-mismatch": ["时长不符", "時長不符"],
  "repeated-passage": ["重复段落", "重複段落"],
};

/** A finding kind's name in the given script (the kind itself when it is unknown). */
export function findingName(kind: FindingKind, script: Script): string {
  return FINDING_NAMES[kind]?.[script === "cn" ? 0 : 1] ?? kind;
}

const ENTITY_KIND_NAMES: Record<EntityKind, readonly [string, string]> = {
  state: ["国家", "國家"],
  organization: ["组织", "組織"],
  person: ["人物", "人物"],
  group: ["群体", "群體"],
  place: ["地点", "地點"],
  thing: ["事物", "事物"],
  craft: ["舰船航天器", "艦船航天器"],
  other: ["其他", "其他"],
};

/** An entity kind's name in the given script. */
export function entityKindName(kind: EntityKind, script: Script): string {
  return ENTITY_KIND_NAMES[kind]?.[script === "cn" ? 0 : 1] ?? kind;
}

const GRANULARITY_NAMES: Record<string, readonly [string, string]> = {
  time: ["时刻", "時刻"],
  part: ["时段", "時段"],
  day: ["日", "日"],
  week: ["周", "週"],
  month: ["月", "月"],
  season: ["季节", "季節"],
  quarter: ["季度", "季度"],
  half: ["半年", "半年"],
  year: ["年", "年"],
  decade: ["年代", "年代"],
  century: ["世纪", "世紀"],
};

/** A date granularity's name (precision label) in the given script. */
export function granularityName(granularity: string, script: Script): string {
  return GRANULARITY_NAMES[granularity]?.[script === "cn" ? 0 : 1] ?? granularity;
}

const FINDING_MESSAGES: Record<FindingKind, readonly [string, string]> = {
  "year-out-of-sequence": [
    "「{text}」的年份与本段前后的时间顺序不符，可能是笔误。",
    "「{text}」的年份與本段前後的時間順序不符，可能是筆誤。",
  ],
  "inherited-slip": [
    "「{text}」没有写年份，沿用了前面一个可能写错的年份。",
    "「{text}」沒有寫年份，沿用了前面一個可能寫錯的年份。",
  ],
  "doubtful-anchor": [
    "「{text}」没有写年份，补上的年份可能不对：同段所说的事属于另一年。",
    "「{text}」沒有寫年份，補上的年份可能不對：同段所說的事屬於另一年。",
  ],
  "conflicting-dates": [
    "同一事件在文中有两个不同的日期，「{text}」是其中之一。",
    "同一事件在文中有兩個不同的日期，「{text}」是其中之一。",
  ],
  "duration-mismatch": [
    "「{text}」所说的时长与前后两个日期之间的间隔不符。",
    "「{text}」所說的時長與前後兩個日期之間的間隔不符。",
  ],
  "repeated-passage": ["这段文字在文中重复出现。", "這段文字在文中重複出現。"],
};

/** A chronology finding explained in the page's script (the checker's English stays in the CLI). */
export function findingMessage(
  finding: { kind: FindingKind; text: string },
  script: Script,
): string {
  const template = FINDING_MESSAGES[finding.kind]?.[script === "cn" ? 0 : 1];
  const text = finding.text.length > 30 ? `${finding.text.slice(0, 29)}…` : finding.text;
  return template === undefined
    ? findingName(finding.kind, script)
    : template.replace("{text}", text);
}
