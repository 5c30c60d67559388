// Response bodies of the survey network, the visit list and visits (api/routes/surveyNetwork.ts,
// api/routes/visits.ts), strict like the rest.
import { z } from 'zod';
import { SEATS, URGENCIES, VISIT_OUTCOMES } from '../../domain/surveyNetwork';

const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');
const retiredAt = instant.nullable().describe('When it was retired; null while in use');
const names = { code: z.string(), nameZh: z.string(), nameEn: z.string() };

export const CommunityView = z.strictObject({ ...names, street: z.string(), retiredAt });

export const BuildingView = z.strictObject({
  ...names,
  community: z.string(),
  street: z.string(),
  address: z.string(),
  /** The visiting team whose list it is on. */
  team: z.string().nullable(),
  retiredAt,
});

export const TeamView = z.strictObject({
  ...names,
  community: z.string(),
  street: z.string(),
  members: z.array(
    z.strictObject({ seat: z.enum(SEATS), name: z.string(), staffId: z.string().nullable(), bank: z.string().nullable(), organisation: z.string().nullable() }),
  ),
  retiredAt,
});

export const SurveyNetwork = z.strictObject({
  communities: z.array(CommunityView.extend({ teams: z.array(TeamView), buildings: z.array(BuildingView) })),
  /** Counts over what the answer holds, retired entries left out. */
  totals: z.strictObject({ communities: z.number().int(), teams: z.number().int(), buildings: z.number().int() }),
});

export const FinancingNeedView = z.strictObject({
  amount: z.string().describe('CNY, 2 decimals'),
  amountFen: z.number().int(),
  purpose: z.string(),
  urgency: z.enum(URGENCIES),
  collateral: z.string().nullable(),
  patents: z.number().int(),
  refusedBy: z.strictObject({ bank: z.string(), reason: z.string() }).nullable(),
});

export const VisitView = z.strictObject({
  id: z.string(),
  firm: z.strictObject({ id: z.string(), name: z.string(), creditCode: z.string() }),
  team: z.string(),
  building: z.string(),
  community: z.string(),
  street: z.string(),
  visitedAt: instant,
  visitedBy: z.string(),
  outcome: z.enum(VISIT_OUTCOMES),
  need: FinancingNeedView.nullable(),
  note: z.string().nullable(),
  /** The lead the need became. */
  lead: z.string().nullable(),
});

export const VisitList = z.strictObject({ items: z.array(VisitView) });

export const SurveyFirmView = z.strictObject({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  unit: z.string().nullable(),
  building: z.string(),
  addedBy: z.string(),
  addedAt: instant,
  /** The latest visit, if any. */
  lastVisit: z.strictObject({ id: z.string(), visitedAt: instant, outcome: z.enum(VISIT_OUTCOMES), lead: z.string().nullable() }).nullable(),
});

/** 走访清单: the buildings on the caller's list, each with the firms found in it. */
export const VisitListView = z.strictObject({
  items: z.array(z.strictObject({ building: BuildingView, firms: z.array(SurveyFirmView) })),
  totals: z.strictObject({ buildings: z.number().int(), firms: z.number().int(), visited: z.number().int(), needsFound: z.number().int() }),
});

export const SURVEY_RESPONSE_SCHEMAS = { CommunityView, BuildingView, TeamView, SurveyNetwork, VisitView, VisitList, SurveyFirmView, VisitListView } as const;
