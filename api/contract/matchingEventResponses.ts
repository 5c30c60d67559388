// Response bodies of matching events (api/routes/matchingEvents.ts), strict like the rest.
import { z } from 'zod';
import { ORGANISERS, OUTCOME_KINDS } from '../schemas';
import { FinancingNeedView } from './surveyResponses';

const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');

const summary = {
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  place: z.string(),
  date: z.string().describe('YYYY-MM-DD'),
  organiser: z.enum(ORGANISERS),
  banks: z.array(z.string()).describe('The banks attending'),
  createdBy: z.string(),
  createdAt: instant,
};

export const MatchingRegistrationView = z.strictObject({
  name: z.string(),
  creditCode: z.string(),
  street: z.string().nullable().describe('The street the firm is in; null if registered before streets were asked (a need then waits for it)'),
  came: z.boolean(),
  registeredBy: z.string(),
  registeredAt: instant,
});

export const MatchingOutcomeView = z.strictObject({
  id: z.string(),
  firm: z.string().describe('The firm’s credit code'),
  bank: z.string(),
  kind: z.enum(OUTCOME_KINDS),
  need: FinancingNeedView.nullable(),
  note: z.string().nullable(),
  /** The lead the need opened (GET /api/v1/leads/{id}); null for a note. */
  lead: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: instant,
});

export const MatchingEventView = z.strictObject({ ...summary, registrations: z.array(MatchingRegistrationView), outcomes: z.array(MatchingOutcomeView) });

export const MatchingEventList = z.strictObject({ items: z.array(z.strictObject({ ...summary, registered: z.number().int(), meetings: z.number().int() })) });

/** 对接会报告. */
export const MatchingEventReport = z.strictObject({
  event: z.strictObject(summary),
  firmsRegistered: z.number().int(),
  firmsCame: z.number().int(),
  meetings: z.number().int(),
  needsFound: z.number().int().describe('Meetings that found a need'),
  firmsWithNeeds: z.number().int(),
  needsAmount: z.string().describe('CNY, 2 decimals: the needs found, summed'),
  needsAmountFen: z.number().int(),
  leads: z.number().int().describe('Needs that became leads'),
  casesOpened: z.number().int().describe('Those leads converted into a case (a joint consultation is not a case)'),
  decided: z.number().int().describe('Those cases approved or rejected'),
  disbursed: z.number().int().describe('Those cases paid'),
  disbursedFen: z.number().int(),
  disbursedAmount: z.string().describe('CNY, 2 decimals: their payments, summed'),
  byBank: z.array(z.strictObject({ bank: z.string(), meetings: z.number().int(), needsFound: z.number().int() })),
});

export const MATCHING_EVENT_RESPONSE_SCHEMAS = { MatchingRegistrationView, MatchingOutcomeView, MatchingEventView, MatchingEventList, MatchingEventReport } as const;
