import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";
import { ingest } from "../../ingest/index.js";
import { normalize } from "../../normalize/index.js";
import { findTimes } from "../index.js";
import { bareYear } from "./bare-year.js";

describe("time:zh/bare-year", () => {
  it.each([
    ["| 1990 |\n| --- |\n| x |", ["1990=1990"]],
    ["（1855－1911）", ["1855=1855", "1911=1911"]],
    ["1968普韦布洛号事件", ["1968=1968"]],
    ["1995 - 1997年", ["1995=1995"]],
    ["1995-98年", ["1995=1995"]],
    ["时间从2016到2018", ["2016=2016", "2018=2018"]],
    ["从1937-1945，战争持续", ["1937=1937", "1945=1945"]],
    ["自1998至2000", ["1998=1998", "2000=2000"]],
    ["从1200到1300人", []],
    ["从1200-1300米", []],
    ["1995至1997年间", ["1995=1995"]],
    ["1995个", []],
    ["概念计划8022-02", []],
    ["第1718号决议", []],
    ["5015行动计划", []],
    ["8000根", []],
    ["2000多人", []],
    ["SPGs-195105.jpg", []],
    ["2660公里（1440[海里](x)）", []],
    ["1969[EC-121击落事件](x)", ["1969=1969"]],
    ["轮船招商局经营管理问题，1872-1901", ["1872=1872", "1901=1901"]],
    ["pogranichny konflikt, 1652—1689", ["1652=1652", "1689=1689"]],
    ["见该书，1440-1450页", []],
    ["编号，1990-1800", []],
    ["比分，1200-1900", []],
    // Citations: after Latin script, between commas of a reference item, after another year.
    ["  - Anderson, Jon L. 1997,1998. *Che Guevara*.", ["1997=1997", "1998=1998"]],
    ["  - Frederick Wells Williams (New York: Scribner's, 1912).", ["1912=1912"]],
    ["3.  Harold Goldberg, Indiana University Press, 2007. pp. 160-164", ["2007=2007"]],
    ["Hochschulschrift: Rostock, Univ., Diss., 1933", ["1933=1933"]],
    ["（The South Hyogo prefecture Earthquake in 1995）", ["1995=1995"]],
    ["1.  Kenneth, *The Imperial Russian Army, 1861-1914*. Indiana", ["1861=1861", "1914=1914"]],
    ["正文。\n\n1.  郝柏村，《日记 下》，2000，页1291, 1354, 1413", ["2000=2000"]],
    ["正文。\n\n1.  沈志华.桂林：广西师范大学出版社，1999", ["1999=1999"]],
    ["  - 陳政三 譯，《北台封鎖記》，2002，原民文化。", ["2002=2002"]],
    ["正文。\n\n3. 錢鋼，《大清海軍與李鴻章》，香港：中華書局，2004，188至190頁", ["2004=2004"]],
    // A cited pair or range of years after Latin script: a slash, a two-digit end, a long span.
    [
      "  - in *Foreign Affairs*: America and the World 1989/1990, Vol. 69.",
      ["1989=1989", "1990=1990"],
    ],
    ["15. *Die Kleinstaaten auf dem Wiener Kongress 1814/15.* Eutin", ["1814=1814", "15=1815"]],
    ["  - [Fund, Intervention Operations 1985-90](https://x.org/a)", ["1985=1985", "90=1990"]],
    ["  - IMF, Annual Report 1999/00.", ["1999=1999", "00=2000"]],
    ["14. Modern Chinese Warfare, 1795-1989 P108", ["1795=1795", "1989=1989"]],
    [
      "1.  see *Die Verträge zwischen Russland und China, 1689-1881* (Bonn)",
      ["1689=1689", "1881=1881"],
    ],
    ['1.  V. S. Frank, "The Terms of the Treaty of Nerchinsk, 1689", *The Pacific*', ["1689=1689"]],
    ["正文 1989/1990 在这里。", []],
    ["  - 他在1989/1990 赛季", []],
    ["  - HMS Cockchafer (1881/02/19-1905", []],
    ["  - Windows 1998/2000/XP", []],
    ["  - Operations 1990-85", []],
    ["  - Models 1985-90-A", []],
    ["  - Smith, J. Journal of History, pp. 1645-58.", []],
    ["  - Smith, J. Journal of History, p. 1645/58.", []],
    ["轮船招商局问题，1700-1901", []],
    ["Journal, pp. 1200. Vol. 1999, No. 1914.", []],
    ["  - 《兰台世界》,2012(9):20-21", []],
    ["Boeing 1900 jets", []],
    ["  - 兵力，1200，骑兵", []],
    ["兵力，1200，", []],
    ["image 2009.jpg", []],
    // Pages, counts and names in English prose are no years.
    ["Journal 12 (3): pp. 1021-1035.", []],
    ["  - Smith, *War*, Press, 2007, 1021-1035.", ["2007=2007"]],
    ["(Oxford: Clarendon, 1999), 1150.", ["1999=1999"]],
    ["Ibid., 1120.", []],
    ["The army numbered 1500.", []],
    ["killed 1200, wounded 300", []],
    ["room 1204.", []],
    ["Windows 2000。", []],
    // Measures of guns, horses and rooms; a model number after a Latin name.
    ["俄军总兵力达33万人，炮1266门，机枪56挺", []],
    ["扬武号：重1560吨，1130匹马力", []],
    ["住在汉城朝鲜酒店1030房间", []],
    ["制式[Fusil Gras M80 1874步枪](x)", []],
    ["1968普韦布洛号事件后", ["1968=1968"]],
    // A count after an approximator, not a year that names what follows.
    ["4月17日，约1400受过训练的流亡古巴人登陆", []],
    ["大约1500逃亡者", []],
    ["约1500士兵渡河", []],
    // After an approximator, a year unless a count's noun follows.
    ["约1900前后，他出生。", ["1900前后=1900@APPROX"]],
    ["大约1910左右", ["1910左右=1910@APPROX"]],
    ["他于约1885赴美。", ["1885=1885@APPROX"]],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "bare-year", false)).toEqual(expected);
  });
});

describe("time:zh/bare-year before 年", () => {
  // Note: a year right before 年 is answered before the other tests (most matches); only a link
  // starting at 年 makes it a bare year of its own (1969[年度报告]).
  const years = (md: string): string[] =>
    findTimes(normalize(ingest(md, { name: "snippet.md" })), {
      parsers: [bareYear],
      refiners: [],
    }).map((c) => `${c.point?.year ?? "?"}`);
  it.each([
    ["1969[年度报告](x)发布", ["1969"]],
    ["他于1995[年](x)出生", ["1995"]],
    ["1969年度报告发布", []],
    ["他于1995年出生，2001年毕业", []],
    ["（1995年）", []],
  ])("%s → %j", (md, expected) => {
    expect(years(md)).toEqual(expected);
  });
});
