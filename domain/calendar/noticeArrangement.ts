// A parsed notice becomes a year's arrangement only when nothing is missing or unread: the
// title, the document number (from the text, or given when the copy pasted lacks it, as
// Xinhua's release does), the signing date, and every festival sentence read.
import type { ArrangementError, ParsedNotice, YearArrangement } from './types';
import { validateArrangement } from './validateArrangement';

export type NoticeArrangement = { arrangement: YearArrangement; problems: [] } | { arrangement?: undefined; problems: ArrangementError[] };

/**
 * The arrangement `parsed` describes, or what keeps it from loading besides its unread
 * sentences (`parsed.unread`, which keep it from loading too). Paths name the request's
 * fields: `text` for what the text lacks, `documentNo` for the document number.
 */
export function noticeArrangement(parsed: ParsedNotice, documentNo?: string): NoticeArrangement {
  const problems: ArrangementError[] = [];
  const { title, publishedOn } = parsed.notice;
  if (documentNo !== undefined && parsed.notice.documentNo !== undefined && documentNo !== parsed.notice.documentNo) {
    problems.push({ path: 'documentNo', message: `the text gives ${parsed.notice.documentNo}, not ${documentNo}` });
  }
  const docNo = parsed.notice.documentNo ?? documentNo;
  if (!title) problems.push({ path: 'text', message: `no title 国务院办公厅关于${parsed.year}年部分节假日安排的通知 found` });
  if (!docNo) problems.push({ path: 'documentNo', message: 'the text has no document number (文号): give it, e.g. 国办发明电〔2025〕7号' });
  if (!publishedOn) problems.push({ path: 'text', message: 'no signing date (a line like 2025年11月4日) found' });
  if (!parsed.holidays.length && !parsed.unread.length) problems.push({ path: 'text', message: 'no numbered festival item (like 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。) found' });
  if (problems.length || parsed.unread.length) return { problems };

  const arrangement: YearArrangement = {
    year: parsed.year,
    notice: { title: title!, documentNo: docNo!, publishedOn: publishedOn! },
    holidays: parsed.holidays,
    makeupWorkdays: parsed.makeupWorkdays,
  };
  const invalid = validateArrangement(arrangement).map((e) => ({ path: 'text', message: `${e.path}: ${e.message}` }));
  return invalid.length ? { problems: invalid } : { arrangement, problems: [] };
}
