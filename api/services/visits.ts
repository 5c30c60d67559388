// The visit list (走访清单) and visits: the buildings on a team's list with the firms found in
// them (the on-site track), and what each visit found, a financing need or none. Everyone reads
// within their survey reach (surveyScope.ts); a building, firm or visit outside it is a 404.
import type { z } from 'zod';
import { auditCreditCodeOverride } from '../../activities/creditCodeOverride';
import type { FinancingNeed, VisitOutcome } from '../../domain/surveyNetwork';
import { writeAudit } from '../../infra/audit';
import type { Database } from '../../infra/database';
import type { Prisma } from '../../prisma/generated/client';
import { querySurveyFunnel } from '../../readModels/surveyFunnelQuery';
import { Problem, validationProblem } from '../problem';
import type { FinancingNeedBody, SurveyFirmBody, SurveyFunnelQuery, VisitBody, VisitListQuery, VisitsQuery } from '../schemas';
import type { Caller } from './caller';
import type { CasesDeps } from './cases';
import { requireCreditCodeConfirmation } from './creditCodeConfirmation';
import { leadIdOf, openLead } from './leads';
import { claimKey, keySeen, keyedRequest, recordDigits } from './requestKeys';
import { flaggedFirms } from './screening';
import { buildingView, needView } from './surveyNetwork';
import { buildingsWhere, funnelReach, surveyReach, visitsWhere } from './surveyScope';

const notFound = (what: string, id: string) => new Problem(404, 'not-found', `${what} not found`, `No ${what.toLowerCase()} ${id} on your list`);

type VisitRow = Prisma.VisitGetPayload<{ include: { firm: true } }>;
type FirmRow = Prisma.SurveyFirmGetPayload<{ include: { visits: true } }>;

const visitView = (v: VisitRow) => ({
  id: v.visitId,
  firm: { id: v.firm.id, name: v.firm.name, creditCode: v.firm.creditCode },
  team: v.teamCode,
  building: v.buildingCode,
  community: v.communityCode,
  street: v.streetCode,
  visitedAt: v.visitedAt.toISOString(),
  visitedBy: v.visitedBy,
  outcome: v.outcome as VisitOutcome,
  need: v.need ? needView(v.need as unknown as FinancingNeed) : null,
  note: v.note,
  lead: v.leadId,
});

const firmView = (f: FirmRow) => {
  const last = [...f.visits].sort((a, b) => b.visitedAt.getTime() - a.visitedAt.getTime())[0];
  return {
    id: f.id,
    name: f.name,
    creditCode: f.creditCode,
    unit: f.unit,
    building: f.buildingCode,
    addedBy: f.addedBy,
    addedAt: f.addedAt.toISOString(),
    lastVisit: last ? { id: last.visitId, visitedAt: last.visitedAt.toISOString(), outcome: last.outcome as VisitOutcome, lead: last.leadId } : null,
  };
};

/** A need as a visit or a matching event records it; a refusing bank must be one the API knows. */
export async function needOf(db: Database, n: z.output<typeof FinancingNeedBody>): Promise<FinancingNeed> {
  if (n.refusedBy && !(await db.bank.findUnique({ where: { code: n.refusedBy.bank } }))) {
    throw validationProblem([{ field: 'need.refusedBy.bank', message: `unknown bank '${n.refusedBy.bank}'; see GET /api/v1/banks` }]);
  }
  return {
    amountFen: n.amount,
    purpose: n.purpose,
    urgency: n.urgency,
    ...(n.collateral ? { collateral: n.collateral } : {}),
    patents: n.patents,
    ...(n.refusedBy ? { refusedBy: { bankCode: n.refusedBy.bank, reason: n.refusedBy.reason } } : {}),
  };
}

export function visitService(deps: Pick<CasesDeps, 'db' | 'client' | 'taskQueue'>) {
  const { db } = deps;

  /** A need found becomes a lead (the visit already names it): opened now, or met again on a repeat. */
  const openVisitLead = (v: VisitRow) =>
    openLead(deps, {
      source: { kind: 'VISIT', id: v.visitId },
      firm: { name: v.firm.name, creditCode: v.firm.creditCode },
      need: v.need as unknown as FinancingNeed,
      streetCode: v.streetCode,
      communityCode: v.communityCode,
      teamCode: v.teamCode,
      openedBy: v.visitedBy,
      openedAt: v.visitedAt,
    });

  return {
    /** A building in use on the caller's list; else it does not exist for them. */
    async buildingInReach(caller: Caller, code: string): Promise<string> {
      const b = await db.building.findFirst({ where: { AND: [{ code, retiredAt: null }, buildingsWhere(await surveyReach(db, caller.principal))] }, select: { code: true } });
      if (!b) throw notFound('Building', code);
      return b.code;
    },

    /**
     * The caller's visit list: buildings in use within reach, narrowed by the query, each with its
     * firms (the on-site track), and the firms the screening model flagged (the screening track).
     */
    async list(caller: Caller, q: z.output<typeof VisitListQuery>) {
      const reach = await surveyReach(db, caller.principal);
      const buildings = await db.building.findMany({
        where: {
          AND: [
            buildingsWhere(reach),
            { retiredAt: null, teamCode: q.team, communityCode: q.community, ...(q.street ? { community: { streetCode: q.street } } : {}) },
          ],
        },
        orderBy: { code: 'asc' },
        include: { community: true, firms: { orderBy: { addedAt: 'asc' }, include: { visits: true } } },
      });
      const firms = buildings.flatMap((b) => b.firms);
      const screening = await flaggedFirms(db, reach, q);
      return {
        items: buildings.map((b) => ({ building: buildingView(b), firms: b.firms.map(firmView) })),
        screening,
        totals: {
          screeningFlagged: screening.length,
          buildings: buildings.length,
          firms: firms.length,
          visited: firms.filter((f) => f.visits.length > 0).length,
          needsFound: firms.filter((f) => f.visits.some((v) => v.outcome === 'NEED_FOUND')).length,
        },
      };
    },

    /** A firm found in a building of the caller's list (buildingInReach); the same credit code in the same building is the same firm. */
    async addFirm(caller: Caller, buildingCode: string, body: z.output<typeof SurveyFirmBody>): Promise<{ created: boolean; view: ReturnType<typeof firmView> }> {
      requireCreditCodeConfirmation([{ field: 'creditCode', creditCode: body.creditCode, confirmed: body.confirmCreditCodeWarnings }]);
      caller.idempotencyKey();
      const creditCode = body.creditCode.code;
      const actor = caller.principal.sub;
      const where = { buildingCode_creditCode: { buildingCode, creditCode } };
      // The first to add it writes it and its audit row; a repeat, or a team mate at the same moment, reads it.
      const created = await db.$transaction(async (tx) => {
        const { count } = await tx.surveyFirm.createMany({
          data: [{ buildingCode, name: body.name, creditCode, unit: body.unit ?? null, addedBy: actor, addedAt: new Date() }],
          skipDuplicates: true,
        });
        if (count === 0) return false;
        const row = await tx.surveyFirm.findUniqueOrThrow({ where });
        await writeAudit(tx, { actor, action: 'SURVEY_FIRM_ADDED', subject: `survey-firm:${row.id}`, after: { building: buildingCode, name: row.name, creditCode, unit: row.unit } });
        if (body.creditCode.warnings.length) await auditCreditCodeOverride(tx, { actor, creditCode, warnings: body.creditCode.warnings, opened: { surveyFirm: row.id } });
        return true;
      });
      return { created, view: firmView(await db.surveyFirm.findUniqueOrThrow({ where, include: { visits: true } })) };
    },

    /**
     * A visit by a member of the team whose list holds the firm's building; a need found opens
     * its lead in the same request (the visit names it). With an Idempotency-Key the visit id
     * derives from it: a repeat with the same body answers the same visit, one with another body
     * is refused.
     */
    async record(caller: Caller, body: z.output<typeof VisitBody>): Promise<{ created: boolean; view: ReturnType<typeof visitView> }> {
      const { principal } = caller;
      const firm = await db.surveyFirm.findFirst({ where: { id: body.firmId, building: { teamCode: principal.team ?? '', retiredAt: null } }, include: { building: { include: { community: true } } } });
      if (!firm) throw notFound('Firm', body.firmId);
      const need = body.need && (await needOf(db, body.need));
      const keyed = keyedRequest(principal.sub, 'recordVisit', caller.idempotencyKey(), body);
      const visitId = `VS-${recordDigits(keyed).slice(0, 16).toUpperCase()}`;
      if (await keySeen(db, keyed, `It recorded visit ${visitId} with a different body; use a new key for a new visit`)) {
        const replay = await db.visit.findUnique({ where: { visitId }, include: { firm: true } });
        if (replay) {
          // The first request may have stopped before its lead answered: opening it again is safe.
          if (replay.leadId) await openVisitLead(replay);
          return { created: false, view: visitView(replay) };
        }
      }
      const visit = await db.$transaction(async (tx) => {
        // A concurrent repeat of the same key got here first: it answers; this one is told to read it.
        if (!(await claimKey(tx, keyed))) {
          throw new Problem(409, 'visit-in-progress', 'This visit is being recorded by a repeat of the request', `走访记录 ${visitId} 正由一次重复请求记录，请在走访列表中查看，或用同一 Idempotency-Key 重新提交。 Read visit ${visitId} in GET /api/v1/visits, or resend with the same key`);
        }
        const row = await tx.visit.create({
          data: {
            visitId,
            firmId: firm.id,
            teamCode: firm.building.teamCode!,
            buildingCode: firm.buildingCode,
            communityCode: firm.building.communityCode,
            streetCode: firm.building.community.streetCode,
            visitedAt: new Date(),
            visitedBy: principal.sub,
            outcome: body.outcome,
            need: need as object | undefined,
            note: body.note ?? null,
            leadId: need ? leadIdOf({ kind: 'VISIT', id: visitId }) : null,
          },
          include: { firm: true },
        });
        await writeAudit(tx, { actor: principal.sub, action: 'VISIT_RECORDED', subject: `visit:${visitId}`, after: { firm: firm.id, outcome: body.outcome, need: need ?? null, note: body.note ?? null } });
        return row;
      });
      if (visit.leadId) await openVisitLead(visit);
      return { created: true, view: visitView(visit) };
    },

    /** Visits within the caller's reach, newest first. */
    async visits(caller: Caller, q: z.output<typeof VisitsQuery>) {
      const rows = await db.visit.findMany({
        where: { AND: [visitsWhere(await surveyReach(db, caller.principal)), { streetCode: q.street, teamCode: q.team, outcome: q.outcome }] },
        orderBy: [{ visitedAt: 'desc' }, { visitId: 'desc' }],
        take: q.limit,
        include: { firm: true },
      });
      return { items: rows.map(visitView) };
    },

    /** The survey funnel (摸排漏斗) of the visits (by event, the matching events' meetings) within the caller's reach in the range. */
    async funnel(caller: Caller, q: z.output<typeof SurveyFunnelQuery>) {
      return querySurveyFunnel(db, funnelReach(await surveyReach(db, caller.principal)), q);
    },
  };
}
