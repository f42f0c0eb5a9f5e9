import { describe, expect, it } from "vitest";
import { loadGazetteer, segmenter, tagged } from "../entities/index.js";
import { argumentClass, backgroundFeatures, mainVerb, whyNoHead } from "./features.js";

/** The head of `text`, with the entity mentions `named` (each form's first occurrence). */
function head(text: string, named: readonly string[] = []): string | null {
  const tokens = tagged(segmenter(loadGazetteer()), text);
  const names = named.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length }));
  const t = mainVerb({ text, tokens, masked: () => false, names }, true);
  return t ? text.slice(t.start, t.end) : null;
}

describe("events:features/main-verb", () => {
  it.each([
    // Lexicon verbs jieba tags as nouns, places or pronouns.
    ["1884年就读于上海广方言馆", "就读于"],
    ["1914年底归国", "归国"],
    ["6月任国务总理", "任"],
    ["后来任克拉玛依市市长", "任"],
    ["1997年4月这里新建了人民广场", "新建"],
    // A date unit jieba glues to the verb after it.
    ["1919年任外交总长", "任"],
    ["1972年9月29日签订联合声明", "签订"],
    // Not a glued unit: the rest is no listed verb, or the word is a name.
    ["日本任命大使", "任命"],
    ["1980年代月球探测", "探测"],
    ["他任何时候都不去", null],
    // A verb closed by 后/时 sets the time of the predicate after it; alone, it is the head.
    ["1874年毕业后任驻英使馆翻译", "任"],
    ["舰队抵达时遭到炮击", "遭到"],
    ["回国之后出任外交部长", "出任"],
    ["战争结束后", "结束"],
    // A verb jieba glues to the name or post beside it (an unknown word, x), or 后 glued to the
    // verb after a setting with no verb of its own.
    ["再次任驻英公使", "任"],
    ["由吏部尚书张百熙任管学大臣", "任"],
    ["1935年两国外交关系升格后任驻美大使", "任"],
    // An unknown name is no verb; 时任 ("then serving") is no glued setting.
    ["李玄益指挥部队", "指挥"],
    ["时任国务卿杜勒斯访问日本", "访问"],
    // 后 that is no setting: 后来, 后者.
    ["签约后来又被废除", "签约"],
  ] as const)("%s → %s", (text, expected) => {
    expect(head(text)).toBe(expected);
  });

  it.each([
    // A verb glued after an entity mention (徐学禹 a person) is the verb.
    ["徐学禹任总经理", ["徐学禹"], "任"],
    // Not without the mention, nor when the verb is inside one (names with 任, 派, 说).
    ["徐学禹任总经理", [], null],
    ["贾辞任总理", [], null],
    ["1930年，王大任出生于北京", ["王大任"], "出"],
    ["1930年，王大任出生于北京", [], "出"],
    ["任鸿隽出生于四川", [], "生于"],
    ["任鸿隽创办中国科学社", [], "创办"],
    ["柳大任加入华兴会", [], "加入"],
    ["李派与张某会面", [], "会面"],
    ["说岳全传成书于清代", [], null],
    ["副总统斯派罗颁发奖章", ["斯派罗"], "颁发"],
    // 后任 as the noun "successor": after 的, or before a name or office with a verb after it.
    ["1930年，他的后任李四就职", [], "就职"],
    ["后任总统访问日本", [], "访问"],
    ["1949年后任外交总长", [], "任"],
  ] as const)("%s with mentions %j → %s", (text, named, expected) => {
    expect(head(text, named)).toBe(expected);
  });
});

describe("events:features/why-no-head", () => {
  function why(text: string, quoted = ""): string | null {
    const tokens = tagged(segmenter(loadGazetteer()), text);
    const from = quoted ? text.indexOf(quoted) : -1;
    const masked = (i: number): boolean => from >= 0 && i >= from && i < from + quoted.length;
    const c = { text, tokens, masked };
    return mainVerb(c, false) ? null : whyNoHead(c);
  }
  it.each([
    ["双方的关系", "", "noVerb"],
    ["被迫签订的条约", "", "attributive"],
    ["“坚决反对”", "坚决反对", "quoted"],
    ["1884年就读于上海广方言馆", "", null],
  ] as const)("%s → %s", (text, quoted, expected) => {
    expect(why(text, quoted)).toBe(expected);
  });
});

describe("events:features/argument-class", () => {
  it.each([
    ["卫星", "space"],
    ["人造卫星", "space"],
    ["运载火箭", "space"],
    ["导弹", "weapon"],
    ["弹道导弹", "weapon"],
    ["驻华公使", "office"],
    ["北洋水师", "force"],
    ["军", "force"],
    // A one-character noun counts only as a whole word; unlisted words have no class.
    ["将军", "office"],
    ["冠军", null],
    ["职员", null],
    ["卫星城", null],
    ["火车", null],
  ] as const)("%s → %s", (word, expected) => {
    expect(argumentClass(word)).toBe(expected);
  });
});

/** The background features of a whole-text clause, read at its main verb. */
function background(text: string): string[] {
  const tokens = tagged(segmenter(loadGazetteer()), text);
  const c = {
    text,
    tokens,
    masked: () => false,
    clause: { start: 0, end: text.length, index: 0, joined: false },
  };
  const t = mainVerb(c, true);
  if (!t) return ["nohead"];
  return backgroundFeatures(c, t, text.slice(0, t.start));
}

describe("events:features/background", () => {
  it.each([
    // A copula or stative verb before the head: a description.
    ["该港是在1876年开放", ["pre=是"]],
    ["这里有驻军驻守", ["pre=有"]],
    ["该岛位于黄海，驻有海军", ["pre=位于"]],
    // Habit and generic time.
    ["日本船只经常侵入朝鲜海域", ["habitual"]],
    ["每年举行一次会谈", ["habitual"]],
    ["两国通常通过外交渠道协商", ["habitual"]],
    // Durative 着 and experiential 过 after the head.
    ["两国军队对峙着", ["asp=着"]],
    ["他曾访问过日本", ["asp=过"]],
    // 所 before the head (为…所占领: a state, told passively).
    ["该城为日军所占领", ["pre=为", "suo"]],
    // A definition.
    ["江华岛事件又称云扬号事件", ["define"]],
    ["简称中美共同防御条约", ["define"]],
    // Narrated acts carry none of them.
    ["日本舰队炮击江华岛", []],
    ["两国于1876年签订条约", []],
    ["清军攻占谅山", []],
    ["他访问日本", []],
  ] as const)("%s → %j", (text, expected) => {
    expect(background(text)).toEqual(expected);
  });
});
