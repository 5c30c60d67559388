// Response bodies as zod schemas: the OpenAPI document is generated from them and the
// integration tests check every JSON response against them. Objects are strict, so a field
// the API starts sending without documenting it fails the tests instead of drifting.
import { z } from 'zod';
import { REJECTION_REASONS, TASK_KINDS } from '../../domain/fastTrack/policy';
import { TREND_BUCKETS } from '../../domain/reports/onTimeTrend';
import { STAGE_METRICS } from '../../domain/reports/slaSummary';
import { PATENT_TYPES, REJECTION_REASONS as SCI_TECH_REJECTION_REASONS } from '../../domain/sciTech/policy';
import { SLA_STATES } from '../../domain/slaState';
import { FAST_TRACK_STAGES, SCI_TECH_STAGES } from '../../domain/stages';
import { ROLES } from '../../domain/people';

const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');
const isoDate = z.iso.date().describe('Business date YYYY-MM-DD (Asia/Shanghai)');
const TaskKind = z.enum(TASK_KINDS);
export const Stage = z.enum(FAST_TRACK_STAGES);
export const SlaState = z.enum(SLA_STATES);
export const SciTechStage = z.enum(SCI_TECH_STAGES);
/** Any product's stage, where lists mix products. */
const AnyStage = z.union([Stage, SciTechStage]);

// ---- Problems and operations ---------------------------------------------------------------

/** RFC 9457 problem details; `type` is a stable URN clients may switch on. */
export const ProblemDetails = z
  .strictObject({
    type: z.string().regex(/^urn:greenlane:problem:[a-z0-9-]+$/),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    /** For validation problems: each failing field (dotted path, or a header name). */
    errors: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
  })
  .describe('application/problem+json (RFC 9457)');

export const Health = z.strictObject({ status: z.literal('ok') });
export const Readiness = z.strictObject({ status: z.literal('ok'), database: z.literal('ok'), temporal: z.literal('ok') });

// ---- Reference data ------------------------------------------------------------------------

const Named = { code: z.string(), nameZh: z.string(), nameEn: z.string() };
export const Street = z.strictObject(Named);
/** Retired reference data stays for what names it; nothing new may name it. */
const retiredAt = instant.nullable().describe('When it was retired; null while in use');
export const Branch = z.strictObject({
  ...Named,
  bankCode: z.string(),
  /** The street the branch sits in. */
  streetCode: z.string().nullable(),
  /** Streets its customer managers are stationed at: the bank sees their visit lists. */
  stations: z.array(z.string()),
  retiredAt,
});
export const Bank = z.strictObject({ ...Named, retiredAt, branches: z.array(Branch) });
export const StreetList = z.strictObject({ items: z.array(Street) });
export const BankList = z.strictObject({ items: z.array(Bank) });

// ---- Cases ---------------------------------------------------------------------------------

const Event = z.strictObject({ type: z.string(), actor: z.string(), at: instant, data: z.unknown() });

/** A branch of the parallel review. */
const Task = z.strictObject({
  kind: TaskKind,
  assignee: z.string(),
  dueAt: instant,
  /** Absent on a branch recorded before the record kept it. */
  atRiskAt: instant.optional(),
  status: z.enum(['OPEN', 'COMPLETING', 'DONE']),
  slaState: z.enum(['ON_TRACK', 'AT_RISK', 'BREACHED']),
  evidence: z.record(z.string(), z.unknown()).nullable().optional(),
  completedAt: instant.optional(),
  completedBy: z.string().optional(),
});

const Breach = z.strictObject({
  subject: z.union([TaskKind, z.literal('PROMISE')]),
  assignee: z.string(),
  stage: Stage,
  dueAt: instant,
  breachedAt: instant,
  lateWorkingMs: z.number().nullable(),
});

const Pause = z.strictObject({
  kind: TaskKind,
  reason: z.string(),
  by: z.string(),
  since: instant,
  until: instant.optional(),
  pausedWorkingDays: z.number().int().optional().describe('working days the pause lasted: its own day not counted, the resumption day counted, rest days skipped'),
  pausedWorkingMs: z.number().optional().describe('pauses resumed before the working-day rule: working time the clock stood still'),
  escalatesAt: instant.optional().describe('still paused at this instant (24:00 of the pause limit\'s last working day), the pause escalates to the task force'),
  escalatedAt: instant.optional(),
});

/** The pause standing now: the case reads PAUSED. */
const Paused = z
  .strictObject({ since: instant, by: z.string(), reason: z.string() })
  .nullable()
  .describe('while the clock waits for the firm: since when, by whom, why; null when it runs');
const PausedWorkingDays = z.number().int().describe('working days the finished pauses lasted; the promise moved on by them');

const Decision = z.strictObject({
  outcome: z.enum(['APPROVED', 'REJECTED']),
  by: z.string(),
  at: instant,
  amountFen: z.number().int().optional(),
  rateBp: z.number().int().optional(),
  termMonths: z.number().int().optional(),
  reasons: z.array(z.strictObject({ code: z.enum(REJECTION_REASONS), note: z.string().optional() })).optional(),
});

const amountText = z.string().describe('CNY with two decimals, e.g. "5140000.00"');

/** Which one answered a case's or a consultation's view, and whether it is as it stands now. */
export const answerSource = {
  live: z
    .boolean()
    .describe('true: as its workflow stands now (the workflow answered, or the record did while the workflow had nothing in flight); false: the record as last written, the workflow could not be reached (gone past retention, Temporal or no worker answering)'),
  answeredBy: z.enum(['RECORD', 'WORKFLOW']).describe('RECORD: PostgreSQL answered (the default); WORKFLOW: the running workflow was queried (?live=true, or the record trailed it)'),
};

/** What a case view of any product starts with. */
const caseHeader = {
  id: z.string(),
  workflowId: z.string(),
  firm: z.strictObject({ name: z.string(), creditCode: z.string() }),
  street: Street,
  bank: Street,
  amount: amountText,
  amountFen: z.number().int(),
  purpose: z.string(),
  lead: z.strictObject({ id: z.string(), url: z.string() }).nullable().describe('The lead (线索) converted into this case; it names the case back'),
};

/** The signed loan contract; `cancellation` once the bank cancelled it before paying. */
const Contract = z.strictObject({
  contractNo: z.string(),
  signedAt: instant,
  cancellation: z.strictObject({ reason: z.string(), by: z.string(), at: instant }).optional(),
});

/** The firm's confirmation of the approved terms, for a case opened with firmConfirmsContract; null for the others. */
const ContractConfirmation = z
  .strictObject({
    terms: z.strictObject({ amountFen: z.number().int(), rateBp: z.number().int(), termMonths: z.number().int() }),
    requestedAt: instant,
    dueAt: instant.describe('24:00 (Asia/Shanghai) of the last working day the firm has'),
    overdue: z.boolean().describe('Past its due unconfirmed: the street office and the bank were told'),
    confirmedAt: instant.nullable(),
    confirmedBy: z.string().nullable(),
  })
  .nullable();

/** A payment the bank reports at another amount than approved, waiting for the bank's credit approver. */
const DisbursementHold = z.strictObject({
  requestedFen: z.number().int(),
  reported: z.strictObject({ reference: z.string(), amountFen: z.number().int(), paidAt: instant }),
  since: instant,
  assignee: z.strictObject({ role: z.literal('credit_approver'), bank: z.string() }),
});

/** A fast-track case. */
export const FastTrackCaseView = z.strictObject({
  ...caseHeader,
  product: z.string(),
  stage: Stage,
  slaState: SlaState,
  acceptedAt: instant,
  dueAt: instant.nullable(),
  /** Null only on a case recorded before the record kept it, whose workflow could not be asked. */
  dueProvisional: z.boolean().nullable(),
  dueExplanation: z.array(z.string()),
  ...answerSource,
  tasks: z.array(Task),
  breaches: z.array(Breach),
  pauses: z.array(Pause),
  paused: Paused,
  pausedWorkingDays: PausedWorkingDays,
  decision: Decision.nullable(),
  contractConfirmation: ContractConfirmation,
  contract: Contract.nullable(),
  disbursementHold: DisbursementHold.nullable(),
  disbursement: z.strictObject({ reference: z.string(), amountFen: z.number().int(), at: instant }).nullable(),
  withdrawal: z.strictObject({ reason: z.string(), by: z.string(), at: instant }).nullable(),
  temporalUi: z.string(),
  events: z.array(Event),
});

// ---- Sci-tech credit cases (善科贷) -----------------------------------------------------------

const ScoringFactor = z.strictObject({
  code: z.enum(['PATENT_PORTFOLIO', 'IP_COVERAGE', 'RD_INTENSITY', 'REVENUE_TREND', 'YEARS_IN_OPERATION', 'LEVERAGE']),
  name: z.string(),
  input: z.number(),
  unit: z.enum(['points', 'bp', 'years']),
  points: z.number().int(),
  maxPoints: z.number().int(),
  note: z.string(),
});

const LimitBreakdown = z.strictObject({
  ipValueFen: z.number().int(),
  perPatent: z.array(
    z.strictObject({
      patentNo: z.string(),
      type: z.enum(PATENT_TYPES),
      valuationFen: z.number().int(),
      remainingYears: z.number().int(),
      pledgeRateBp: z.number().int().optional().describe('Pledge rate of its type, basis points; 0 when too little protection is left to pledge it'),
      lendingValueFen: z.number().int(),
    }),
  ),
  revenueCapFen: z.number().int().optional().describe('Only on cases scored before the limit came from pledged patents alone'),
  productMaxFen: z.number().int(),
  requestedFen: z.number().int(),
  recommendedFen: z.number().int(),
  bindingCap: z.enum(['IP_VALUE', 'REVENUE', 'PRODUCT_MAX', 'REQUESTED']),
});

/** The scoring model's result and everything that produced it. */
const Scoring = z.strictObject({
  score: z.number().int().min(0).max(100),
  band: z.enum(['AUTO_APPROVE', 'MANUAL_REVIEW', 'AUTO_REJECT']),
  reasons: z.array(z.strictObject({ code: z.string(), text: z.string() })),
  factors: z.array(ScoringFactor),
  limit: LimitBreakdown,
  valuations: z.array(z.strictObject({ patentNo: z.string(), type: z.enum(PATENT_TYPES), valuationFen: z.number().int(), source: z.string(), valuedAt: instant })),
});

/** A sci-tech case: one 48-hour promise, a score instead of review branches. */
export const SciTechCaseView = z.strictObject({
  ...caseHeader,
  product: z.literal('SCI_TECH'),
  stage: SciTechStage,
  slaState: SlaState,
  acceptedAt: instant,
  /** acceptedAt + 48 calendar hours. */
  dueAt: instant.nullable(),
  /** When the case turns AT_RISK. */
  atRiskAt: instant.nullable(),
  ...answerSource,
  /** What the firm submitted, as recorded at acceptance. */
  application: z
    .strictObject({
      patents: z.array(z.strictObject({ patentNo: z.string(), type: z.enum(PATENT_TYPES), remainingYears: z.number().int() })),
      rdSpendFen: z.number().int(),
      revenueFen: z.array(z.number().int()).length(3),
      yearsInOperation: z.number().int(),
      existingDebtFen: z.number().int(),
      requestedFen: z.number().int(),
    })
    .nullable(),
  /** The customer manager who guided the firm's own application, when the firm submitted one they prepared. */
  guidedBy: z.string().nullable(),
  /** Null until the patents are valued and the case scored. */
  scoring: Scoring.nullable(),
  /** Who decides a MANUAL_REVIEW case. */
  approver: z.string().nullable(),
  decision: z
    .strictObject({
      outcome: z.enum(['APPROVED', 'REJECTED']),
      /** `system:scoring` when automatic. */
      by: z.string(),
      at: instant,
      automatic: z.boolean(),
      amountFen: z.number().int().optional(),
      rateBp: z.number().int().optional(),
      termMonths: z.number().int().optional(),
      reasons: z.array(z.strictObject({ code: z.enum(SCI_TECH_REJECTION_REASONS), note: z.string().optional() })).optional(),
    })
    .nullable(),
  contractConfirmation: ContractConfirmation,
  contract: Contract.nullable(),
  disbursementHold: DisbursementHold.nullable(),
  disbursement: z.strictObject({ reference: z.string(), amountFen: z.number().int(), at: instant }).nullable(),
  withdrawal: z.strictObject({ reason: z.string(), by: z.string(), at: instant }).nullable(),
  breaches: z.array(z.strictObject({ dueAt: instant, breachedAt: instant, stage: SciTechStage })),
  temporalUi: z.string(),
  events: z.array(Event),
});

/** A case of either product; `product` tells which. */
export const CaseView = z.union([FastTrackCaseView, SciTechCaseView]);

export const CaseSummary = z.strictObject({
  id: z.string(),
  product: z.string(),
  firmName: z.string(),
  street: z.string(),
  bank: z.string(),
  amount: amountText,
  amountFen: z.number().int(),
  stage: AnyStage,
  slaState: SlaState,
  acceptedAt: instant,
  dueAt: instant.nullable(),
  paused: Paused,
  pausedWorkingDays: PausedWorkingDays,
});

export const CaseListPage = z.strictObject({
  items: z.array(CaseSummary),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

/** One piece of the caller's work: a review branch assigned to them, or their bank's credit decision or held payment. */
export const TaskListItem = z.strictObject({
  caseId: z.string(),
  product: z.string(),
  kind: z.union([TaskKind, z.literal('CREDIT_DECISION'), z.literal('DISBURSEMENT_HELD')]).describe('A branch; CREDIT_DECISION; or DISBURSEMENT_HELD, a payment the bank reported at another amount, to confirm or retry'),
  /** The branch's assignee; null for a decision or a held payment, which are the bank's. */
  assignee: z.string().nullable(),
  /** The branch's SLA state, or the case's for a decision or a held payment. */
  slaState: z.enum(['ON_TRACK', 'AT_RISK', 'BREACHED']),
  /** The branch's due, or the case's promise for a decision or a held payment. */
  dueAt: instant.nullable(),
  stage: AnyStage,
  firmName: z.string(),
  street: z.string(),
  bank: z.string(),
  amount: amountText,
  amountFen: z.number().int(),
  acceptedAt: instant,
});

export const TaskList = z.strictObject({
  items: z.array(TaskListItem),
  /** True when more work matched than `limit`; the most urgent come first. */
  truncated: z.boolean(),
});

/** `product` says how to read the event types (FAST_TRACK or SCI_TECH). */
export const CaseTimeline = z.strictObject({ id: z.string(), product: z.string(), events: z.array(Event) });

// ---- Firms ---------------------------------------------------------------------------------

export const FirmList = z.strictObject({
  items: z.array(z.strictObject({ creditCode: z.string(), name: z.string(), street: z.string(), cases: z.number().int().describe('Visible cases of the firm') })),
});

export const FirmView = z.strictObject({
  creditCode: z.string(),
  name: z.string(),
  street: z.string(),
  cases: z.array(z.strictObject({ id: z.string(), stage: AnyStage, slaState: SlaState, bank: z.string(), acceptedAt: instant })),
});

// ---- Calendar ------------------------------------------------------------------------------

const DayKind = z.enum(['WORKING', 'REST', 'HOLIDAY']);

export const CalendarDays = z.strictObject({
  from: isoDate,
  to: isoDate,
  provisional: z.boolean(),
  noticeYears: z.array(z.number().int()),
  days: z.array(
    z.strictObject({
      date: isoDate,
      kind: DayKind,
      source: z.enum(['NOTICE', 'STATUTORY_PROVISIONAL', 'SUBSTITUTE_PROVISIONAL', 'WEEKEND', 'WEEKDAY', 'MAKEUP_WORKDAY']),
      holiday: z.string().optional(),
      holidayEn: z.string().optional(),
      provisional: z.boolean(),
    }),
  ),
});

export const Deadline = z.strictObject({
  acceptedAt: instant,
  workingDays: z.number().int(),
  dueAt: instant,
  dueDate: isoDate,
  provisional: z.boolean(),
  explanation: z.strictObject({
    counted: z.array(isoDate),
    skipped: z.array(z.strictObject({ date: isoDate, reason: z.string() })),
  }),
});

const DayKindChange = z.strictObject({
  date: isoDate,
  before: DayKind,
  after: DayKind,
  beforeHoliday: z.string().optional(),
  afterHoliday: z.string().optional(),
});
const MovedCase = z.strictObject({ id: z.string(), dueBefore: instant.nullable(), dueAfter: instant.nullable() });

export const CalendarYearPreview = z.strictObject({
  year: z.number().int(),
  preview: z.literal(true),
  changes: z.array(DayKindChange),
  /** Running cases whose promise would move. */
  cases: z.array(MovedCase),
});

export const CalendarYearLoad = z.strictObject({
  year: z.number().int(),
  /** False when the same notice was already stored (a retried PUT). */
  stored: z.boolean(),
  changes: z.array(DayKindChange),
  checked: z.number().int(),
  cases: z.array(MovedCase),
  failed: z.array(z.strictObject({ id: z.string(), reason: z.string() })),
});

const RestBlock = z.strictObject({ name: z.string(), nameEn: z.string(), from: isoDate, to: isoDate });

/** POST /calendar/years/{year}/notice-text: what the text says and what loading it would move; nothing is written. */
export const CalendarNoticeTextPreview = z.strictObject({
  year: z.number().int(),
  notice: z.strictObject({ title: z.string().optional(), documentNo: z.string().optional(), publishedOn: isoDate.optional() }),
  holidays: z.array(RestBlock),
  makeupWorkdays: z.array(isoDate),
  /** Festival sentences the parser could not read, as written, and why (Chinese, English). */
  unread: z.array(z.strictObject({ text: z.string(), reason: z.string(), reasonEn: z.string() })),
  /** What else keeps the text from loading (a missing document number, overlapping blocks), by request field. */
  problems: z.array(z.strictObject({ field: z.string(), message: z.string() })),
  /** True when PUT /calendar/years/{year} would take this text. */
  loadable: z.boolean(),
  /** The rest below only when loadable: the dates that change from the calendar as stored… */
  changes: z.array(DayKindChange),
  /** …the running cases whose promise would move… */
  cases: z.array(MovedCase),
  /** …and every running case and consultation that would be told to recompute its dues. */
  running: z.array(z.strictObject({ id: z.string(), kind: z.enum(['CASE', 'CONSULTATION', 'LEAD']) })),
});

/** PUT /calendar/years/{year} answers a preview or a load, by `?preview`. */
export const CalendarYearResult = z.union([CalendarYearPreview, CalendarYearLoad]);

// ---- SLA reports ---------------------------------------------------------------------------

const rate = z.number().min(0).max(1).nullable();
export const SlaFigures = {
  opened: z.number().int(),
  decided: z.number().int().describe('cases approved or rejected'),
  approved: z.number().int(),
  rejected: z.number().int(),
  decidedInTime: z.number().int().describe('decisions (rejections included) by the promise due'),
  disbursed: z.number().int(),
  disbursedInTime: z.number().int().describe('payments by the promise due: the promise kept'),
  decidedInTimeRate: rate.describe('decidedInTime ÷ decided'),
  promiseKeptRate: rate.describe('disbursedInTime ÷ disbursed; a rejection is never a kept promise'),
  closed: z.number().int(),
  breachedCases: z.number().int(),
  breaches: z.number().int(),
  onTimeRate: rate.describe('closed without any breach ÷ closed (a prompt rejection counts here): not the promise'),
  pausedWorkingDays: z.number().int().describe('working days the cases waited for the firm (finished pauses), not counted against the promise'),
  medianWorkingDays: z.strictObject(Object.fromEntries(STAGE_METRICS.map((m) => [m, z.number().nullable()])) as Record<(typeof STAGE_METRICS)[number], z.ZodNullable<z.ZodNumber>>),
};

export const SlaSummary = z.strictObject({
  from: isoDate,
  to: isoDate,
  groupBy: z.enum(['street', 'bank']),
  overall: z.strictObject(SlaFigures),
  groups: z.array(z.strictObject({ ...SlaFigures, ...Named })),
});

const TrendPoint = z.strictObject({
  decided: SlaFigures.decided,
  decidedInTime: SlaFigures.decidedInTime,
  disbursed: SlaFigures.disbursed,
  disbursedInTime: SlaFigures.disbursedInTime,
  decidedInTimeRate: SlaFigures.decidedInTimeRate,
  promiseKeptRate: SlaFigures.promiseKeptRate,
});

export const SlaTrend = z.strictObject({
  from: isoDate,
  to: isoDate,
  groupBy: z.enum(['street', 'bank']),
  bucket: z.enum(TREND_BUCKETS),
  buckets: z
    .array(z.strictObject({ from: isoDate, to: isoDate, workingDays: z.number().int().min(0).describe('working days in the bucket on China’s calendar') }))
    .describe('Calendar weeks (Monday to Sunday) or months, the first and last cut to the range'),
  overall: z.array(TrendPoint).describe('One point per bucket: the decisions and payments dated in it, in the caller’s scope'),
  groups: z.array(z.strictObject({ ...Named, points: z.array(TrendPoint) })).describe('Streets or banks with an outcome in the range, one point per bucket'),
});

export const SlaBreachList = z.strictObject({
  from: isoDate,
  to: isoDate,
  items: z.array(
    z.strictObject({
      caseId: z.string(),
      firmName: z.string(),
      street: Street,
      bank: Street,
      /** The branch, or PROMISE (the five-working-day promise). */
      subject: z.string(),
      assignee: z.string(),
      stage: z.string(),
      dueAt: instant,
      breachedAt: instant,
      lateWorkingMs: z.number(),
      lateWorkingHours: z.number(),
      resolved: z.boolean(),
      resolvedAt: instant.nullable(),
    }),
  ),
  /** True when more breaches matched than one answer holds. */
  truncated: z.boolean(),
});

// ---- Sign-in -------------------------------------------------------------------------------

const DevUser = z.strictObject({ id: z.string(), name: z.string(), role: z.enum(ROLES), street: z.string().optional(), bank: z.string().optional(), community: z.string().optional(), team: z.string().optional(), creditCode: z.string().optional() });
export const SignInOptionsView = z.strictObject({
  /** Null unless development sign-in is on. */
  devUsers: z.array(DevUser).nullable(),
  oidc: z.strictObject({ issuer: z.string(), clientId: z.string(), scope: z.string() }).nullable(),
});
export const DevSignInResult = z.strictObject({ token: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int(), user: DevUser });

// ---- Audit trail ---------------------------------------------------------------------------

export const AuditTrailPage = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.string(),
      at: instant,
      actor: z.string(),
      action: z.string(),
      subject: z.string(),
      before: z.unknown().describe('The object before the change, when its writer knows it'),
      after: z.unknown().describe('The change, or what a read asked for (role, query, request id)'),
    }),
  ),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});

// ---- Staff directory -----------------------------------------------------------------------

export const StaffMember = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  street: z.string().nullable(),
  bank: z.string().nullable(),
  active: z.boolean(),
  groups: z.array(z.string()).describe('The task force groups notices reach this person through (domain/escalation.ts)'),
});
export const StaffList = z.strictObject({ items: z.array(StaffMember) });

/** Every named response schema, as it appears under components.schemas. */
export const RESPONSE_SCHEMAS = {
  ProblemDetails,
  Health,
  Readiness,
  StreetList,
  BankList,
  CaseView,
  FastTrackCaseView,
  SciTechCaseView,
  CaseListPage,
  CaseTimeline,
  TaskList,
  FirmList,
  FirmView,
  CalendarDays,
  Deadline,
  CalendarYearPreview,
  CalendarYearLoad,
  CalendarYearResult,
  CalendarNoticeTextPreview,
  SlaSummary,
  SlaTrend,
  SlaBreachList,
  AuditTrailPage,
  StaffMember,
  StaffList,
} as const;
