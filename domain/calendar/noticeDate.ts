// A date as a holiday notice writes it: 1月28日（农历除夕、周二）, or 8日（周三） after a date of the
// same month. The weekday in brackets is checked against the calendar, so a date mistyped
// in the notice (or a notice of another year) is reported instead of loaded.
import { isIsoDate, weekday } from './timeZone';
import type { IsoDate } from './types';

/** Full-width brackets, colon and comma as half-width, full-width digits as ASCII, no spaces. */
export function normalizeNoticeText(s: string): string {
  return s
    .replace(/\s/g, '')
    .replace(/[（）：，０-９]/g, (c) => ({ '（': '(', '）': ')', '：': ':', '，': ',' })[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Matches one written date at a position: optional year and month, the day, an optional bracketed note. */
const WRITTEN_DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/y;
const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAY = /^(?:周|星期)([一二三四五六日天])$/;

export interface ReadDate {
  date: IsoDate;
  month: number;
  /** Where the written date ends in the text. */
  end: number;
}
export interface DateProblem {
  problem: { zh: string; en: string };
}

/**
 * Reads the written date at `at` of a normalized sentence, in `year`; a date without its month
 * takes `month` (the month of the date before it). Undefined when no date is written there.
 */
export function readNoticeDate(s: string, at: number, year: number, month?: number): ReadDate | DateProblem | undefined {
  WRITTEN_DATE.lastIndex = at;
  const m = WRITTEN_DATE.exec(s);
  if (!m) return undefined;
  const [written, y, mo, d, note] = m as unknown as [string, string | undefined, string | undefined, string, string | undefined];
  const problem = (zh: string, en: string): DateProblem => ({ problem: { zh: `${written}：${zh}`, en: `${written}: ${en}` } });
  // A year is written only for a date outside the notice's year: 元旦 from the December before.
  const dateYear = y !== undefined ? Number(y) : year;
  if (Math.abs(dateYear - year) > 1) return problem(`不在${year}年前后`, `not in or next to the year ${year}`);
  const monthNo = mo !== undefined ? Number(mo) : month;
  if (monthNo === undefined) return problem('没有写月份', 'no month is written');
  const date = `${String(dateYear).padStart(4, '0')}-${String(monthNo).padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isIsoDate(date)) return problem('不是真实的日期', 'not a real date');
  for (const part of note ? note.split('、') : []) {
    const wd = WEEKDAY.exec(part);
    if (wd) {
      const actual = WEEKDAY_NAMES[weekday(date)]!;
      if ((wd[1] === '天' ? '日' : wd[1]) !== actual) return problem(`${date}是周${actual}，通知写的是${part}`, `${date} is a 周${actual}, the notice says ${part}`);
    } else if (!part.startsWith('农历')) {
      return problem(`括号里的“${part}”既不是星期也不是农历日期`, `“${part}” in brackets is neither a weekday nor a lunar date`);
    }
  }
  return { date, month: monthNo, end: at + written.length };
}
