// The API's own request schemas (api/schemas), run in the browser before a form is sent: the
// same rules, the same field paths and the same messages as the API's 422, so no rule is copied.
import './jitless';
import type { z } from 'zod';
import { fieldErrors } from '../../api/schemas/fieldErrors';

export { CreateCaseBody, DecisionBody, SciTechDecisionBody } from '../../api/schemas/cases';

/** What the API would refuse in `body`, by field path (e.g. application.patents.0.patentNo), in the API's words. */
export function requestErrors(schema: z.ZodType, body: unknown): Record<string, string> {
  const r = schema.safeParse(body);
  return r.success ? {} : Object.fromEntries(fieldErrors(r.error).map((e) => [e.field, e.message]));
}

/** A form's text as the JSON number the API's schema takes; empty stays missing, which the API calls required. */
export const jsonNumber = (text: string | undefined): number | undefined => (text?.trim() ? Number(text.trim()) : undefined);
