/** Test support: what a TIMEX3 code looks like, so tests can assert none reaches a reader. */

/**
 * A TIMEX3 code in a human column: a value with `-` before digits or a part code (`1993-05`,
 * `1923-FA`), a clock `T09:`, an upper-case modifier (`MID`, `AFTER`), or a bare decade/century
 * (`199`, `18`). Chinese labels (`1993年5月初`, `19世纪中叶`) never match.
 */
export const TIMEX_CODE =
  /\d{2,4}-(?:\d|[A-Z]{2}|Q\d|H\d|W\d)|T\d{2}:|\b(?:START|MID|END|APPROX|AFTER|BEFORE|PRESENT_REF)\b|(?:^|[\s~])\d{2,3}(?:$|\s)/u;
