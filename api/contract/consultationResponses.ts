// Response bodies of the joint consultation routes (strict, like responses.ts).
import { z } from 'zod';
import { LINKED_PRODUCTS, PLAN_KINDS } from '../../domain/consultation/plan';
import { CONSULTATION_STAGES } from '../../domain/stages';
import { CONSULTATION_REASONS } from '../../domain/consultation/reasons';
import { SLA_STATES } from '../../domain/slaState';
import { answerSource } from './responses';

const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');
const ConsultationStage = z.enum(CONSULTATION_STAGES);
const SlaState = z.enum(SLA_STATES);
const Reason = z.strictObject({ code: z.enum(CONSULTATION_REASONS), note: z.string().optional() });
const Event = z.strictObject({ type: z.string(), actor: z.string(), at: instant, data: z.unknown() });

const Plan = z.strictObject({
  kind: z.enum(PLAN_KINDS),
  product: z.enum(LINKED_PRODUCTS),
  bankCode: z.string(),
  amountFen: z.number().int(),
  guarantee: z.strictObject({ guarantor: z.string(), coverFen: z.number().int() }).optional(),
  sciTech: z
    .strictObject({
      patents: z.array(z.strictObject({ patentNo: z.string(), type: z.string(), remainingYears: z.number().int() })),
      rdSpendFen: z.number().int(),
      revenueFen: z.array(z.number().int()),
      yearsInOperation: z.number().int(),
      existingDebtFen: z.number().int(),
      requestedFen: z.number().int(),
    })
    .optional(),
  note: z.string().optional(),
  by: z.string(),
  at: instant,
});

export const ConsultationView = z.strictObject({
  id: z.string(),
  workflowId: z.string(),
  batchId: z.string().nullable(),
  fromCaseNo: z.string().nullable(),
  fromLead: z.string().nullable().describe('The lead (线索) of a refused firm that opened it; the lead names the consultation back'),
  firm: z.strictObject({ name: z.string(), creditCode: z.string(), street: z.string() }),
  refused: z.strictObject({ product: z.string(), bank: z.string(), amountFen: z.number().int() }),
  stage: ConsultationStage,
  slaState: SlaState,
  openedAt: instant,
  dueAt: instant.nullable().describe('Five working days after opening, extended by the working time spent waiting on materials'),
  reasons: z.array(Reason),
  plan: Plan.nullable(),
  materials: z.array(
    z.strictObject({
      missing: z.array(z.string()),
      reason: z.string(),
      by: z.string(),
      since: instant,
      until: instant.optional(),
      pausedWorkingDays: z.number().int().optional(),
      pausedWorkingMs: z.number().optional(),
      escalatesAt: instant.optional().describe('When the wait, still standing, escalates to the coordination group (10 working days after its own day)'),
      escalatedAt: instant.optional().describe('When it did'),
    }),
  ),
  reReview: z.strictObject({ outcome: z.enum(['ACCEPTED', 'DECLINED']), by: z.string(), at: instant, note: z.string().optional() }).nullable(),
  linkedCase: z.strictObject({ caseNo: z.string(), url: z.string() }).nullable().describe('The case an accepted plan opened; it names this consultation in its acceptance event'),
  breaches: z.array(z.strictObject({ dueAt: instant, breachedAt: instant, stage: ConsultationStage })),
  withdrawal: z.strictObject({ reason: z.string(), by: z.string(), at: instant }).nullable(),
  ...answerSource,
  temporalUi: z.string(),
  events: z.array(Event),
});

export const ConsultationSummary = z.strictObject({
  id: z.string(),
  batchId: z.string().nullable(),
  fromCaseNo: z.string().nullable(),
  firm: z.strictObject({ name: z.string(), creditCode: z.string(), street: z.string() }),
  refused: z.strictObject({ bank: z.string(), amountFen: z.number().int() }),
  planBank: z.string().nullable(),
  stage: ConsultationStage,
  slaState: SlaState,
  openedAt: instant,
  dueAt: instant.nullable(),
  whoseMove: z.enum(['TASK_FORCE', 'TASK_FORCE_OR_BANK', 'FIRM', 'BANK']).nullable().describe('Whose move it is: the task force, the task force or a bank (a plan), the firm (materials; the clock stands still), the plan’s bank (re-review); null once closed'),
  linkedCaseNo: z.string().nullable().describe('The case an accepted plan opened'),
});

export const ConsultationList = z.strictObject({ items: z.array(ConsultationSummary) });

export const ConsultationBatchStarted = z.strictObject({
  id: z.string(),
  workflowId: z.string(),
  bank: z.string(),
  firms: z.number().int(),
  temporalUi: z.string(),
});

const Member = z.strictObject({
  consultationId: z.string(),
  firmName: z.string(),
  creditCode: z.string(),
  stage: ConsultationStage,
  slaState: z.string(),
  linkedCaseNo: z.string().optional(),
  linkedProduct: z.string().optional(),
});

export const ConsultationBatchProgress = z.strictObject({
  batchId: z.string(),
  bankCode: z.string(),
  total: z.number().int(),
  firmCount: z.number().int(),
  openedAt: instant,
  byStage: z.strictObject(Object.fromEntries(CONSULTATION_STAGES.map((stage) => [stage, z.number().int()])) as Record<(typeof CONSULTATION_STAGES)[number], z.ZodNumber>),
  open: z.number().int(),
  accepted: z.array(z.strictObject({ consultationId: z.string(), firmName: z.string(), caseNo: z.string(), product: z.string() })),
  breached: z.array(z.strictObject({ consultationId: z.string(), firmName: z.string(), stage: ConsultationStage })),
  members: z.array(Member),
  temporalUi: z.string(),
});

const cny = z.string().regex(/^\d+\.\d{2}$/).describe('CNY (元), exact to the fen');
const workingDays = z.number().min(0).nullable().describe('Working days (fractional) from the consultation’s opening');

/** Both clocks of a batch: the consultations' own five working days, and the cases their accepted plans opened. */
export const BatchOutcomeSummary = z.strictObject({
  firms: z.number().int(),
  consultation: z.strictObject({
    open: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    withdrawn: z.number().int(),
    answeredInTime: z.number().int().describe('Plans accepted or declined within the consultation’s five working days'),
    medianWorkingDaysToAnswer: workingDays,
  }),
  cases: z.strictObject({
    opened: z.number().int(),
    open: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
    disbursed: z.number().int().describe('Firms that got the money'),
    disbursedAmount: cny,
    medianWorkingDaysToMoney: workingDays,
    slowestWorkingDaysToMoney: workingDays,
  }),
});

export const ConsultationBatchReport = z.strictObject({
  batchId: z.string(),
  bankCode: z.string(),
  openedAt: instant,
  ...BatchOutcomeSummary.shape,
  members: z.array(
    z.strictObject({
      consultationId: z.string(),
      firmName: z.string(),
      stage: ConsultationStage,
      answeredAt: instant.nullable(),
      answeredInTime: z.boolean().nullable(),
      caseNo: z.string().nullable(),
      caseStage: z.string().nullable(),
      decision: z.enum(['APPROVED', 'REJECTED']).nullable(),
      decidedAt: instant.nullable(),
      disbursedAt: instant.nullable(),
      disbursedAmount: cny.nullable(),
      workingDaysToMoney: workingDays,
    }),
  ),
});

export const CONSULTATION_RESPONSE_SCHEMAS = { ConsultationView, ConsultationList, ConsultationBatchStarted, ConsultationBatchProgress, ConsultationBatchReport } as const;
