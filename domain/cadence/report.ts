// What a cadence report holds, its rankings and its spreadsheet form. The SLA figures are the
// managers' SLA summary (domain/reports/slaSummary.ts) over the cases accepted in the period;
// `activity` counts what happened in the period, whatever the case's acceptance date.
import type { IsoDate } from '../calendar/types';
import type { GroupFigures, SlaFigures } from '../reports/slaSummary';
import { SLA_CSV_HEADERS, cell, csvDocument, slaCsvRow } from '../reports/slaCsv';
import { CADENCE_TITLES, type CadenceKind, type ReportPeriod } from './decision';

export interface NamedGroup extends GroupFigures {
  nameZh: string;
  nameEn: string;
}

export interface RankedGroup extends NamedGroup {
  /** 1 = best: highest on-time rate, then more cases opened; groups without a closed case last. */
  rank: number;
}

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

export interface CadenceReportContent {
  id: string;
  kind: CadenceKind;
  title: { zh: string; en: string };
  businessDate: IsoDate;
  period: ReportPeriod;
  /** When the schedule meant to run it (a caught-up run reports the day it was due). */
  scheduledFor: string;
  generatedAt: string;
  /** The period or date falls in a year without a loaded holiday notice. */
  provisional: boolean;
  activity: PeriodActivity;
  sla: { overall: SlaFigures; byStreet: RankedGroup[]; byBank: RankedGroup[] };
  /** Open cases AT_RISK or BREACHED when the report was generated, worst first. */
  atRisk: AtRiskCase[];
}

export function rankGroups(groups: readonly NamedGroup[]): RankedGroup[] {
  const rate = (g: NamedGroup) => g.onTimeRate ?? -1;
  return [...groups]
    .sort((a, b) => rate(b) - rate(a) || b.opened - a.opened || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((g, i) => ({ ...g, rank: i + 1 }));
}

export function reportTitle(kind: CadenceKind): { zh: string; en: string } {
  return { ...CADENCE_TITLES[kind] };
}

const line = (...values: (string | number | null)[]) => values.map(cell).join(',');

function rankingLines(heading: string, groups: readonly RankedGroup[], overall: SlaFigures): string[] {
  return [
    line(heading),
    line('排名 Rank', ...SLA_CSV_HEADERS),
    ...groups.map((g) => `${cell(g.rank)},${slaCsvRow(g.code, `${g.nameZh} ${g.nameEn}`, g)}`),
    `,${slaCsvRow('ALL', '合计 Total', overall)}`,
  ];
}

/** One sheet, sections separated by a blank line; headers Chinese first, then English. */
export function cadenceReportCsv(r: CadenceReportContent): string {
  return csvDocument([
    line(`${r.title.zh} ${r.title.en}`, r.businessDate),
    line('统计区间 Period', r.period.from, r.period.to),
    line('生成时间 Generated at', r.generatedAt),
    ...(r.provisional ? [line('暂定：该年度节假日安排未载入 Provisional: the year’s holiday notice is not loaded')] : []),
    '',
    line('受理 Opened', '已决定 Decided', '已放款 Disbursed', '超时案件 Breached cases'),
    line(r.activity.opened, r.activity.decided, r.activity.disbursed, r.activity.breached),
    '',
    ...rankingLines('按街道排名 Ranking by street', r.sla.byStreet, r.sla.overall),
    '',
    ...rankingLines('按银行排名 Ranking by bank', r.sla.byBank, r.sla.overall),
    '',
    line('风险及超时案件 Cases at risk or breached'),
    line('案件 Case', '企业 Firm', '街道 Street', '银行 Bank', '阶段 Stage', '时限状态 SLA state', '承诺期限 Due', '责任人 Owners'),
    ...r.atRisk.map((c) =>
      line(c.caseId, c.firmName, c.street.nameZh, c.bank.nameZh, c.stage, c.slaState, c.dueAt, c.owners.map((o) => `${o.assignee} (${o.subject})`).join('; ')),
    ),
  ]);
}
