// The survey funnel's data access (domain/survey/funnel.ts): the visits a reach made in a date
// range, the leads their needs opened, the cases those became and their decisions and payments.
// The API narrows it to the caller's survey reach (api/services/surveyScope.ts).
import { funnel, type FunnelCase, type FunnelFigures, type FunnelGroupBy, type FunnelVisit } from '../domain/survey/funnel';
import type { IsoDate } from '../domain/calendar/types';
import type { Database } from '../infra/database';
import type { Prisma } from '../prisma/generated/client';
import { eventAmountFen } from './eventAmount';
import { calendarOf, rangeInstants, type DateRange, type Named } from './slaSummaryQuery';

export interface SurveyFunnelReport {
  from: IsoDate;
  to: IsoDate;
  groupBy: FunnelGroupBy;
  overall: FunnelFigures;
  groups: (FunnelFigures & Named)[];
}

/** Each converted lead's case, with its first decision, first payment and the payments' sum. */
async function casesOfLeads(db: Database, leadIds: string[]): Promise<Map<string, FunnelCase>> {
  const rows = await db.loanCase.findMany({
    where: { leadId: { in: leadIds } },
    select: { leadId: true, acceptedAt: true, events: { where: { type: { in: ['APPROVED', 'REJECTED', 'DISBURSED'] } }, select: { type: true, at: true, data: true }, orderBy: { at: 'asc' } } },
  });
  return new Map(
    rows.map((c) => {
      const payments = c.events.filter((e) => e.type === 'DISBURSED');
      return [
        c.leadId!,
        {
          acceptedAt: c.acceptedAt,
          decidedAt: c.events.find((e) => e.type !== 'DISBURSED')?.at ?? null,
          disbursedAt: payments[0]?.at ?? null,
          disbursedFen: payments.reduce((n, e) => n + eventAmountFen(e.data), 0),
        },
      ];
    }),
  );
}

/** The names of the groups' codes, from the reference data. */
async function namesOf(db: Database, groupBy: FunnelGroupBy, codes: string[]): Promise<Map<string, Named>> {
  const where = { where: { code: { in: codes } }, select: { code: true, nameZh: true, nameEn: true } };
  const rows: Named[] =
    groupBy === 'street' ? await db.street.findMany(where)
    : groupBy === 'community' ? await db.community.findMany(where)
    : groupBy === 'team' ? await db.visitTeam.findMany(where)
    : await db.bank.findMany(where);
  return new Map(rows.map((r) => [r.code, r]));
}

/** The funnel of the visits matching `where` made in the range. */
export async function querySurveyFunnel(db: Database, where: Prisma.VisitWhereInput, q: DateRange & { groupBy: FunnelGroupBy }): Promise<SurveyFunnelReport> {
  const [visits, calendar] = await Promise.all([
    db.visit.findMany({
      where: { AND: [where, { visitedAt: rangeInstants(q) }] },
      select: { visitedAt: true, buildingCode: true, firmId: true, streetCode: true, communityCode: true, teamCode: true, outcome: true, leadId: true },
    }),
    calendarOf(db),
  ]);
  const leadIds = [...new Set(visits.flatMap((v) => (v.leadId ? [v.leadId] : [])))];
  const teams = [...new Set(visits.map((v) => v.teamCode))];
  const [leads, cases, bankSeats] = await Promise.all([
    db.lead.findMany({ where: { leadId: { in: leadIds } }, select: { leadId: true } }),
    casesOfLeads(db, leadIds),
    db.visitTeamMember.findMany({ where: { teamCode: { in: teams }, seat: 'BANK' }, select: { teamCode: true, bankCode: true } }),
  ]);
  const opened = new Set(leads.map((l) => l.leadId));
  const bankOf = new Map(bankSeats.map((m) => [m.teamCode, m.bankCode]));
  const rows = visits.map(
    (v): FunnelVisit => ({
      visitedAt: v.visitedAt,
      buildingCode: v.buildingCode,
      firmId: v.firmId,
      street: v.streetCode,
      community: v.communityCode,
      team: v.teamCode,
      bank: bankOf.get(v.teamCode) ?? null,
      needFound: v.outcome === 'NEED_FOUND',
      lead: v.leadId && opened.has(v.leadId) ? { leadId: v.leadId, case: cases.get(v.leadId) ?? null } : null,
    }),
  );
  const { overall, groups } = funnel(rows, calendar, q.groupBy);
  const names = await namesOf(db, q.groupBy, groups.map((g) => g.code));
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    overall,
    groups: groups.map((g) => ({ ...g, ...(names.get(g.code) ?? { code: g.code, nameZh: g.code, nameEn: g.code }) })),
  };
}
