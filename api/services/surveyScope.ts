// Who reaches which part of the survey: the visit list, the firms found and the visits all ask
// here. A team member reaches their team's buildings, a community coordinator the community, a
// street's officers the street, a bank the streets its branches are stationed at, the district's
// roles (the task force's survey group among them) everything; what is out of reach is a 404.
import type { Principal } from '../../domain/people';
import type { Database } from '../../infra/database';
import type { Prisma } from '../../prisma/generated/client';
import type { FunnelReach } from '../../readModels/surveyFunnelQuery';

/** Where a principal's survey reach ends; an empty object is the whole district. */
export interface SurveyReach {
  team?: string;
  community?: string;
  streets?: string[];
}

export async function surveyReach(db: Database, p: Principal): Promise<SurveyReach> {
  switch (p.role) {
    case 'visit_team_member':
      return { team: p.team ?? '' };
    case 'community_coordinator':
      return { community: p.community ?? '' };
    case 'case_officer':
    case 'grid_officer':
      return { streets: [p.street ?? ''] };
    case 'customer_manager':
    case 'credit_approver':
      return { streets: await stationedStreets(db, p.bank ?? '') };
    case 'assessor':
    case 'firm':
      return { streets: [] };
    case 'survey_officer':
    case 'task_force':
    case 'manager':
    case 'operator':
      return {};
  }
}

/** The streets where a branch of the bank is stationed now. */
export async function stationedStreets(db: Database, bankCode: string): Promise<string[]> {
  const rows = await db.branchStation.findMany({
    where: { retiredAt: null, branch: { bankCode, retiredAt: null } },
    select: { streetCode: true },
    distinct: ['streetCode'],
  });
  return rows.map((r) => r.streetCode);
}

/** The buildings on the lists a reach covers. */
export function buildingsWhere(r: SurveyReach): Prisma.BuildingWhereInput {
  return {
    ...(r.team !== undefined ? { teamCode: r.team } : {}),
    ...(r.community !== undefined ? { communityCode: r.community } : {}),
    ...(r.streets ? { community: { streetCode: { in: r.streets } } } : {}),
  };
}

/** The visits a reach covers, by where they happened. */
export function visitsWhere(r: SurveyReach): Prisma.VisitWhereInput {
  return {
    ...(r.team !== undefined ? { teamCode: r.team } : {}),
    ...(r.community !== undefined ? { communityCode: r.community } : {}),
    ...(r.streets ? { streetCode: { in: r.streets } } : {}),
  };
}

/** The survey funnel's reach: the visits, and the matching events' meetings by the firm's street (a team's or a community's reach holds none). */
export function funnelReach(r: SurveyReach): FunnelReach {
  const meetingStreets = r.team !== undefined || r.community !== undefined ? [] : r.streets;
  return { visits: visitsWhere(r), ...(meetingStreets ? { meetingStreets } : {}) };
}

/** The leads a reach covers, by where their need was found. */
export function leadsWhere(r: SurveyReach): Prisma.LeadWhereInput {
  return {
    ...(r.team !== undefined ? { teamCode: r.team } : {}),
    ...(r.community !== undefined ? { communityCode: r.community } : {}),
    ...(r.streets ? { streetCode: { in: r.streets } } : {}),
  };
}
