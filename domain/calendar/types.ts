/** Calendar date `YYYY-MM-DD`, always meant as a date in Asia/Shanghai. */
export type IsoDate = string;

export type DayKind = 'WORKING' | 'REST' | 'HOLIDAY';

/** One year's State Council holiday-arrangement notice (国务院办公厅关于…年部分节假日安排的通知). */
export interface YearArrangement {
  year: number;
  notice: {
    title: string;
    /** e.g. 国办发明电〔2024〕12号 */
    documentNo: string;
    publishedOn: IsoDate;
  };
  /** Whole rest blocks as published (bridged days included), inclusive ranges. */
  holidays: Array<{
    /** Chinese name, e.g. 春节 */
    name: string;
    nameEn: string;
    from: IsoDate;
    to: IsoDate;
  }>;
  /** 调休上班: weekend days that become working days. */
  makeupWorkdays: IsoDate[];
}

export type DaySource =
  | 'NOTICE'
  | 'STATUTORY_PROVISIONAL'
  /** 补假: a working day given for a statutory holiday on a weekend, in a year without a notice. */
  | 'SUBSTITUTE_PROVISIONAL'
  | 'WEEKEND'
  | 'WEEKDAY'
  | 'MAKEUP_WORKDAY';

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  source: DaySource;
  /** Chinese holiday name when kind is HOLIDAY. */
  holiday?: string;
  /** English holiday name when kind is HOLIDAY. */
  holidayEn?: string;
  /** True when the date's year has no loaded notice, so the answer may still change. */
  provisional: boolean;
}

export interface SkippedDay {
  date: IsoDate;
  /** Bilingual, Chinese first. */
  reason: string;
}

export interface AddWorkingDaysOptions {
  /** 'HH:mm' Asia/Shanghai; when set the period ends at this time on the last day instead of 24:00. */
  closeOfBusiness?: string;
}

export interface AddWorkingDaysResult {
  dueAt: Date;
  dueDate: IsoDate;
  provisional: boolean;
  explanation: {
    counted: IsoDate[];
    skipped: SkippedDay[];
  };
}

/** A validation problem in an uploaded arrangement; `path` is like `holidays[2].to`. */
export interface ArrangementError {
  path: string;
  message: string;
}

export interface DayKindChange {
  date: IsoDate;
  before: DayKind;
  after: DayKind;
  beforeHoliday?: string;
  afterHoliday?: string;
}

/** A sentence of a pasted notice that the parser could not read, and why (never guessed). */
export interface UnreadSentence {
  text: string;
  /** Why, in Chinese. */
  reason: string;
  reasonEn: string;
}

/** What the parser read from a notice's text; fields it did not find are absent. */
export interface ParsedNotice {
  year: number;
  notice: Partial<YearArrangement['notice']>;
  holidays: YearArrangement['holidays'];
  makeupWorkdays: IsoDate[];
  /** Festival sentences it could not read: while any is left, the notice cannot be loaded. */
  unread: UnreadSentence[];
}
