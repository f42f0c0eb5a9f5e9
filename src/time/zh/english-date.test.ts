import { describe, expect, it } from "vitest";
import { hits } from "../testing.js";

describe("time:zh/english-date", () => {
  it.each([
    ["*Washington Post* (December 4, 1989)", ["December 4, 1989=1989-12-04"]],
    ["*The Nation*, (Apr. 13, 1964), p. 360", ["Apr. 13, 1964=1964-04-13"]],
    ["Spencer C. Tucker (23 December 2009). A Global Chronology", ["23 December 2009=2009-12-23"]],
    ["SCMP, 25 September, 1993, 2018年8月4日查阅", ["25 September, 1993=1993-09-25"]],
    ["*Journal of Latin American Studies*, Feb., 1995, vol. 27", ["Feb., 1995=1995-02"]],
    ["The Journal of Asian Studies, Vol. 59, No. 3 (Aug., 2000), p. 638.", ["Aug., 2000=2000-08"]],
    ["Ministry of National Defense, September 2010, ISBN 978-89", ["September 2010=2010-09"]],
    ["in January 1813 induced the Dutch", ["January 1813=1813-01"]],
    ["New York Times, July 27, 1953", ["July 27, 1953=1953-07-27"]],
    ["Sept. 11th, 2001", ["Sept. 11th, 2001=2001-09-11"]],
    ["engineering journal, Spring 1992", ["Spring 1992=1992-SP"]],
    ["Columbia Accident Investigation Board, Fall 2003", ["Fall 2003=2003-FA"]],
    ["Winter 2004 issue", ["Winter 2004=2004-WI"]],
    // Without a year: the narrative's year.
    ["2010年3月26日，天安舰沉没。\n\n1.  Report, retrieved 4 December.", ["4 December=2010-12-04"]],
    [
      "1952年10月。\n\n1.  The Struggle, May 1 - November 30, 1952",
      ["May 1=1952-05-01", "November 30, 1952=1952-11-30"],
    ],
    // The first end of a range takes the second end's year, not the narrative's.
    [
      "1950年，展览会于May 1 - November 30, 1952举行。",
      ["May 1=1952-05-01", "November 30, 1952=1952-11-30"],
    ],
    [
      "1950年10月。\n\n1.  Report, 12 March – 4 April 1951.",
      ["12 March=1951-03-12", "4 April 1951=1951-04-04"],
    ],
    ["1950年10月。\n\n1.  Report, May 1 - 3 people, 1952", ["May 1=1950-05-01"]],
    // Not a date.
    ["the Decembrist 1825 revolt", []],
    ["Mayday 12 call", []],
    ["31 April 1990", []],
    ["December 40000 tons", []],
    ["June Smith wrote", []],
    ["the 12 Mayfair", []],
    ["March 3000", []],
    ["Fall 12", []],
  ] as Array<[string, string[]]>)("%s", (text, expected) => {
    expect(hits(text, "english-date", false)).toEqual(expected);
  });
});
