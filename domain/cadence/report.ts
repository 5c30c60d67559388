// What a cadence report holds, its rankings and its spreadsheet form. The board ranks streets
// and banks on what reached an outcome in the period and shows what is open now
// (./ranking.ts); `activity` counts what happened in the period, whatever the case's acceptance
// date; `batches` follows the joint consultation batches still in progress or active in the period;
// `funnel` is the survey funnel (../survey/funnel.ts) of the period's visits.
import type { IsoDate } from '../calendar/types';
import type { BatchOutcome } from '../consultation/batchOutcome';
import { PROMISE_FIGURE_LABELS as PROMISE } from '../reports/promiseKept';
import type { FunnelFigures } from '../survey/funnel';
import { surveyFunnelLines } from '../survey/funnelCsv';
import { PROMISE_CSV_HEADERS, bilingual, cell, csvDocument, percent } from '../reports/slaCsv';
import { CADENCE_TITLES, type CadenceKind, type ReportPeriod } from './decision';
import { WATCHED_SLA_STATES, WATCHED_STATES, type Board, type GroupBoard, type OpenFigures, type OutcomeFigures } from './ranking';

/** Events in the period: cases accepted, decided (approved or rejected), paid, and with a breach. */
export interface PeriodActivity {
  opened: number;
  decided: number;
  disbursed: number;
  breached: number;
}

export interface AtRiskOwner {
  /** A branch (task kind) or PROMISE. */
  subject: string;
  assignee: string;
  slaState: string;
  dueAt: string | null;
}

export interface AtRiskCase {
  caseId: string;
  firmName: string;
  street: { code: string; nameZh: string; nameEn: string };
  bank: { code: string; nameZh: string; nameEn: string };
  stage: string;
  slaState: 'AT_RISK' | 'BREACHED';
  dueAt: string | null;
  owners: AtRiskOwner[];
}

export interface BatchProgressLine extends BatchOutcome {
  batchId: string;
  bankCode: string;
  openedAt: string;
}

/** The survey funnel of the visits made in the period, by street and for the district, as it stood when generated. */
export interface ReportFunnel {
  overall: FunnelFigures;
  byStreet: (FunnelFigures & { code: string; nameZh: string; nameEn: string })[];
}

export interface CadenceReportContent {
  id: string;
  kind: CadenceKind;
  title: { zh: string; en: string };
  businessDate: IsoDate;
  period: ReportPeriod;
  /** What the weekly and monthly reports compare against; null for the daily board. */
  previousPeriod: ReportPeriod | null;
  /** When the schedule meant to run it (a caught-up run reports the day it was due). */
  scheduledFor: string;
  generatedAt: string;
  /** The period or date falls in a year without a loaded holiday notice. */
  provisional: boolean;
  activity: PeriodActivity;
  board: Board;
  /** Open cases AT_RISK or BREACHED when the report was generated, worst first. */
  atRisk: AtRiskCase[];
  batches: BatchProgressLine[];
  /** Null for reports generated before the funnel joined them (2026-12). */
  funnel: ReportFunnel | null;
}

export function reportTitle(kind: CadenceKind): { zh: string; en: string } {
  return { ...CADENCE_TITLES[kind] };
}

const line = (...values: (string | number | null)[]) => values.map(cell).join(',');

const BOARD_HEADERS = [
  ...PROMISE_CSV_HEADERS,
  '申请金额（元）Applied (CNY)',
  '授信金额（元）Granted (CNY)',
  '放款金额（元）Disbursed (CNY)',
  '在办 Open now',
  ...WATCHED_STATES.map((s) => bilingual(WATCHED_SLA_STATES[s])),
  '最久在办案件 Oldest open case',
  '在办工作日 Working days open',
];

const outcomeCells = (f: OutcomeFigures) => [f.opened, f.decided, f.approved, f.rejected, percent(f.decidedInTimeRate), f.disbursed, percent(f.promiseKeptRate), f.amounts.applied, f.amounts.granted, f.amounts.disbursed];
const openCells = (o: OpenFigures) => [o.open, ...WATCHED_STATES.map((s) => o.bySlaState[s]), o.oldest?.caseId ?? null, o.oldest?.workingDaysOpen ?? null];

function rankingLines(heading: string, groups: readonly GroupBoard[], board: Board, compare: boolean): string[] {
  const previousHeaders = compare ? ['上期排名 Previous rank', '上期承诺兑现率 Previous promise kept', '上期放款 Previous disbursed', '上期放款金额（元）Previous disbursed (CNY)'] : [];
  const previousCells = (p: { rank?: number | null; promiseKeptRate: number | null; disbursed: number; amounts: { disbursed: string } } | null) =>
    compare ? [p?.rank ?? null, percent(p?.promiseKeptRate), p?.disbursed ?? null, p?.amounts.disbursed ?? null] : [];
  return [
    line(heading),
    line('排名 Rank', '代码 Code', '名称 Name', ...BOARD_HEADERS, ...previousHeaders),
    ...groups.map((g) => line(g.rank, g.code, `${g.nameZh} ${g.nameEn}`, ...outcomeCells(g), ...openCells(g.open), ...previousCells(g.previous))),
    line(null, 'ALL', '合计 Total', ...outcomeCells(board.overall), ...openCells(board.overall.open), ...previousCells(board.overall.previous)),
  ];
}

/** One sheet, sections separated by a blank line; headers Chinese first, then English. */
export function cadenceReportCsv(r: CadenceReportContent): string {
  const compare = r.previousPeriod !== null;
  return csvDocument([
    line(`${r.title.zh} ${r.title.en}`, r.businessDate),
    line('统计区间 Period', r.period.from, r.period.to),
    ...(r.previousPeriod ? [line('对比上期 Compared with', r.previousPeriod.from, r.previousPeriod.to)] : []),
    line('生成时间 Generated at', r.generatedAt),
    ...(r.provisional ? [line('暂定：该年度节假日安排未载入 Provisional: the year’s holiday notice is not loaded')] : []),
    '',
    line('受理 Opened', '已决定 Decided', '已放款 Disbursed', '超时案件 Breached cases'),
    line(r.activity.opened, r.activity.decided, r.activity.disbursed, r.activity.breached),
    '',
    ...rankingLines('按街道排名 Ranking by street', r.board.byStreet, r.board, compare),
    '',
    ...rankingLines('按银行排名 Ranking by bank', r.board.byBank, r.board, compare),
    '',
    line('风险及超时案件 Cases at risk or breached'),
    line('案件 Case', '企业 Firm', '街道 Street', '银行 Bank', '阶段 Stage', '时限状态 SLA state', '承诺期限 Due', '责任人 Owners'),
    ...r.atRisk.map((c) =>
      line(c.caseId, c.firmName, c.street.nameZh, c.bank.nameZh, c.stage, c.slaState, c.dueAt, c.owners.map((o) => `${o.assignee} (${o.subject})`).join('; ')),
    ),
    '',
    line('联合会诊批次进度 Joint consultation batches'),
    line('批次 Batch', '银行 Bank', '企业数 Firms', '会诊在办 Consultations open', '方案采纳 Plans accepted', '方案未采纳 Plans declined', '按时答复 Answered in time', '新案件 Cases opened', '已放款 Disbursed', '放款金额（元）Disbursed (CNY)', '放款中位工作日 Median working days to money'),
    ...r.batches.map((b) =>
      line(b.batchId, b.bankCode, b.firms, b.consultation.open, b.consultation.accepted, b.consultation.declined, b.consultation.answeredInTime, b.cases.opened, b.cases.disbursed, b.cases.disbursedAmount, b.cases.medianWorkingDaysToMoney),
    ),
    ...(r.funnel ? ['', line('摸排漏斗（按街道） Survey funnel by street'), ...surveyFunnelLines(r.funnel.byStreet, r.funnel.overall)] : []),
  ]);
}

/** What a list of reports shows of each period: its activity and its two rates. */
export interface PeriodLine {
  id: string;
  period: ReportPeriod;
  provisional: boolean;
  activity: PeriodActivity;
  decidedInTimeRate: number | null;
  promiseKeptRate: number | null;
}

/** The periods of a list of reports as a sheet, one line each, in the list's order. */
export function cadencePeriodsCsv(items: readonly PeriodLine[]): string {
  return csvDocument([
    line('报告 Report', '起 From', '止 To', '受理 Opened', '已决定 Decided', '已放款 Disbursed', '超时案件 Breached cases', bilingual(PROMISE.decidedInTimeRate), bilingual(PROMISE.promiseKeptRate), '暂定 Provisional'),
    ...items.map((r) =>
      line(r.id, r.period.from, r.period.to, r.activity.opened, r.activity.decided, r.activity.disbursed, r.activity.breached, percent(r.decidedInTimeRate), percent(r.promiseKeptRate), r.provisional ? '是 yes' : ''),
    ),
  ]);
}
