// One numbered item of a holiday notice, e.g.
//   二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
// gives the rest block and its make-up working days. Each sentence is read whole or reported
// with why: the parser never guesses a date.
import { normalizeNoticeText, readNoticeDate, type DateProblem, type ReadDate } from './noticeDate';
import { HOLIDAY_NAMES, statutoryHolidays, type HolidayKey } from './statutoryHolidays';
import { isWeekend, toEpochDay, yearOf } from './timeZone';
import type { IsoDate, UnreadSentence, YearArrangement } from './types';

export interface NoticeItem {
  block?: YearArrangement['holidays'][number];
  makeupWorkdays: IsoDate[];
  unread: UnreadSentence[];
}

const ITEM = /^[一二三四五六七八九十]+、([^:]+):(.+)$/;
const KEY_BY_NAME = new Map(Object.entries(HOLIDAY_NAMES).map(([key, n]) => [n.name as string, key as HolidayKey]));
// 放假调休，共8天 / 放假，共3天 — one day: 放假1天，不调休 / 放假，与周末连休 (the weekend rests anyway)
const RANGE_TAIL = /^放假(?:调休)?,共(\d+)天$/;
const SINGLE_TAIL = /^放假(?:(\d+)天)?(?:,(?:不调休|与周末连休))?$/;

type Reading<T> = T | { problem: { zh: string; en: string } };
const failed = (zh: string, en: string) => ({ problem: { zh, en } });
const isProblem = (r: object): r is DateProblem => 'problem' in r;

/** Reads `line`, an item of the notice of `year` as published (full-width punctuation and all). */
export function readNoticeItem(line: string, year: number): NoticeItem {
  const text = line.trim();
  const unread = (sentence: string, p: { zh: string; en: string }): UnreadSentence => ({ text: sentence, reason: p.zh, reasonEn: p.en });
  const item = ITEM.exec(normalizeNoticeText(text));
  if (!item) return { makeupWorkdays: [], unread: [unread(text, { zh: '不是编号的节日条目（如“一、元旦：…”）', en: 'not a numbered festival item (like “一、元旦：…”)' })] };
  const names = item[1]!.split('、');
  const keys = names.map((n) => KEY_BY_NAME.get(n));
  const unknown = names.filter((_n, i) => !keys[i]);
  if (unknown.length) return { makeupWorkdays: [], unread: [unread(text, { zh: `不认识的节日：${unknown.join('、')}`, en: `unknown festival: ${unknown.join('、')}` })] };

  // The item's sentences as written (for reports) and normalized (for reading): '。' is kept by normalizing.
  const written = text.split('。').filter((s) => s.trim());
  const sentences = item[2]!.split('。').filter((s) => s);
  const result: NoticeItem = { makeupWorkdays: [], unread: [] };
  // A sentence with no date, 放假 or 上班 cannot move a day (the closing words of a one-paragraph paste).
  sentences.forEach((s, i) => {
    const original = `${written[i]!.trim()}。`;
    // 鼓励…安排职工在除夕（2月9日）休息 encourages employers; it arranges no day.
    if (s.startsWith('鼓励')) return;
    if (s.endsWith('上班')) {
      const days = readMakeupDays(s.slice(0, -'上班'.length), year);
      if (isProblem(days)) result.unread.push(unread(original, days.problem));
      else result.makeupWorkdays.push(...days);
    } else if (s.includes('放假')) {
      const block = result.block ? failed('同一条目里有第二段放假', 'a second rest block in one item') : readRestBlock(s, year, keys as HolidayKey[]);
      if (isProblem(block)) result.unread.push(unread(original, block.problem));
      else result.block = { name: names.join('、'), nameEn: keys.map((k) => HOLIDAY_NAMES[k!].nameEn).join(' and '), ...block };
    } else if (/\d日/.test(s)) {
      result.unread.push(unread(original, { zh: '既不是放假安排（…放假…）也不是调休上班（…上班）', en: 'neither a rest block (…放假…) nor make-up working days (…上班)' }));
    }
  });
  if (!result.block && !result.unread.length) result.unread.push(unread(text, { zh: '条目没有放假日期', en: 'the item gives no rest days' }));
  return result;
}

/** 1月28日（…）至2月4日（…）放假调休，共8天 — or one day: 1月1日（周三）放假1天，不调休. */
function readRestBlock(s: string, year: number, keys: HolidayKey[]): Reading<{ from: IsoDate; to: IsoDate }> {
  const from = readNoticeDate(s, 0, year);
  if (!from) return failed('放假没有写开始日期', 'the rest block has no first date');
  if (isProblem(from)) return from;
  let to: ReadDate | DateProblem | undefined = from;
  if (s[from.end] === '至') {
    to = readNoticeDate(s, from.end + 1, year, from.month);
    if (!to) return failed('“至”后面没有日期', 'no date after 至');
    if (isProblem(to)) return to;
  }
  const tail = s.slice(to.end);
  const count = (to === from ? SINGLE_TAIL : RANGE_TAIL).exec(tail);
  if (!count) return failed(`读不懂“${tail}”（应为“放假调休，共N天”或“放假1天”）`, `cannot read “${tail}” (expected 放假调休，共N天 or 放假1天)`);
  const days = toEpochDay(to.date) - toEpochDay(from.date) + 1;
  if (days < 1) return failed(`结束日${to.date}早于开始日${from.date}`, `ends ${to.date}, before it starts ${from.date}`);
  if (count[1] !== undefined && days !== Number(count[1])) return failed(`${from.date}至${to.date}是${days}天，通知写共${count[1]}天`, `${from.date} to ${to.date} is ${days} days, the notice says ${count[1]}`);
  // A block named for a festival holds that festival's statutory day(s): a mistyped date shows here.
  const statutory = statutoryHolidays(year);
  for (const key of keys) {
    const own = statutory.filter((d) => d.keys.includes(key)).map((d) => d.date);
    if (!own.some((d) => from.date <= d && d <= to.date)) {
      const { name, nameEn } = HOLIDAY_NAMES[key];
      return failed(`${from.date}至${to.date}不含${name}的法定假日（${own.join('、')}）`, `${from.date} to ${to.date} holds none of ${nameEn}'s statutory days (${own.join(', ')})`);
    }
  }
  // The year's calendar holds its own days: a block reaching into the next or previous year keeps its part of this one.
  return { from: from.date < `${year}-01-01` ? `${year}-01-01` : from.date, to: to.date > `${year}-12-31` ? `${year}-12-31` : to.date };
}

/** 1月26日（周日）、2月8日（周六）: weekend days that become working days. */
function readMakeupDays(s: string, year: number): Reading<IsoDate[]> {
  const days: IsoDate[] = [];
  let at = 0;
  let month: number | undefined;
  while (at < s.length) {
    if (days.length) {
      if (s[at] !== '、') return failed(`读不懂“${s.slice(at)}”`, `cannot read “${s.slice(at)}”`);
      at += 1;
    }
    const d = readNoticeDate(s, at, year, month);
    if (!d) return failed(`读不懂“${s.slice(at)}”（应为日期，如“1月26日（周日）”）`, `cannot read “${s.slice(at)}” (expected a date like 1月26日（周日）)`);
    if (isProblem(d)) return d;
    if (yearOf(d.date) !== year) return failed(`${d.date}不在${year}年内`, `${d.date} is not in the year ${year}`);
    if (!isWeekend(d.date)) return failed(`${d.date}不是周六或周日，不能调为上班`, `${d.date} is not a Saturday or Sunday, so it cannot become a make-up working day`);
    days.push(d.date);
    ({ end: at, month } = d);
  }
  return days.length ? days : failed('上班没有写日期', 'no date before 上班');
}
