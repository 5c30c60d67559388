// Response bodies of leads (api/routes/leads.ts), strict like the rest.
import { z } from 'zod';
import { LEAD_CLOSE_REASON_CODES, LEAD_CONVERSIONS, LEAD_STAGES } from '../../domain/lead/policy';
import { SLA_STATES } from '../../domain/slaState';
import { FinancingNeedView } from './surveyResponses';

const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');

const LeadSummary = {
  id: z.string(),
  workflowId: z.string(),
  source: z.strictObject({ kind: z.enum(['VISIT', 'EVENT', 'SCREENING']), id: z.string() }),
  firm: z.strictObject({ name: z.string(), creditCode: z.string() }),
  street: z.string(),
  community: z.string().nullable(),
  team: z.string().nullable(),
  need: FinancingNeedView,
  owner: z.string(),
  stage: z.enum(LEAD_STAGES),
  slaState: z.enum(SLA_STATES),
  openedAt: instant,
  dueAt: instant.describe('First contact due: 24:00 of the policy’s last working day'),
  contactedAt: instant.nullable(),
  conversion: z
    .strictObject({ kind: z.enum(LEAD_CONVERSIONS), caseNo: z.string().nullable(), consultationId: z.string().nullable() })
    .nullable()
    .describe('The case or joint consultation the lead became; it names this lead back (its acceptance event, or its input)'),
  closure: z.strictObject({ reason: z.enum(LEAD_CLOSE_REASON_CODES), label: z.string() }).nullable(),
};

export const LeadListItem = z.strictObject(LeadSummary);
export const LeadList = z.strictObject({ items: z.array(LeadListItem) });
export const LeadView = z.strictObject({
  ...LeadSummary,
  timeline: z.array(z.strictObject({ type: z.string(), actor: z.string(), at: instant, data: z.unknown() })),
  temporalUi: z.string(),
});

export const LEAD_RESPONSE_SCHEMAS = { LeadView, LeadList } as const;
