// The API's own request schemas (api/schemas), run in the browser before a form is sent: the
// same rules, the same field paths and the same messages as the API's 422, so no rule is copied.
import './jitless';
import type { z } from 'zod';
import { fieldErrors, type FieldError } from '../../api/schemas/fieldErrors';

export { CreateCaseBody, DecisionBody, FirmMaterialsBody, SciTechDecisionBody } from '../../api/schemas/cases';
export { PlanBody, StartBatchBody } from '../../api/schemas/consultations';
export { FirmApplyBody, PreparedApplicationBody } from '../../api/schemas/firmApplications';
export { LeadConvertBody } from '../../api/schemas/leads';
export { BANK_IMPORT_COLUMNS, BankBody, BankImportRow, BranchBody, BuildingBody, CommunityBody, NetworkCodeParams, SurveyFirmBody, TeamBody, VisitBody } from '../../api/schemas/surveyNetwork';
export { SCREENING_COLUMNS, ScreeningRow } from '../../api/schemas/screening';
export { MatchingEventBody, MatchingOutcomeBody, MatchingRegistrationBody } from '../../api/schemas/matchingEvents';

/** Every problem the API would report in `body`, in order, as its 422's `errors` lists them. */
export function requestProblems(schema: z.ZodType, body: unknown): FieldError[] {
  const r = schema.safeParse(body);
  return r.success ? [] : fieldErrors(r.error);
}

/** What the API would refuse in `body`, by field path (e.g. application.patents.0.patentNo), in the API's words. */
export function requestErrors(schema: z.ZodType, body: unknown): Record<string, string> {
  return Object.fromEntries(requestProblems(schema, body).map((e) => [e.field, e.message]));
}

/** A form's text as the JSON number the API's schema takes; empty stays missing, which the API calls required. */
export const jsonNumber = (text: string | undefined): number | undefined => (text?.trim() ? Number(text.trim()) : undefined);
