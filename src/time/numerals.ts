/**
 * Numerals as written in Chinese dates and durations: Arabic (full-width digits are already
 * half-width in the analysis text), Chinese positional (十二, 二十五, 三十九, 廿五, 两) and
 * Chinese digit-by-digit (一九九八, 二〇一八), plus 元 (the first year of an era).
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Regex source for one Chinese numeral character (digits, units, 廿 and 卅). */
export const CN_NUM_CHAR = "[〇零一二两三四五六七八九十百千万廿卅]";
/** Regex source for a numeral: Arabic digits or a run of Chinese numeral characters. */
export const NUM = `(?:\\d+|${CN_NUM_CHAR}+)`;

/** Value of a Chinese digit-by-digit numeral (一九九八 → 1998), or null when it is not one. */
export function parseDigitString(text: string): number | null {
  if (text.length === 0) return null;
  let value = 0;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === undefined || ch === "两") return null;
    value = value * 10 + d;
  }
  return value;
}

/** Value of a positional Chinese numeral (三十九, 二十五, 廿五, 十二, 两百), or null. */
function parsePositional(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch === "廿") {
      section += 20;
      digit = null;
      continue;
    }
    if (ch === "卅") {
      section += 30;
      digit = null;
      continue;
    }
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null;
      digit = d;
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined) return null;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = null;
  }
  return total + section + (digit ?? 0);
}

/**
 * Value of a numeral written in any of the supported ways, or null.
 * `元` counts as 1 (民国元年). Digit strings of two or more digits read digit by digit.
 */
export function parseNumber(text: string): number | null {
  if (text === "") return null;
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  if (text === "元") return 1;
  if (text.length >= 2 && /^[〇零一二三四五六七八九]+$/.test(text)) {
    // Note: 一九九八 is a digit string; 二十 is positional (has a unit), so no clash.
    return parseDigitString(text);
  }
  return parsePositional(text);
}

/** True when a numeral is written as a Chinese digit string of `length` digits (二〇一八). */
export function isDigitString(text: string, length: number): boolean {
  return text.length === length && /^[〇零一二三四五六七八九]+$/.test(text);
}
