// Bank–enterprise matching events (银企对接会): the task force or its survey group schedules one at
// a place with the banks attending; firms register (and come); each meeting's outcome, firm × bank,
// is a note or a need in the visits' need schema. The district's roles see every event, a bank's
// staff the events their bank attends; any other event is a 404.
import crypto from 'node:crypto';
import type { z } from 'zod';
import { auditCreditCodeOverride } from '../../activities/creditCodeOverride';
import { formatFen } from '../../domain/money';
import type { Principal } from '../../domain/people';
import type { FinancingNeed } from '../../domain/surveyNetwork';
import { writeAudit } from '../../infra/audit';
import type { Database } from '../../infra/database';
import type { Prisma } from '../../prisma/generated/client';
import { Problem, validationProblem } from '../problem';
import type { MatchingEventBody, MatchingOutcomeBody, MatchingRegistrationBody } from '../schemas';
import type { Caller } from './caller';
import { requireCreditCodeConfirmation } from './creditCodeConfirmation';
import { needView } from './surveyNetwork';
import { needOf } from './visits';

type Tx = Prisma.TransactionClient;
type OutcomeRow = Prisma.MatchingOutcomeGetPayload<object>;
type EventRow = Prisma.MatchingEventGetPayload<{ include: typeof EVENT_INCLUDE }>;
const EVENT_INCLUDE = { banks: true, registrations: { orderBy: { registeredAt: 'asc' } }, outcomes: { orderBy: { recordedAt: 'asc' } } } as const;

/**
 * Where a meeting's need will open a lead: the lead workflow (opened from a visit with a need
 * through one reusable function) plugs in here, inside the transaction that records the outcome,
 * and answers the lead's id for `matching_outcome.lead_id`. Until it lands no lead is opened.
 */
export type OpenLeadFromOutcome = (tx: Tx, outcome: { id: string; eventId: string; creditCode: string; bankCode: string; need: FinancingNeed; recordedBy: string }) => Promise<string | null>;
export const noLeadYet: OpenLeadFromOutcome = async () => null;

/** The events a principal sees: the district's roles all, a bank's staff their bank's. */
function eventsWhere(p: Principal): Prisma.MatchingEventWhereInput {
  if (p.role === 'customer_manager' || p.role === 'credit_approver') return { banks: { some: { bankCode: p.bank ?? '' } } };
  return {};
}

const outcomeView = (o: OutcomeRow) => ({
  id: o.id,
  firm: o.creditCode,
  bank: o.bankCode,
  kind: o.kind as 'NOTE' | 'NEED',
  need: o.need ? needView(o.need as unknown as FinancingNeed) : null,
  note: o.note,
  lead: o.leadId,
  recordedBy: o.recordedBy,
  recordedAt: o.recordedAt.toISOString(),
});

const summaryView = (e: Pick<EventRow, 'id' | 'titleZh' | 'titleEn' | 'place' | 'date' | 'organiser' | 'createdBy' | 'createdAt' | 'banks'>) => ({
  id: e.id,
  titleZh: e.titleZh,
  titleEn: e.titleEn,
  place: e.place,
  date: e.date.toISOString().slice(0, 10),
  organiser: e.organiser as 'TASK_FORCE' | 'SURVEY_GROUP',
  banks: e.banks.map((b) => b.bankCode).sort(),
  createdBy: e.createdBy,
  createdAt: e.createdAt.toISOString(),
});

const eventView = (e: EventRow) => ({
  ...summaryView(e),
  registrations: e.registrations.map((r) => ({ name: r.name, creditCode: r.creditCode, came: r.came, registeredBy: r.registeredBy, registeredAt: r.registeredAt.toISOString() })),
  outcomes: e.outcomes.map(outcomeView),
});

export function matchingEventService(db: Database, openLead: OpenLeadFromOutcome = noLeadYet) {
  async function eventInReach(caller: Caller, id: string): Promise<EventRow> {
    const e = await db.matchingEvent.findFirst({ where: { AND: [{ id }, eventsWhere(caller.principal)] }, include: EVENT_INCLUDE });
    if (!e) throw new Problem(404, 'not-found', 'Matching event not found', `No matching event ${id} you may see`);
    return e;
  }

  return {
    /** The event if the caller sees it; else it does not exist for them (asked before the body is read). */
    inReach: eventInReach,

    async schedule(caller: Caller, body: z.output<typeof MatchingEventBody>) {
      const known = new Set((await db.bank.findMany({ where: { code: { in: body.banks }, retiredAt: null }, select: { code: true } })).map((b) => b.code));
      const unknown = body.banks.flatMap((b, i) => (known.has(b) ? [] : [{ field: `banks.${i}`, message: `unknown or retired bank '${b}'; see GET /api/v1/banks` }]));
      if (unknown.length) throw validationProblem(unknown);
      caller.idempotencyKey();
      const id = `ME-${crypto.randomBytes(6).toString('hex').toUpperCase()}`;
      const actor = caller.principal.sub;
      const row = await db.$transaction(async (tx) => {
        const e = await tx.matchingEvent.create({
          data: { id, titleZh: body.titleZh, titleEn: body.titleEn, place: body.place, date: new Date(`${body.date}T00:00:00Z`), organiser: body.organiser, createdBy: actor, createdAt: new Date(), banks: { create: body.banks.map((bankCode) => ({ bankCode })) } },
          include: EVENT_INCLUDE,
        });
        await writeAudit(tx, { actor, action: 'MATCHING_EVENT_SCHEDULED', subject: `matching-event:${id}`, after: summaryView(e) });
        return e;
      });
      return eventView(row);
    },

    /** The events the caller sees, latest date first. */
    async list(caller: Caller) {
      const rows = await db.matchingEvent.findMany({ where: eventsWhere(caller.principal), orderBy: [{ date: 'desc' }, { id: 'asc' }], include: { banks: true, _count: { select: { registrations: true, outcomes: true } } } });
      return { items: rows.map((e) => ({ ...summaryView(e), registered: e._count.registrations, meetings: e._count.outcomes })) };
    },

    view: async (caller: Caller, id: string) => eventView(await eventInReach(caller, id)),

    /** A firm registers; the same credit code again changes its name or marks that it came. */
    async register(caller: Caller, e: EventRow, body: z.output<typeof MatchingRegistrationBody>) {
      requireCreditCodeConfirmation([{ field: 'creditCode', creditCode: body.creditCode, confirmed: body.confirmCreditCodeWarnings }]);
      caller.idempotencyKey();
      const actor = caller.principal.sub;
      const creditCode = body.creditCode.code;
      const where = { eventId_creditCode: { eventId: e.id, creditCode } };
      return db.$transaction(async (tx) => {
        const before = await tx.matchingEventFirm.findUnique({ where });
        // Once it came, it came: a later registration does not undo it.
        const came = body.came || (before?.came ?? false);
        const after = await tx.matchingEventFirm.upsert({
          where,
          create: { eventId: e.id, creditCode, name: body.name, came, registeredBy: actor, registeredAt: new Date() },
          update: { name: body.name, came },
        });
        const view = { name: after.name, creditCode, came: after.came, registeredBy: after.registeredBy, registeredAt: after.registeredAt.toISOString() };
        if (!before || before.name !== after.name || before.came !== after.came) {
          await writeAudit(tx, { actor, action: before ? 'MATCHING_REGISTRATION_CHANGED' : 'MATCHING_FIRM_REGISTERED', subject: `matching-event:${e.id}`, before: before && { name: before.name, came: before.came }, after: { creditCode, name: after.name, came: after.came } });
          if (!before && body.creditCode.warnings.length) await auditCreditCodeOverride(tx, { actor, creditCode, warnings: body.creditCode.warnings, opened: { matchingEvent: e.id } });
        }
        return { created: !before, view };
      });
    },

    /**
     * One meeting's outcome: a registered firm, an attending bank (a bank's staff record their own
     * bank's meetings only). The firm came. A need may open a lead (OpenLeadFromOutcome).
     */
    async recordOutcome(caller: Caller, e: EventRow, body: z.output<typeof MatchingOutcomeBody>) {
      const p = caller.principal;
      const problems = [];
      if (!e.registrations.some((r) => r.creditCode === body.creditCode)) problems.push({ field: 'creditCode', message: `firm ${body.creditCode} is not registered for the event; register it first` });
      if (!e.banks.some((b) => b.bankCode === body.bank)) problems.push({ field: 'bank', message: `bank '${body.bank}' does not attend the event` });
      else if (p.bank !== undefined && (p.role === 'customer_manager' || p.role === 'credit_approver') && p.bank !== body.bank) problems.push({ field: 'bank', message: `you record your own bank's (${p.bank}) meetings only` });
      if (problems.length) throw validationProblem(problems);
      const need = body.need && (await needOf(db, body.need));
      caller.idempotencyKey();
      const actor = p.sub;
      const row = await db.$transaction(async (tx) => {
        const o = await tx.matchingOutcome.create({
          data: { eventId: e.id, creditCode: body.creditCode, bankCode: body.bank, kind: body.kind, need: need as object | undefined, note: body.note ?? null, recordedBy: actor, recordedAt: new Date() },
        });
        await tx.matchingEventFirm.update({ where: { eventId_creditCode: { eventId: e.id, creditCode: body.creditCode } }, data: { came: true } });
        const leadId = need ? await openLead(tx, { id: o.id, eventId: e.id, creditCode: o.creditCode, bankCode: o.bankCode, need, recordedBy: actor }) : null;
        const saved = leadId ? await tx.matchingOutcome.update({ where: { id: o.id }, data: { leadId } }) : o;
        await writeAudit(tx, { actor, action: 'MATCHING_OUTCOME_RECORDED', subject: `matching-event:${e.id}`, after: { outcome: o.id, firm: o.creditCode, bank: o.bankCode, kind: o.kind, need: need ?? null, note: o.note, lead: leadId } });
        return saved;
      });
      return outcomeView(row);
    },

    /** 对接会报告: firms registered and come, meetings, needs found (count and 元), and how many became leads. */
    async report(caller: Caller, id: string) {
      const e = await eventInReach(caller, id);
      const needs = e.outcomes.filter((o) => o.kind === 'NEED');
      const amountFen = needs.reduce((sum, o) => sum + (o.need as unknown as FinancingNeed).amountFen, 0);
      const byBank = [...new Set(e.banks.map((b) => b.bankCode))].sort().map((bank) => {
        const mine = e.outcomes.filter((o) => o.bankCode === bank);
        return { bank, meetings: mine.length, needsFound: mine.filter((o) => o.kind === 'NEED').length };
      });
      return {
        event: summaryView(e),
        firmsRegistered: e.registrations.length,
        firmsCame: e.registrations.filter((r) => r.came).length,
        meetings: e.outcomes.length,
        needsFound: needs.length,
        firmsWithNeeds: new Set(needs.map((o) => o.creditCode)).size,
        needsAmount: formatFen(amountFen),
        needsAmountFen: amountFen,
        leads: e.outcomes.filter((o) => o.leadId !== null).length,
        byBank,
      };
    },
  };
}
