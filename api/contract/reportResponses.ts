// Response bodies of the cadence reports (api/routes/reports.ts), strict like the rest.
import { z } from 'zod';
import { CADENCE_KINDS } from '../../domain/cadence/decision';
import { SlaFigures } from './responses';

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

export const CadenceReportSummary = z.strictObject({
  ...head,
  onTimeRate: z.number().nullable(),
  atRiskCases: z.number().int(),
});

const Ranked = z.strictObject({ ...SlaFigures, code: z.string(), nameZh: z.string(), nameEn: z.string(), rank: z.number().int().min(1) });

export const CadenceReport = z.strictObject({
  ...head,
  sla: z
    .strictObject({ overall: z.strictObject(SlaFigures), byStreet: z.array(Ranked), byBank: z.array(Ranked) })
    .describe('The SLA summary of the cases accepted in the period, ranked by on-time rate'),
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
});

export const REPORT_RESPONSE_SCHEMAS = {
  CadenceReportSummary,
  CadenceReportList: z.strictObject({ items: z.array(CadenceReportSummary) }),
  CadenceReport,
  CadenceReportCsv: z.string().describe('UTF-8 CSV with BOM: header, activity, rankings by street and by bank, cases at risk'),
};
