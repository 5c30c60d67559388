// The survey funnel as a spreadsheet, like the SLA summary's CSV (../reports/slaCsv.ts): BOM, CRLF,
// formula-neutralised cells, headers Chinese first.
import { cell, csvDocument, percent } from '../reports/slaCsv';
import type { FunnelFigures } from './funnel';

const HEADERS = [
  '代码 Code',
  '名称 Name',
  '走访楼宇 Buildings walked',
  '走访企业 Firms visited',
  '发现需求 Needs found',
  '需求率 Need rate',
  '线索 Leads',
  '线索率 Lead rate',
  '成案 Cases opened',
  '成案率 Case rate',
  '已决定 Decided',
  '决定率 Decided rate',
  '已放款 Disbursed',
  '放款率 Disbursed rate',
  '放款金额（元） Disbursed (CNY)',
  '需求至成案中位工作日 Need to case median (working days)',
  '成案至决定中位工作日 Case to decision median (working days)',
  '决定至放款中位工作日 Decision to payment median (working days)',
  '需求至放款中位工作日 Need to payment median (working days)',
];

function row(code: string, name: string, f: FunnelFigures): string {
  const m = f.medianWorkingDays;
  return [
    code, name, f.buildingsWalked, f.firmsVisited, f.needsFound, percent(f.rates.needsFound), f.leads, percent(f.rates.leads), f.casesOpened, percent(f.rates.casesOpened),
    f.decided, percent(f.rates.decided), f.disbursed, percent(f.rates.disbursed), f.disbursedAmount,
    m.needToCase, m.caseToDecision, m.decisionToDisbursement, m.needToDisbursement,
  ]
    .map(cell)
    .join(',');
}

type NamedFigures = FunnelFigures & { code: string; nameZh: string; nameEn: string };

/** Header, one line per group, then the overall line: the funnel's table, also a section of the cadence reports' sheet. */
export function surveyFunnelLines(groups: readonly NamedFigures[], overall: FunnelFigures): string[] {
  return [HEADERS.map(cell).join(','), ...groups.map((g) => row(g.code, `${g.nameZh} ${g.nameEn}`, g)), row('ALL', '合计 Total', overall)];
}

export function surveyFunnelCsv(groups: readonly NamedFigures[], overall: FunnelFigures): string {
  return csvDocument(surveyFunnelLines(groups, overall));
}
