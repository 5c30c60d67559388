// The console talks to the public /api/v1 only, with the signed-in user's bearer token.
// Response types are the API contract's own zod schemas (api/contract/responses.ts), as types.
import type { z } from 'zod';
import type * as C from '../../api/contract/responses';
import type * as N from '../../api/contract/notificationResponses';
import type * as J from '../../api/contract/consultationResponses';
import type * as S from '../../api/contract/surveyResponses';
import type * as L from '../../api/contract/leadResponses';
import type * as M from '../../api/contract/matchingEventResponses';
import { currentToken, signOut } from './auth/session';

/** The console works fast-track cases; other products show their summary and timeline. */
export type CaseView = z.infer<typeof C.FastTrackCaseView>;
export type AnyCaseView = z.infer<typeof C.CaseView>;
export type SciTechCaseView = z.infer<typeof C.SciTechCaseView>;
export type CaseSummary = z.infer<typeof C.CaseSummary>;
export type CaseListPage = z.infer<typeof C.CaseListPage>;
export type TaskList = z.infer<typeof C.TaskList>;
export type CaseTask = CaseView['tasks'][number];
export type CaseEvent = CaseView['events'][number];
export type StreetList = z.infer<typeof C.StreetList>;
export type BankList = z.infer<typeof C.BankList>;
export type CalendarDays = z.infer<typeof C.CalendarDays>;
export type CalendarNoticeTextPreview = z.infer<typeof C.CalendarNoticeTextPreview>;
export type CalendarYearLoad = z.infer<typeof C.CalendarYearLoad>;
export type SlaSummary = z.infer<typeof C.SlaSummary>;
export type SlaBreachList = z.infer<typeof C.SlaBreachList>;
export type SlaTrend = z.infer<typeof C.SlaTrend>;
export type SurveyFunnel = z.infer<typeof S.SurveyFunnel>;
export type NotificationPage = z.infer<typeof N.NotificationPage>;
export type NotificationView = z.infer<typeof N.NotificationView>;
export type Problem = z.infer<typeof C.ProblemDetails>;
export type ConsultationView = z.infer<typeof J.ConsultationView>;
export type ConsultationSummary = z.infer<typeof J.ConsultationSummary>;
export type ConsultationList = z.infer<typeof J.ConsultationList>;
export type ConsultationBatchStarted = z.infer<typeof J.ConsultationBatchStarted>;
export type ConsultationBatchProgress = z.infer<typeof J.ConsultationBatchProgress>;
export type ConsultationBatchReport = z.infer<typeof J.ConsultationBatchReport>;
export type VisitListView = z.infer<typeof S.VisitListView>;
export type VisitListBuilding = VisitListView['items'][number];
export type SurveyFirmView = z.infer<typeof S.SurveyFirmView>;
export type VisitView = z.infer<typeof S.VisitView>;
export type VisitList = z.infer<typeof S.VisitList>;
export type SurveyNetwork = z.infer<typeof S.SurveyNetwork>;
export type NetworkCommunity = SurveyNetwork['communities'][number];
export type ScreeningImportView = z.infer<typeof S.ScreeningImportView>;
export type ScreenedFirmView = z.infer<typeof S.ScreenedFirmView>;
export type BankImportView = z.infer<typeof S.BankImportView>;
export type MatchingEventList = z.infer<typeof M.MatchingEventList>;
export type MatchingEventView = z.infer<typeof M.MatchingEventView>;
export type MatchingOutcomeView = z.infer<typeof M.MatchingOutcomeView>;
export type MatchingRegistrationView = z.infer<typeof M.MatchingRegistrationView>;
export type MatchingEventReport = z.infer<typeof M.MatchingEventReport>;
export type LeadView = z.infer<typeof L.LeadView>;
export type LeadList = z.infer<typeof L.LeadList>;

/** A problem+json answer (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
  /** The stable slug of the problem type, e.g. `validation`. */
  get slug(): string {
    return this.problem?.type.replace(/^urn:greenlane:problem:/, '') ?? (this.status === 0 ? 'network' : 'internal');
  }
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem?.errors ?? []).map((e) => [e.field, e.message]));
  }
}

interface Options {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  accept?: string;
  idempotencyKey?: string;
}

async function send(path: string, { method = 'GET', body, accept = 'application/json', idempotencyKey }: Options): Promise<Response> {
  const headers: Record<string, string> = { accept };
  const token = currentToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let res: Response;
  try {
    // no-store: always the case as it is now (and no conditional requests the contract does not describe).
    res = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new ApiError(0, undefined);
  }
  if (res.ok) return res;
  const problem = /json/.test(res.headers.get('content-type') ?? '') ? ((await res.json().catch(() => undefined)) as Problem | undefined) : undefined;
  if (res.status === 401 && token) signOut();
  throw new ApiError(res.status, problem);
}

export async function api<T>(path: string, options: Options = {}): Promise<T> {
  return (await send(path, options)).json() as Promise<T>;
}

/** Downloads a CSV answer as a file (the token rules out a plain link). */
export async function downloadCsv(path: string, fallbackName: string): Promise<void> {
  const res = await send(path, { accept: 'text/csv' });
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)])).toString();

/** A fresh Idempotency-Key for one submission. */
export const newIdempotencyKey = () => `console-${crypto.randomUUID()}`;
