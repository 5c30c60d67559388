// Requests about bank–enterprise matching events (银企对接会): scheduling one, registering firms,
// and each meeting's outcome (firm × bank), a note or a need in the visits' own need schema.
import { z } from 'zod';
import { creditCodeText, trimmed } from './cases';
import { IsoDateParam } from './common';
import { FinancingNeedBody, NetworkCode } from './surveyNetwork';

export const ORGANISERS = ['TASK_FORCE', 'SURVEY_GROUP'] as const;
export const OUTCOME_KINDS = ['NOTE', 'NEED'] as const;

export const MatchingEventParams = z.strictObject({ id: z.string().regex(/^ME-[0-9A-F]{12}$/, 'must be an event id such as ME-1A2B3C4D5E6F') });

export const MatchingEventBody = z.strictObject({
  titleZh: trimmed(100),
  titleEn: trimmed(200),
  /** Where it is held: 软件园二期, 海丝中央法务区. */
  place: trimmed(200),
  date: IsoDateParam,
  /** Who organises it: the task force or its survey group (摸排走访组). */
  organiser: z.enum(ORGANISERS),
  /** The banks attending; their staff see the event and record their meetings. */
  banks: z.array(NetworkCode).min(1, 'names at least one bank').max(19).refine((b) => new Set(b).size === b.length, 'names a bank twice'),
});

/** A firm registering; again with the same credit code changes its name or street, or marks that it came. */
export const MatchingRegistrationBody = z.strictObject({
  name: trimmed(200),
  creditCode: creditCodeText,
  /** The street the firm is in (GET /api/v1/streets): a need it states opens its lead there. Kept when a repeat leaves it out. */
  street: NetworkCode.optional(),
  came: z.boolean().default(false),
  confirmCreditCodeWarnings: z.boolean().default(false),
});

export const MatchingOutcomeBody = z
  .strictObject({
    /** A firm registered for the event. */
    creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be the credit code of a firm registered for the event'),
    /** A bank attending the event. */
    bank: NetworkCode,
    kind: z.enum(OUTCOME_KINDS),
    /** With NEED: what the firm needs, as a visit records it. */
    need: FinancingNeedBody.optional(),
    note: trimmed(1000).optional(),
  })
  .refine((o) => (o.kind === 'NEED') === (o.need !== undefined), { message: 'NEED carries the need; NOTE carries none', path: ['need'] })
  .refine((o) => o.kind === 'NEED' || o.note !== undefined, { message: 'a NOTE says what was discussed', path: ['note'] });
