// What a firm reads of its own cases (api/routes/firmCases.ts): where each stands in one plain
// sentence, the promise, and the terms it is offered. No staff names, assignees, evidence,
// internal notes or the bank's scoring internals (docs/firm.md says why).
import { z } from 'zod';
import { PATENT_TYPES } from '../../domain/sciTech/policy';
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

/** A 善科贷 application a customer manager prepared for the firm: what it says, who prepared it, what became of it. */
export const FirmApplicationView = z.strictObject({
  id: z.string().regex(/^FA-[0-9A-F]{16}$/),
  status: z.enum(['DRAFT', 'SUBMITTING', 'SUBMITTED', 'DISCARDED']).describe('DRAFT: for the firm to submit or discard; SUBMITTING: its case is being opened (submit again to finish; a submission left behind is settled when next read)'),
  outdated: z
    .boolean()
    .describe('What was prepared no longer meets today’s rules (tightened since): its amount, purpose and application are null, and submitting it is 409 …:application-outdated; the customer manager prepares it again'),
  firmName: z.string(),
  creditCode: z.string(),
  street: Place.extend({ code: z.string() }),
  bank: Place.extend({ code: z.string() }),
  amount: amountText.nullable().describe('Null when outdated'),
  purpose: z.string().nullable().describe('Null when outdated'),
  application: z
    .strictObject({
      patents: z.array(z.strictObject({ patentNo: z.string(), type: z.enum(PATENT_TYPES), remainingYears: z.number().int() })),
      rdSpend: amountText,
      revenue: z.array(amountText).length(3).describe('Oldest first'),
      yearsInOperation: z.number().int(),
      existingDebt: amountText,
    })
    .nullable()
    .describe('Null when outdated'),
  preparedBy: z.string().describe('The customer manager’s name'),
  preparedAt: instant,
  /** The case its submission opened. */
  caseNo: z.string().nullable(),
  decidedAt: instant.nullable().describe('When the firm submitted (while SUBMITTING: its latest 确认) or discarded it'),
});

export const FirmApplicationList = z.strictObject({ items: z.array(FirmApplicationView) });

export const FIRM_CASE_RESPONSE_SCHEMAS = { FirmCaseView, FirmCaseList, FirmApplicationView, FirmApplicationList } as const;
