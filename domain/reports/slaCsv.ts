// The SLA summary as a spreadsheet: UTF-8 with a BOM (Excel otherwise reads Chinese as
// ANSI), RFC 4180 quoting and CRLF line ends. Headers Chinese first, then English.
import { PROMISE_FIGURE_LABELS as PROMISE } from './promiseKept';
import type { SlaFigures, StageMetric } from './slaSummary';

export interface CsvGroup extends SlaFigures {
  code: string;
  nameZh: string;
  nameEn: string;
}

const BOM = '\uFEFF';

/** A header Chinese first, then English. */
export const bilingual = (label: { zh: string; en: string }) => `${label.zh} ${label.en}`;

const MEDIAN_HEADERS: Record<StageMetric, string> = {
  parallelReview: '并联审批中位工作日 Parallel review median (working days)',
  creditDecision: '授信审批中位工作日 Credit decision median (working days)',
  contractingDisbursing: '签约放款中位工作日 Contracting and disbursing median (working days)',
  acceptanceToDecision: '受理至决定中位工作日 Acceptance to decision median (working days)',
};

/** The promise's columns, in the same order in the SLA summary and the cadence reports. */
export const PROMISE_CSV_HEADERS = [
  '受理 Opened',
  '已决定 Decided',
  '批准 Approved',
  '拒贷 Rejected',
  bilingual(PROMISE.decidedInTimeRate),
  '已放款 Disbursed',
  bilingual(PROMISE.promiseKeptRate),
];

export const SLA_CSV_HEADERS = [
  '代码 Code',
  '名称 Name',
  ...PROMISE_CSV_HEADERS,
  '已结案 Closed',
  '超时案件 Breached cases',
  '超时次数 Breaches',
  '无超时办结率 Closed without any breach',
  '等待企业工作日（不计入承诺） Working days waiting for the firm (not counted)',
  ...Object.values(MEDIAN_HEADERS),
];

// A text cell a spreadsheet would run as a formula (a firm named `=HYPERLINK(…)`): OWASP's
// CSV-injection rule, these leading characters.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would read as a formula is neutralised with a leading
 * apostrophe (shown as text, never run); numbers are written as they are.
 */
export function cell(value: string | number | null): string {
  if (value === null) return '';
  const s = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(s) || s !== String(value) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A rate as a spreadsheet shows it (2 decimals of a percent); empty when there is none. */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : `${(rate * 100).toFixed(2)}%`);

export function slaCsvRow(code: string, name: string, f: SlaFigures): string {
  const medians = (Object.keys(MEDIAN_HEADERS) as StageMetric[]).map((m) => f.medianWorkingDays[m]);
  return [
    code, name, f.opened, f.decided, f.approved, f.rejected, percent(f.decidedInTimeRate), f.disbursed, percent(f.promiseKeptRate),
    f.closed, f.breachedCases, f.breaches, percent(f.onTimeRate), f.pausedWorkingDays, ...medians,
  ]
    .map(cell)
    .join(',');
}

/** Header, one row per group, then the overall row. */
export function slaSummaryCsv(groups: readonly CsvGroup[], overall: SlaFigures): string {
  return csvDocument([
    SLA_CSV_HEADERS.map(cell).join(','),
    ...groups.map((g) => slaCsvRow(g.code, `${g.nameZh} ${g.nameEn}`, g)),
    slaCsvRow('ALL', '合计 Total', overall),
  ]);
}

/** Lines (already joined cells) as a spreadsheet file: BOM, CRLF line ends. */
export function csvDocument(lines: readonly string[]): string {
  return BOM + lines.join('\r\n') + '\r\n';
}
