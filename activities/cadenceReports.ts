// Computes a cadence report from the case projection and the visits (the survey funnel) and stores
// it under its stable id, so it reads the same later.
import { previousPeriod, type ReportPeriod, type CadenceKind } from '../domain/cadence/decision';
import { buildBoard } from '../domain/cadence/ranking';
import { shanghaiDate } from '../domain/calendar/timeZone';
import { CASE_ENDED_STAGES } from '../domain/stages';
import { reportTitle, type AtRiskCase, type AtRiskOwner, type BatchProgressLine, type CadenceReportContent, type PeriodActivity } from '../domain/cadence/report';
import { Context } from '@temporalio/activity';
import { writeAudit } from '../infra/audit';
import type { Database } from '../infra/database';
import { queryBatchOutcomes } from '../readModels/batchOutcomes';
import { currentFacts, periodFacts } from '../readModels/cadenceBoard';
import { calendarOf, rangeInstants } from '../readModels/slaSummaryQuery';
import { querySurveyFunnel } from '../readModels/surveyFunnelQuery';
import type { Prisma } from '../prisma/generated/client';

export interface GenerateCadenceReportInput {
  reportId: string;
  kind: CadenceKind;
  businessDate: string;
  period: ReportPeriod;
  /** ISO instant the schedule meant to run at. */
  scheduledFor: string;
  provisional: boolean;
  /** Who ran it by hand: its publication is then on the audit trail. */
  requestedBy?: string;
}

const DECISION_EVENTS = ['APPROVED', 'REJECTED'];
/** A district has far fewer open cases at risk; the list is capped so a report stays readable. */
const MAX_AT_RISK = 500;

async function periodActivity(db: Database, period: ReportPeriod): Promise<PeriodActivity> {
  const at = rangeInstants(period);
  const casesWith = async (types: string[]) =>
    (await db.caseEvent.groupBy({ by: ['caseNo'], where: { type: { in: types }, at } })).length;
  const [opened, decided, disbursed, breached] = await Promise.all([
    db.loanCase.count({ where: { acceptedAt: at } }),
    casesWith(DECISION_EVENTS),
    casesWith(['DISBURSED']),
    casesWith(['SLA_BREACHED']),
  ]);
  return { opened, decided, disbursed, breached };
}

const ownerData = (data: Prisma.JsonValue): { subject?: string; assignee?: string } =>
  data && typeof data === 'object' && !Array.isArray(data) ? (data as { subject?: string; assignee?: string }) : {};

/** Open cases AT_RISK or BREACHED, breached first, then by due; owners are the open tasks' assignees. */
async function casesAtRisk(db: Database): Promise<AtRiskCase[]> {
  const rows = await db.loanCase.findMany({
    where: { slaState: { in: ['AT_RISK', 'BREACHED'] }, stage: { notIn: [...CASE_ENDED_STAGES] } },
    orderBy: [{ slaState: 'desc' }, { dueAt: 'asc' }, { caseNo: 'asc' }],
    take: MAX_AT_RISK,
    select: {
      caseNo: true,
      firmName: true,
      stage: true,
      slaState: true,
      dueAt: true,
      street: { select: { code: true, nameZh: true, nameEn: true } },
      bank: { select: { code: true, nameZh: true, nameEn: true } },
      tasks: { where: { status: { not: 'DONE' } }, orderBy: { dueAt: 'asc' }, select: { kind: true, assignee: true, slaState: true, dueAt: true } },
      // Past the branches (credit decision, contracting) the promise's holder is named by its last SLA event.
      events: { where: { type: { in: ['SLA_AT_RISK', 'SLA_BREACHED'] } }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1, select: { type: true, data: true } },
    },
  });
  return rows.map((c) => {
    const owners: AtRiskOwner[] = c.tasks.map((t) => ({ subject: t.kind, assignee: t.assignee, slaState: t.slaState, dueAt: t.dueAt.toISOString() }));
    const last = c.events[0];
    if (owners.length === 0 && last) {
      const d = ownerData(last.data);
      owners.push({ subject: d.subject ?? 'PROMISE', assignee: d.assignee ?? '', slaState: last.type === 'SLA_BREACHED' ? 'BREACHED' : 'AT_RISK', dueAt: c.dueAt?.toISOString() ?? null });
    }
    return {
      caseId: c.caseNo,
      firmName: c.firmName,
      street: c.street,
      bank: c.bank,
      stage: c.stage,
      slaState: c.slaState as AtRiskCase['slaState'],
      dueAt: c.dueAt?.toISOString() ?? null,
      owners,
    };
  });
}

/**
 * The batches still in progress (a consultation or its case open), and those with an answer, a
 * decision or a payment in the period; without their member lists.
 */
async function batchProgress(db: Database, period: ReportPeriod, calendar: Awaited<ReturnType<typeof calendarOf>>): Promise<BatchProgressLine[]> {
  const at = rangeInstants(period);
  const inPeriod = (iso: string | null) => iso !== null && new Date(iso) >= at.gte && new Date(iso) < at.lt;
  const batches = await queryBatchOutcomes(db, { openedAt: { lt: at.lt } }, calendar);
  return batches
    .filter((b) => b.consultation.open + b.cases.open > 0 || b.members.some((m) => inPeriod(m.answeredAt) || inPeriod(m.decidedAt) || inPeriod(m.disbursedAt)))
    .map(({ members: _members, ...b }) => b);
}

export function cadenceReportActivities(db: Database) {
  return {
    /** Computes the report for the period and stores it; running it again replaces it (same id). */
    async generateCadenceReport(input: GenerateCadenceReportInput): Promise<{ reportId: string; atRisk: number; opened: number }> {
      const range = input.period;
      const before = previousPeriod(input.kind, range);
      const calendar = await calendarOf(db);
      const [activity, current, now, previous, atRisk, batches, funnel] = await Promise.all([
        periodActivity(db, range),
        periodFacts(db, range),
        currentFacts(db),
        before ? periodFacts(db, before) : undefined,
        casesAtRisk(db),
        batchProgress(db, range, calendar),
        // The whole district's visits, the same figures GET /survey/funnel gives the task force.
        querySurveyFunnel(db, { visits: {} }, { ...range, groupBy: 'street' }),
      ]);
      const generatedAt = new Date();
      // The cases open now have been open for the working days up to now (start day not counted):
      // a report caught up for an earlier date lists today's open cases, some accepted after its date.
      const workingDaysOpen = (acceptedAt: Date) => calendar.workingDaysBetween(shanghaiDate(acceptedAt), shanghaiDate(generatedAt));
      const content: CadenceReportContent = {
        id: input.reportId,
        kind: input.kind,
        title: reportTitle(input.kind),
        businessDate: input.businessDate,
        period: range,
        previousPeriod: before,
        scheduledFor: input.scheduledFor,
        generatedAt: generatedAt.toISOString(),
        provisional: input.provisional,
        activity,
        board: buildBoard({ ...current, ...now, workingDaysOpen }, previous),
        atRisk,
        batches,
        funnel: { overall: funnel.overall, byStreet: funnel.groups },
      };
      const row = {
        kind: input.kind,
        businessDate: input.businessDate,
        periodFrom: range.from,
        periodTo: range.to,
        scheduledFor: new Date(input.scheduledFor),
        generatedAt,
        provisional: input.provisional,
        content: content as unknown as Prisma.InputJsonValue,
      };
      await db.$transaction(async (tx) => {
        await tx.cadenceReport.upsert({ where: { id: input.reportId }, create: { id: input.reportId, ...row }, update: row });
        if (!input.requestedBy) return;
        const subject = `report:${input.reportId}`;
        // Keyed by the run: a retried attempt writes no second row, a later run by hand its own.
        const runId = Context.current().info.workflowExecution?.runId;
        const after = { kind: input.kind, businessDate: input.businessDate, period: range, provisional: input.provisional };
        await writeAudit(tx, { actor: input.requestedBy, action: 'REPORT_PUBLISHED', subject, after, key: `${subject}:${runId}` });
      });
      return { reportId: input.reportId, atRisk: atRisk.length, opened: activity.opened };
    },
  };
}
