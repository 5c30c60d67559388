// The survey funnel's data access (domain/survey/funnel.ts): the visits a reach made in a date
// range (or the meetings at the matching events held in it), the leads their needs opened, the
// cases those became and their decisions and payments. The API narrows it to the caller's survey
// reach (api/services/surveyScope.ts).
import { funnel, funnelFigures, type FunnelCase, type FunnelFigures, type FunnelGroupBy, type FunnelVisit } from '../domain/survey/funnel';
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

/** The names of the groups' codes, from the reference data (an event's are its titles). */
async function namesOf(db: Database, groupBy: FunnelGroupBy, codes: string[]): Promise<Map<string, Named>> {
  const where = { where: { code: { in: codes } }, select: { code: true, nameZh: true, nameEn: true } };
  const rows: Named[] =
    groupBy === 'street' ? await db.street.findMany(where)
    : groupBy === 'community' ? await db.community.findMany(where)
    : groupBy === 'team' ? await db.visitTeam.findMany(where)
    : groupBy === 'bank' ? await db.bank.findMany(where)
    : (await db.matchingEvent.findMany({ where: { id: { in: codes } }, select: { id: true, titleZh: true, titleEn: true } })).map((e) => ({ code: e.id, nameZh: e.titleZh, nameEn: e.titleEn }));
  return new Map(rows.map((r) => [r.code, r]));
}

/** A funnel row before its lead is followed. */
type Sighting = Omit<FunnelVisit, 'lead'> & { leadId: string | null };

/** The visits matching `where` made in the range. */
async function visitSightings(db: Database, where: Prisma.VisitWhereInput, q: DateRange): Promise<Sighting[]> {
  const visits = await db.visit.findMany({
    where: { AND: [where, { visitedAt: rangeInstants(q) }] },
    select: { visitedAt: true, buildingCode: true, firmId: true, streetCode: true, communityCode: true, teamCode: true, outcome: true, leadId: true },
  });
  const teams = [...new Set(visits.map((v) => v.teamCode))];
  const bankSeats = await db.visitTeamMember.findMany({ where: { teamCode: { in: teams }, seat: 'BANK' }, select: { teamCode: true, bankCode: true } });
  const bankOf = new Map(bankSeats.map((m) => [m.teamCode, m.bankCode]));
  return visits.map((v) => ({
    visitedAt: v.visitedAt,
    buildingCode: v.buildingCode,
    firmId: v.firmId,
    street: v.streetCode,
    community: v.communityCode,
    team: v.teamCode,
    bank: bankOf.get(v.teamCode) ?? null,
    event: null,
    needFound: v.outcome === 'NEED_FOUND',
    leadId: v.leadId,
  }));
}

/** The meetings at the matching events matching `where`, each at its firm's registered street (null for registrations before streets were asked). */
async function meetingSightings(db: Database, where: Prisma.MatchingEventWhereInput): Promise<Sighting[]> {
  const events = await db.matchingEvent.findMany({
    where,
    select: { id: true, outcomes: { select: { creditCode: true, bankCode: true, kind: true, leadId: true, recordedAt: true } }, registrations: { select: { creditCode: true, streetCode: true } } },
  });
  return events.flatMap((e) => {
    const streetOf = new Map(e.registrations.map((r) => [r.creditCode, r.streetCode]));
    return e.outcomes.map((o) => ({
      visitedAt: o.recordedAt,
      buildingCode: null,
      firmId: o.creditCode,
      street: streetOf.get(o.creditCode) ?? null,
      community: null,
      team: null,
      bank: o.bankCode,
      event: e.id,
      needFound: o.kind === 'NEED',
      leadId: o.leadId,
    }));
  });
}

/** Each row with the lead its need opened, when that lead exists, and the case it became. */
async function followLeads(db: Database, sightings: readonly Sighting[]): Promise<FunnelVisit[]> {
  const leadIds = [...new Set(sightings.flatMap((v) => (v.leadId ? [v.leadId] : [])))];
  const [leads, cases] = await Promise.all([db.lead.findMany({ where: { leadId: { in: leadIds } }, select: { leadId: true } }), casesOfLeads(db, leadIds)]);
  const opened = new Set(leads.map((l) => l.leadId));
  return sightings.map(({ leadId, ...v }) => ({ ...v, lead: leadId && opened.has(leadId) ? { leadId, case: cases.get(leadId) ?? null } : null }));
}

/** Whose rows a funnel counts: the visits matching `visits`, or (by event) the meetings at firms of `meetingStreets` (all when absent). */
export interface FunnelReach {
  visits: Prisma.VisitWhereInput;
  meetingStreets?: readonly string[];
}

/**
 * The funnel of the visits in reach made in the range; by event, of the meetings at the matching
 * events held in the range instead.
 */
export async function querySurveyFunnel(db: Database, reach: FunnelReach, q: DateRange & { groupBy: FunnelGroupBy }): Promise<SurveyFunnelReport> {
  const eventsHeld = { date: { gte: new Date(q.from), lte: new Date(q.to) } };
  const [sightings, calendar] = await Promise.all([
    q.groupBy === 'event' ? meetingSightings(db, eventsHeld) : visitSightings(db, reach.visits, q),
    calendarOf(db),
  ]);
  const inReach = reach.meetingStreets && q.groupBy === 'event' ? sightings.filter((s) => s.street !== null && reach.meetingStreets!.includes(s.street)) : sightings;
  const { overall, groups } = funnel(await followLeads(db, inReach), calendar, q.groupBy);
  const names = await namesOf(db, q.groupBy, groups.map((g) => g.code));
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    overall,
    groups: groups.map((g) => ({ ...g, ...(names.get(g.code) ?? { code: g.code, nameZh: g.code, nameEn: g.code }) })),
  };
}

/** The funnel of one matching event's meetings, whatever the caller's reach (the event report's). */
export async function matchingEventFunnel(db: Database, eventId: string): Promise<FunnelFigures> {
  const [sightings, calendar] = await Promise.all([meetingSightings(db, { id: eventId }), calendarOf(db)]);
  return funnelFigures(await followLeads(db, sightings), calendar);
}
