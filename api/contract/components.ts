// The document's vocabulary: every named schema under components.schemas (responses read as
// output, request bodies as input) and the responses many routes share. Route declarations
// (api/routes) build their responses from these; the schemas come from api/schemas and the
// response files here, never from a route.
import { z } from 'zod';
import {
  BankBody,
  BankImportBody,
  BranchBody,
  BuildingBody,
  CommunityBody,
  CreateCaseBody,
  DecisionBody,
  DevSignInBody,
  DisbursementResolutionBody,
  EVIDENCE,
  FirmApplyBody,
  FirmContractConfirmationBody,
  FirmMaterialsBody,
  MaterialsCompleteBody,
  MaterialsRequestBody,
  NoticeBody,
  NoticeTextBody,
  PlanBody,
  PreparedApplicationBody,
  ReReviewBody,
  ReasonBody,
  ReasonsBody,
  ReassignBody,
  ReportRunBody,
  ResumeBody,
  SciTechDecisionBody,
  MatchingEventBody,
  MatchingOutcomeBody,
  MatchingRegistrationBody,
  ScreeningImportBody,
  StartBatchBody,
  StaffGroupsBody,
  StartConsultationBody,
  SurveyFirmBody,
  TeamBody,
  VisitBody,
  WithdrawConsultationBody,
  LeadContactBody,
  LeadConvertBody,
  LeadCloseBody,
  LeadReassignBody,
} from '../schemas';
import { CONSULTATION_RESPONSE_SCHEMAS } from './consultationResponses';
import { FIRM_CASE_RESPONSE_SCHEMAS } from './firmCaseResponses';
import { MATCHING_EVENT_RESPONSE_SCHEMAS } from './matchingEventResponses';
import { LEAD_RESPONSE_SCHEMAS } from './leadResponses';
import { NOTIFICATION_RESPONSE_SCHEMAS } from './notificationResponses';
import { REPORT_RESPONSE_SCHEMAS } from './reportResponses';
import { Bank, Branch, DevSignInResult, RESPONSE_SCHEMAS, SignInOptionsView } from './responses';
import { SURVEY_RESPONSE_SCHEMAS } from './surveyResponses';
import type { Named, ResponseSpec } from './spec';

const named = <S extends Record<string, z.ZodType>>(schemas: S) =>
  Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, { name, schema }])) as { [K in keyof S]: Named<S[K]> };

/** Response bodies (read as output), by component name. */
export const R = named({
  ...RESPONSE_SCHEMAS,
  ...REPORT_RESPONSE_SCHEMAS,
  ...CONSULTATION_RESPONSE_SCHEMAS,
  ...NOTIFICATION_RESPONSE_SCHEMAS,
  ...FIRM_CASE_RESPONSE_SCHEMAS,
  ...SURVEY_RESPONSE_SCHEMAS,
  ...MATCHING_EVENT_RESPONSE_SCHEMAS,
  ...LEAD_RESPONSE_SCHEMAS,
  BankView: Bank,
  BranchView: Branch,
  SlaSummaryCsv: z.string().describe('UTF-8 CSV with a header row: one line per group, then the overall line'),
  SlaTrendCsv: z.string().describe('UTF-8 CSV with a header row: one line per group and bucket, then the overall lines'),
  OpenApiDocument: z.looseObject({ openapi: z.literal('3.1.0') }).describe('This document'),
  DocsPage: z.string().describe('HTML'),
  PrometheusText: z.string().describe('Prometheus text exposition format'),
  SignInOptions: SignInOptionsView,
  DevSignInResult,
});

/** Request bodies (read as input), by component name: the very schemas the routes parse with. */
export const B = named({
  CreateCaseBody,
  GridSubmissionEvidence: EVIDENCE.GRID_SUBMISSION,
  VipChannelEvidence: EVIDENCE.BANK_VIP_CHANNEL,
  DueDiligenceEvidence: EVIDENCE.DUE_DILIGENCE,
  ReasonBody,
  ReassignBody,
  ResumeBody,
  FirmContractConfirmationBody,
  FirmMaterialsBody,
  FirmApplyBody,
  PreparedApplicationBody,
  DisbursementResolutionBody,
  DecisionBody,
  SciTechDecisionBody,
  CaseDecisionBody: z.union([DecisionBody, SciTechDecisionBody]).describe('DecisionBody on a fast-track case, SciTechDecisionBody (its manual terms and rejection reasons) on a sci-tech case'),
  CalendarNoticeBody: NoticeBody,
  CalendarNoticeTextBody: NoticeTextBody,
  CalendarYearBody: z.union([NoticeBody, NoticeTextBody]).describe('CalendarNoticeBody (the arrangement as JSON) or CalendarNoticeTextBody (the notice as published, read by the same parser as the preview; refused while a festival sentence is unread)'),
  ReportRunBody,
  DevSignInBody,
  StartConsultationBody,
  StartConsultationBatchBody: StartBatchBody,
  ConsultationReasonsBody: ReasonsBody,
  ConsultationPlanBody: PlanBody,
  MaterialsRequestBody,
  MaterialsCompleteBody,
  ReReviewBody,
  WithdrawConsultationBody,
  StaffGroupsBody,
  BankBody,
  BankImportBody,
  BranchBody,
  CommunityBody,
  BuildingBody,
  TeamBody,
  SurveyFirmBody,
  VisitBody,
  ScreeningImportBody,
  MatchingEventBody,
  MatchingRegistrationBody,
  MatchingOutcomeBody,
  LeadContactBody,
  LeadConvertBody,
  LeadCloseBody,
  LeadReassignBody,
});

// ---- Responses shared by many routes -------------------------------------------------------

export const ok = (description: string, body: Named): ResponseSpec => ({ description, content: { 'application/json': body } });
export const problem = (description: string): ResponseSpec => ({ description, content: { 'application/problem+json': R.ProblemDetails } });

export const P = {
  400: problem('The body is not valid JSON (…:malformed-json), or a path segment is not valid percent-encoding (…:bad-request)'),
  badPath: problem('A path segment is not valid percent-encoding (…:bad-request)'),
  401: problem('No valid bearer token (…:unauthenticated)'),
  403: problem('The role may not use this route, or acts outside its street (…:forbidden)'),
  404: problem('No such resource, or outside the caller’s scope: existence does not leak (…:not-found)'),
  409: problem('The case refused the action or has ended (…:update-rejected, …:case-closed), or the action does not exist for the case’s product (…:not-for-product)'),
  413: problem('The body is larger than 64 kB (…:body-too-large)'),
  415: problem('The body is not application/json (…:unsupported-media-type)'),
  422: problem('Validation failed; `errors` names each failing field (…:validation)'),
  429: {
    ...problem('Too many requests for this token (…:rate-limited)'),
    headers: { 'Retry-After': { description: 'Seconds until the window resets', required: true, schema: z.string().regex(/^\d+$/) } },
  },
  503: problem('A dependency is unreachable'),
  auditUnavailable: {
    ...problem('The read of firm data could not be written to the audit trail, so nothing is served (…:audit-unavailable)'),
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying', required: true, schema: z.string().regex(/^\d+$/) } },
  },
  notAnswering: {
    ...problem('The workflow did not answer within 45 s, e.g. while no worker runs, or Temporal could not be reached or was overloaded (…:not-answering); the action may still take effect: `detail` says how to learn its outcome'),
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying', required: true, schema: z.string().regex(/^\d+$/) } },
  },
};
/** Every route under /api/v1 except the public ones authenticates and is rate limited. */
export const authed = { 401: P[401], 429: P[429] };
/** …and one with a JSON body can also be unreadable, too large, not JSON or invalid. */
export const withBody = { ...authed, 400: P[400], 413: P[413], 415: P[415], 422: P[422] };
/** Naming a firm by its credit code: a failing check character (an early pilot code) must be confirmed. */
export const firmCodeWithBody = {
  ...withBody,
  422: problem('Validation failed (…:validation), or the credit code fails its check character and is not confirmed (…:credit-code-confirmation-required)'),
};
/**
 * Creating a record under an optional Idempotency-Key (api/services/requestKeys.ts): 201 when
 * created, 200 when the key answered before, 422 when the key named another body, 409 while a
 * repeat is still recording it.
 */
export const keyedCreate = (view: Named, done: string, noun: string, inProgress: string) => ({
  201: ok(done, view),
  200: ok(`${done} before under this Idempotency-Key`, view),
  ...withBody,
  422: problem(`Validation failed (…:validation), or the Idempotency-Key ${done.toLowerCase()} another ${noun} (…:idempotency-key-reused)`),
  409: problem(`A repeat of the request under the same key is recording it now (…:${inProgress})`),
});
/** A person's action under an Idempotency-Key (an update of a case or consultation workflow). */
export const actionWithBody = {
  ...withBody,
  422: problem('Validation failed; `errors` names each failing field (…:validation). Or you sent this action with the same Idempotency-Key before, with another body (…:idempotency-key-reused)'),
};
