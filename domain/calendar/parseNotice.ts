// A State Council holiday notice (国务院办公厅关于20XX年部分节假日安排的通知) as published, read into
// the arrangement the calendar loads. Pure and deterministic: the same text gives the same
// answer. Only the numbered festival items (and anything written like one) are read; the
// addressees, preamble and closing words are not about dates.
import { normalizeNoticeText } from './noticeDate';
import { readNoticeTitle } from './noticeTitle';
import { readNoticeItem } from './readNoticeItem';
import { isIsoDate } from './timeZone';
import type { ParsedNotice } from './types';

// The signature: 国务院办公厅, then the date on its own line (or run on, in a one-paragraph paste).
const SIGNED_ON = /^(?:国务院办公厅)?(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const NUMERAL = '[一二三四五六七八九十]+';
const ITEM_START = new RegExp(`^${NUMERAL}、[^:。]{1,12}:`);
// A pasted notice may run together in one paragraph: each item starts after a 。, and so does the signature.
const BOUNDARY = new RegExp(`(?<=。)(?=\\s*(?:${NUMERAL}、[^：:。]{1,12}[：:]|国务院办公厅\\s*\\d{4}年))`);
// Written like a festival sentence (a date with its weekday) though not numbered: read and reported.
const LOOKS_LIKE_ITEM = /\d{1,2}月\d{1,2}日\(.*(?:放假|上班)/;

/** Reads the notice `text` for `year`: its blocks, make-up working days, metadata and unread sentences. */
export function parseNotice(text: string, year: number): ParsedNotice {
  const parsed: ParsedNotice = { year, notice: {}, holidays: [], makeupWorkdays: [], unread: [] };
  const { title, year: titleYear, documentNo } = readNoticeTitle(text);
  if (title) {
    parsed.notice.title = title;
    if (titleYear !== year) {
      parsed.unread.push({ text: title, reason: `这是${titleYear}年的通知，正在载入的是${year}年`, reasonEn: `the notice is for ${titleYear}, the year being loaded is ${year}` });
    }
  }
  if (documentNo) parsed.notice.documentNo = documentNo;

  const lines = text.split(/\r?\n/).flatMap((l) => l.split(BOUNDARY)).map((l) => l.trim()).filter(Boolean);
  for (const line of lines) {
    const n = normalizeNoticeText(line);
    const signed = SIGNED_ON.exec(n);
    if (signed) {
      const date = `${signed[1]}-${signed[2]!.padStart(2, '0')}-${signed[3]!.padStart(2, '0')}`;
      if (isIsoDate(date)) parsed.notice.publishedOn = date; // the last one is the signature's
      continue;
    }
    if (!ITEM_START.test(n) && !LOOKS_LIKE_ITEM.test(n)) continue;
    const item = readNoticeItem(line, year);
    if (item.block) parsed.holidays.push(item.block);
    parsed.makeupWorkdays.push(...item.makeupWorkdays);
    parsed.unread.push(...item.unread);
  }
  parsed.holidays.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  parsed.makeupWorkdays = [...new Set(parsed.makeupWorkdays)].sort();
  return parsed;
}
