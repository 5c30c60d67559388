// What a firm reads of its own cases (api/routes/firmCases.ts): where each stands in one plain
// sentence, the promise, and the terms it is offered. No staff names, assignees, evidence,
// internal notes or the bank's scoring internals (docs/firm.md says why).
import { z } from 'zod';
import { FAST_TRACK_STAGES, SCI_TECH_STAGES } from '../../domain/stages';

const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');
const Place = z.strictObject({ nameZh: z.string(), nameEn: z.string() });
const amountText = z.string().regex(/^\d+\.\d{2}$/).describe('CNY, two decimals');

export const FirmCaseView = z.strictObject({
  id: z.string(),
  product: z.enum(['FAST_TRACK', 'SCI_TECH']),
  firmName: z.string(),
  amount: amountText,
  purpose: z.string(),
  street: Place,
  bank: Place,
  stage: z.union([z.enum(FAST_TRACK_STAGES), z.enum(SCI_TECH_STAGES)]),
  acceptedAt: instant,
  promisedDate: z.iso.date().nullable().describe('The working day the case is promised to end by (Asia/Shanghai); null once nothing more is promised'),
  status: z.strictObject({
    waitingOn: z.enum(['FIRM', 'STREET', 'BANK', 'ASSESSOR', 'NOBODY']).describe('Who the case waits on now'),
    zh: z.string(),
    en: z.string(),
  }),
  /** The clock waits for the firm's materials: since when, and what was asked. */
  paused: z.strictObject({ since: instant, reason: z.string() }).nullable(),
  decision: z
    .strictObject({ outcome: z.enum(['APPROVED', 'REJECTED']), at: instant, amount: amountText.optional(), rateBp: z.number().int().optional(), termMonths: z.number().int().optional() })
    .nullable()
    .describe('The bank’s answer; an approval with the terms offered'),
  contractConfirmation: z
    .strictObject({
      dueDate: z.iso.date().describe('The working day (Asia/Shanghai) by whose end the firm confirms'),
      confirmedAt: instant.nullable(),
    })
    .nullable()
    .describe('For a case whose firm confirms its contract online: by when, and when it did; the terms are the decision’s'),
  disbursement: z.strictObject({ amount: amountText, at: instant }).nullable(),
});

export const FirmCaseList = z.strictObject({ items: z.array(FirmCaseView) });

export const FIRM_CASE_RESPONSE_SCHEMAS = { FirmCaseView, FirmCaseList } as const;
