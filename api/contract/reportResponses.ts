// Response bodies of the cadence reports (api/routes/reports.ts), strict like the rest.
import { z } from 'zod';
import { CADENCE_KINDS } from '../../domain/cadence/decision';
import { WATCHED_STATES } from '../../domain/cadence/ranking';
import { BatchOutcomeSummary } from './consultationResponses';
import { SurveyFunnelFigures } from './surveyResponses';

const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');
const isoDate = z.iso.date().describe('Business date YYYY-MM-DD (Asia/Shanghai)');
const Named = z.strictObject({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

const Activity = z
  .strictObject({ opened: z.number().int(), decided: z.number().int(), disbursed: z.number().int(), breached: z.number().int() })
  .describe('Cases accepted, decided (approved or rejected), disbursed and with an SLA breach within the period');

const head = {
  id: z.string().describe('kind and business date, e.g. daily-2026-11-27'),
  kind: z.enum(CADENCE_KINDS),
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  businessDate: isoDate,
  period: z.strictObject({ from: isoDate, to: isoDate }),
  scheduledFor: instant.describe('When the schedule meant to run it; a caught-up run keeps its own date'),
  generatedAt: instant,
  provisional: z.boolean().describe('The period or date falls in a year without a loaded holiday notice'),
  activity: Activity,
};

const rate = z.number().min(0).max(1).nullable();

export const CadenceReportSummary = z.strictObject({
  ...head,
  decidedInTimeRate: rate.describe('Decisions (approvals and rejections) in the period made within the promise, ÷ decisions'),
  promiseKeptRate: rate.describe('Disbursements in the period made within the promise, ÷ disbursements; a rejection is never a kept promise'),
  atRiskCases: z.number().int(),
});

const cny = z.string().regex(/^\d+\.\d{2}$/).describe('CNY (元), exact to the fen');
const Outcomes = {
  opened: z.number().int().describe('Cases accepted in the period'),
  decided: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  decidedInTime: z.number().int(),
  disbursed: z.number().int(),
  disbursedInTime: z.number().int(),
  decidedInTimeRate: rate,
  promiseKeptRate: rate,
  amounts: z.strictObject({ applied: cny, granted: cny, disbursed: cny }).describe('Applied for (cases accepted in the period), granted and disbursed in the period'),
};
const OpenNow = z
  .strictObject({
    open: z.number().int(),
    bySlaState: z.strictObject(Object.fromEntries(WATCHED_STATES.map((s) => [s, z.number().int()])) as Record<(typeof WATCHED_STATES)[number], z.ZodNumber>),
    oldest: z.strictObject({ caseId: z.string(), firmName: z.string(), acceptedAt: instant, workingDaysOpen: z.number().int() }).nullable(),
  })
  .describe('Cases open when the report was generated');
const rank = z.number().int().min(1).nullable().describe('1 = best; null: nothing reached an outcome in the period');
const Previous = z.strictObject({ ...Outcomes, rank }).nullable().describe('The same group in the previous period (weekly and monthly reports)');
const Group = z.strictObject({ code: z.string(), nameZh: z.string(), nameEn: z.string(), ...Outcomes, open: OpenNow, rank, previous: Previous });

export const CadenceReport = z.strictObject({
  ...head,
  previousPeriod: z.strictObject({ from: isoDate, to: isoDate }).nullable(),
  board: z
    .strictObject({
      overall: z.strictObject({ ...Outcomes, open: OpenNow, previous: z.strictObject(Outcomes).nullable() }),
      byStreet: z.array(Group),
      byBank: z.array(Group),
    })
    .describe('Every street and bank, ranked on the decisions and payments of the period (promise kept = disbursed in time), with what is open now'),
  atRisk: z.array(
    z.strictObject({
      caseId: z.string(),
      firmName: z.string(),
      street: Named,
      bank: Named,
      stage: z.string(),
      slaState: z.enum(['AT_RISK', 'BREACHED']),
      dueAt: instant.nullable(),
      owners: z.array(z.strictObject({ subject: z.string(), assignee: z.string(), slaState: z.string(), dueAt: instant.nullable() })),
    }),
  ),
  batches: z.array(z.strictObject({ batchId: z.string(), bankCode: z.string(), openedAt: instant, ...BatchOutcomeSummary.shape })).describe('Joint consultation batches in progress or active in the period'),
  funnel: z
    .strictObject({ overall: SurveyFunnelFigures, byStreet: z.array(SurveyFunnelFigures.extend(Named.shape)) })
    .nullable()
    .describe('摸排漏斗: the survey funnel of the visits made in the period (as GET /survey/funnel), by street and for the district, as it stood when generated; null for reports generated before it joined them'),
});

export const REPORT_RESPONSE_SCHEMAS = {
  CadenceReportSummary,
  CadenceReportList: z.strictObject({ items: z.array(CadenceReportSummary) }),
  CadenceReportListCsv: z.string().describe('UTF-8 CSV with BOM: one line per listed report, its period, activity and rates'),
  CadenceReport,
  CadenceReportCsv: z.string().describe('UTF-8 CSV with BOM: header, activity, rankings by street and by bank with amounts and the previous period, cases at risk, consultation batches, the survey funnel by street'),
};
