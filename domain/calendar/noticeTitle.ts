// A notice's title and document number, wherever they stand in the pasted text (the title may be
// broken over two lines, or stand in Xinhua's lead line). Light enough for the console to name
// the year as soon as a notice is pasted.
import { normalizeNoticeText } from './noticeDate';

const TITLE = /国务院办公厅关于(\d{4})年部分节假日安排的通知/;
const DOCUMENT_NO = /(国办发(?:明电)?)[〔[［(](\d{4})[〕\]］)](\d+)号/;

export interface NoticeTitle {
  title?: string;
  /** The year the title names. */
  year?: number;
  /** Written as published: 国办发明电〔2024〕12号. */
  documentNo?: string;
}

export function readNoticeTitle(text: string): NoticeTitle {
  const compact = normalizeNoticeText(text);
  const title = TITLE.exec(compact);
  const doc = DOCUMENT_NO.exec(compact);
  return {
    ...(title ? { title: title[0], year: Number(title[1]) } : {}),
    ...(doc ? { documentNo: `${doc[1]}〔${doc[2]}〕${doc[3]}号` } : {}),
  };
}
