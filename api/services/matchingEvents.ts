// Bank–enterprise matching events (银企对接会): the task force or its survey group schedules one at
// a place with the banks attending; firms register (and come); each meeting's outcome, firm × bank,
// is a note or a need in the visits' need schema, and a need opens a lead (leads.ts) in the
// firm's street. The district's roles see every event, a bank's staff the events their bank
// attends; any other event is a 404.
import type { z } from 'zod';
import { auditCreditCodeOverride } from '../../activities/creditCodeOverride';
import { formatFen } from '../../domain/money';
import type { Principal } from '../../domain/people';
import type { FinancingNeed } from '../../domain/surveyNetwork';
import { writeAudit } from '../../infra/audit';
import type { Prisma } from '../../prisma/generated/client';
import { matchingEventFunnel } from '../../readModels/surveyFunnelQuery';
import { Problem, validationProblem } from '../problem';
import type { MatchingEventBody, MatchingOutcomeBody, MatchingRegistrationBody } from '../schemas';
import type { Caller } from './caller';
import type { CasesDeps } from './cases';
import { requireCreditCodeConfirmation } from './creditCodeConfirmation';
import { leadIdOf, openLead } from './leads';
import { claimKey, keySeen, keyedRequest, recordDigits } from './requestKeys';
import { needView } from './surveyNetwork';
import { needOf } from './visits';

type OutcomeRow = Prisma.MatchingOutcomeGetPayload<object>;
type RegistrationRow = Prisma.MatchingEventFirmGetPayload<object>;

/** A concurrent repeat of the same key got there first: it answers; this one is told to read it. */
const inProgress = (what: 'event' | 'outcome', id: string) =>
  new Problem(
    409,
    `matching-${what}-in-progress`,
    `This ${what} is being recorded by a repeat of the request`,
    `${what === 'event' ? '该对接活动' : '该对接结果'} ${id} 正由一次重复请求记录，请用同一 Idempotency-Key 重新提交以查看。 Resend with the same key to read ${what} ${id}`,
  );
type EventRow = Prisma.MatchingEventGetPayload<{ include: typeof EVENT_INCLUDE }>;
const EVENT_INCLUDE = { banks: true, registrations: { orderBy: { registeredAt: 'asc' } }, outcomes: { orderBy: { recordedAt: 'asc' } } } as const;

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

const registrationView = (r: RegistrationRow) => ({ name: r.name, creditCode: r.creditCode, street: r.streetCode, came: r.came, registeredBy: r.registeredBy, registeredAt: r.registeredAt.toISOString() });

const eventView = (e: EventRow) => ({ ...summaryView(e), registrations: e.registrations.map(registrationView), outcomes: e.outcomes.map(outcomeView) });

/** An outcome's id, a UUID: derived from the request's key (recordDigits), so a repeat names the same outcome. */
const uuidOf = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;

export function matchingEventService(deps: Pick<CasesDeps, 'db' | 'client' | 'taskQueue'>) {
  const { db } = deps;

  /** A need becomes a lead in the firm's street (the outcome already names it): opened now, or met again on a repeat. */
  const openOutcomeLead = (o: OutcomeRow, firm: RegistrationRow & { streetCode: string }) =>
    openLead(deps, {
      source: { kind: 'EVENT', id: o.id },
      firm: { name: firm.name, creditCode: firm.creditCode },
      need: o.need as unknown as FinancingNeed,
      streetCode: firm.streetCode,
      openedBy: o.recordedBy,
      openedAt: o.recordedAt,
    });

  async function eventInReach(caller: Caller, id: string): Promise<EventRow> {
    const e = await db.matchingEvent.findFirst({ where: { AND: [{ id }, eventsWhere(caller.principal)] }, include: EVENT_INCLUDE });
    if (!e) throw new Problem(404, 'not-found', 'Matching event not found', `No matching event ${id} you may see`);
    return e;
  }

  return {
    /** The event if the caller sees it; else it does not exist for them (asked before the body is read). */
    inReach: eventInReach,

    /** With an Idempotency-Key the event's id derives from it: a repeat answers the same event, another body under it is refused. */
    async schedule(caller: Caller, body: z.output<typeof MatchingEventBody>): Promise<{ created: boolean; view: ReturnType<typeof eventView> }> {
      const known = new Set((await db.bank.findMany({ where: { code: { in: body.banks }, retiredAt: null }, select: { code: true } })).map((b) => b.code));
      const unknown = body.banks.flatMap((b, i) => (known.has(b) ? [] : [{ field: `banks.${i}`, message: `unknown or retired bank '${b}'; see GET /api/v1/banks` }]));
      if (unknown.length) throw validationProblem(unknown);
      const actor = caller.principal.sub;
      const keyed = keyedRequest(actor, 'scheduleMatchingEvent', caller.idempotencyKey(), body);
      const id = `ME-${recordDigits(keyed).slice(0, 12).toUpperCase()}`;
      if (await keySeen(db, keyed, `It scheduled matching event ${id} from a different body; use a new key for a new event`)) {
        const replay = await db.matchingEvent.findUnique({ where: { id }, include: EVENT_INCLUDE });
        if (replay) return { created: false, view: eventView(replay) };
      }
      const row = await db.$transaction(async (tx) => {
        if (!(await claimKey(tx, keyed))) throw inProgress('event', id);
        const e = await tx.matchingEvent.create({
          data: { id, titleZh: body.titleZh, titleEn: body.titleEn, place: body.place, date: new Date(`${body.date}T00:00:00Z`), organiser: body.organiser, createdBy: actor, createdAt: new Date(), banks: { create: body.banks.map((bankCode) => ({ bankCode })) } },
          include: EVENT_INCLUDE,
        });
        await writeAudit(tx, { actor, action: 'MATCHING_EVENT_SCHEDULED', subject: `matching-event:${id}`, after: summaryView(e) });
        return e;
      });
      return { created: true, view: eventView(row) };
    },

    /** The events the caller sees, latest date first. */
    async list(caller: Caller) {
      const rows = await db.matchingEvent.findMany({ where: eventsWhere(caller.principal), orderBy: [{ date: 'desc' }, { id: 'asc' }], include: { banks: true, _count: { select: { registrations: true, outcomes: true } } } });
      return { items: rows.map((e) => ({ ...summaryView(e), registered: e._count.registrations, meetings: e._count.outcomes })) };
    },

    view: async (caller: Caller, id: string) => eventView(await eventInReach(caller, id)),

    /** A firm registers with its street; the same credit code again changes its name or street, or marks that it came. */
    async register(caller: Caller, e: EventRow, body: z.output<typeof MatchingRegistrationBody>) {
      requireCreditCodeConfirmation([{ field: 'creditCode', creditCode: body.creditCode, confirmed: body.confirmCreditCodeWarnings }]);
      if (body.street && !(await db.street.findUnique({ where: { code: body.street } }))) throw validationProblem([{ field: 'street', message: `unknown street '${body.street}'; see GET /api/v1/streets` }]);
      caller.idempotencyKey();
      const actor = caller.principal.sub;
      const creditCode = body.creditCode.code;
      const where = { eventId_creditCode: { eventId: e.id, creditCode } };
      return db.$transaction(async (tx) => {
        const before = await tx.matchingEventFirm.findUnique({ where });
        // A new firm says where it is; registered before streets were asked, it may add it now.
        if (!before && !body.street) throw validationProblem([{ field: 'street', message: 'name the street the firm is in (GET /api/v1/streets): a need it states opens its lead there' }]);
        // Once it came, it came: a later registration does not undo it.
        const came = body.came || (before?.came ?? false);
        const streetCode = body.street ?? before?.streetCode ?? null;
        const after = await tx.matchingEventFirm.upsert({
          where,
          create: { eventId: e.id, creditCode, name: body.name, streetCode, came, registeredBy: actor, registeredAt: new Date() },
          update: { name: body.name, streetCode, came },
        });
        const view = registrationView(after);
        if (!before || before.name !== after.name || before.streetCode !== after.streetCode || before.came !== after.came) {
          await writeAudit(tx, {
            actor,
            action: before ? 'MATCHING_REGISTRATION_CHANGED' : 'MATCHING_FIRM_REGISTERED',
            subject: `matching-event:${e.id}`,
            before: before && { name: before.name, street: before.streetCode, came: before.came },
            after: { creditCode, name: after.name, street: after.streetCode, came: after.came },
          });
          if (!before && body.creditCode.warnings.length) await auditCreditCodeOverride(tx, { actor, creditCode, warnings: body.creditCode.warnings, opened: { matchingEvent: e.id } });
        }
        return { created: !before, view };
      });
    },

    /**
     * One meeting's outcome: a registered firm, an attending bank (a bank's staff record their own
     * bank's meetings only). The firm came. A need opens a lead in the firm's street: the outcome
     * names it in its transaction, the lead workflow starts once that commits. With an
     * Idempotency-Key the outcome's id derives from it, as a visit's does.
     */
    async recordOutcome(caller: Caller, e: EventRow, body: z.output<typeof MatchingOutcomeBody>): Promise<{ created: boolean; view: ReturnType<typeof outcomeView> }> {
      const p = caller.principal;
      const firm = e.registrations.find((r) => r.creditCode === body.creditCode);
      const problems = [];
      if (!firm) problems.push({ field: 'creditCode', message: `firm ${body.creditCode} is not registered for the event; register it first` });
      else if (body.kind === 'NEED' && !firm.streetCode) problems.push({ field: 'creditCode', message: `firm ${body.creditCode} was registered without its street; register it again with its street before recording its need` });
      if (!e.banks.some((b) => b.bankCode === body.bank)) problems.push({ field: 'bank', message: `bank '${body.bank}' does not attend the event` });
      else if (p.bank !== undefined && (p.role === 'customer_manager' || p.role === 'credit_approver') && p.bank !== body.bank) problems.push({ field: 'bank', message: `you record your own bank's (${p.bank}) meetings only` });
      if (problems.length || !firm) throw validationProblem(problems);
      const need = body.need && (await needOf(db, body.need));
      const actor = p.sub;
      const keyed = keyedRequest(actor, 'recordMatchingOutcome', caller.idempotencyKey(), { event: e.id, ...body });
      const id = uuidOf(recordDigits(keyed));
      const located = { ...firm, streetCode: firm.streetCode! };
      if (await keySeen(db, keyed, `It recorded outcome ${id} with a different body; use a new key for a new meeting`)) {
        const replay = await db.matchingOutcome.findUnique({ where: { id } });
        if (replay) {
          // The first request may have stopped before its lead answered: opening it again is safe.
          if (replay.leadId) await openOutcomeLead(replay, located);
          return { created: false, view: outcomeView(replay) };
        }
      }
      const row = await db.$transaction(async (tx) => {
        if (!(await claimKey(tx, keyed))) throw inProgress('outcome', id);
        const leadId = need ? leadIdOf({ kind: 'EVENT', id }) : null;
        const o = await tx.matchingOutcome.create({
          data: { id, eventId: e.id, creditCode: body.creditCode, bankCode: body.bank, kind: body.kind, need: need as object | undefined, note: body.note ?? null, leadId, recordedBy: actor, recordedAt: new Date() },
        });
        await tx.matchingEventFirm.update({ where: { eventId_creditCode: { eventId: e.id, creditCode: body.creditCode } }, data: { came: true } });
        await writeAudit(tx, { actor, action: 'MATCHING_OUTCOME_RECORDED', subject: `matching-event:${e.id}`, after: { outcome: id, firm: o.creditCode, bank: o.bankCode, kind: o.kind, need: need ?? null, note: o.note, lead: leadId } });
        return o;
      });
      if (row.leadId) await openOutcomeLead(row, located);
      return { created: true, view: outcomeView(row) };
    },

    /** 对接会报告: firms registered and come, meetings, needs found (count and 元), how many became leads, and the cases and money those leads became (the survey funnel's arithmetic). */
    async report(caller: Caller, id: string) {
      const e = await eventInReach(caller, id);
      const followed = await matchingEventFunnel(db, e.id);
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
        casesOpened: followed.casesOpened,
        decided: followed.decided,
        disbursed: followed.disbursed,
        disbursedFen: followed.disbursedFen,
        disbursedAmount: followed.disbursedAmount,
        byBank,
      };
    },
  };
}
