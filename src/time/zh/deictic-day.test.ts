import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

const REF = "2018-06-30T12:00";

describe("time:zh/deictic-day", () => {
  it.each([
    // with a reference date: that day and its neighbours
    ["今天下雨了", ["今天=2018-06-30"], REF],
    ["明天见", ["明天=2018-07-01"], REF],
    ["他昨天走了", ["昨天=2018-06-29"], REF],
    ["前天和大后天", ["前天=2018-06-28", "大后天=2018-07-03"], REF],
    ["后天出发", ["后天=2018-07-02"], REF],
    ["昨晚开会", ["昨晚=2018-06-29TNI"], REF],
    ["今晨起飞", ["今晨=2018-06-30TMO"], REF],
    ["“明天见”，他说", ["明天=2018-07-01"], REF],
    // without one: 今天 is the present, the others count from the narrative's day
    ["今天", ["今天=PRESENT_REF"], undefined],
    ["2010年1月10日，他说明天出发", ["明天=2010-01-11"], undefined],
    // negatives: no day to count from, a quotation's now, words that only contain the characters
    ["明天见", [], undefined],
    ["2010年1月10日，他说：“明天见”", [], undefined],
    ["后天性疾病", [], REF],
    ["先天后天", [], REF],
    ["明日之星", [], REF],
  ] as Array<[string, string[], string | undefined]>)("%s", (text, expected, ref) => {
    expect(hits(text, "deictic-day", false, ref)).toEqual(expected);
  });
});
