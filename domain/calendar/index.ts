export type {
  AddWorkingDaysOptions,
  AddWorkingDaysResult,
  ArrangementError,
  DayInfo,
  DayKind,
  DayKindChange,
  DaySource,
  IsoDate,
  ParsedNotice,
  SkippedDay,
  UnreadSentence,
  YearArrangement,
} from './types';
export {
  addDays,
  compareIsoDates,
  isIsoDate,
  isWeekend,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiEndOfDay,
  weekday,
  yearOf,
} from './timeZone';
export { HOLIDAY_NAMES, lunarNewYearDate, qingmingDate, statutoryHolidays } from './statutoryHolidays';
export type { HolidayKey, StatutoryHolidayDay } from './statutoryHolidays';
export { substituteRestDays } from './substituteRestDays';
export type { SubstituteRestDay } from './substituteRestDays';
export { WorkingCalendar } from './workingCalendar';
export type { WorkingCalendarOptions } from './workingCalendar';
export { OFFICIAL_NOTICES, deriveArrangement } from './officialNotices';
export { diffArrangements, validateArrangement } from './validateArrangement';
export { parseNotice } from './parseNotice';
export { readNoticeTitle } from './noticeTitle';
export { noticeArrangement } from './noticeArrangement';
