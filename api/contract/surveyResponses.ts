// Response bodies of the survey network, the visit list and visits (api/routes/surveyNetwork.ts,
// api/routes/visits.ts), strict like the rest.
import { z } from 'zod';
import { FUNNEL_GROUPS, FUNNEL_INTERVALS, type FunnelInterval } from '../../domain/survey/funnel';
import { SIGNALS } from '../../domain/screening/policy';
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

const count = z.number().int();
const rate = z.number().nullable().describe('This stage ÷ the one before it, 4 decimals; null when that is 0');
const medianDays = z.number().nullable().describe('Median working days, 3 decimals; null when no case reached the later stage');

export const SurveyFunnelFigures = z.strictObject({
  buildingsWalked: count,
  firmsVisited: count,
  needsFound: count.describe('Visits that found a need'),
  leads: count.describe('Leads those needs opened'),
  casesOpened: count.describe('Those leads converted into a case'),
  decided: count.describe('Those cases approved or rejected'),
  disbursed: count.describe('Those cases paid'),
  disbursedFen: count,
  disbursedAmount: z.string().describe('CNY, 2 decimals'),
  rates: z.strictObject({ needsFound: rate, leads: rate, casesOpened: rate, decided: rate, disbursed: rate }),
  medianWorkingDays: z.strictObject(Object.fromEntries(FUNNEL_INTERVALS.map((i) => [i, medianDays])) as Record<FunnelInterval, typeof medianDays>),
});

export const SurveyFunnel = z.strictObject({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(FUNNEL_GROUPS),
  overall: SurveyFunnelFigures,
  groups: z.array(SurveyFunnelFigures.extend(names)),
});

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

/** One signal the screening model found: the input against its threshold, Chinese first. */
export const ScreeningReason = z.strictObject({
  signal: z.enum(SIGNALS),
  points: z.number().int(),
  input: z.string().describe('The indicator as imported'),
  threshold: z.string().describe('The threshold it reached'),
  text: z.string().describe('Chinese first, then English'),
});

const screening = {
  flagged: z.boolean(),
  points: z.number().int().describe('The points of the signals shown; flagged at the policy’s mark'),
  reasons: z.array(ScreeningReason).describe('The signals shown, strongest first'),
};

/** A screening-track entry of the visit list: a firm the model flagged, with its reasons. */
export const ScreenedFirmView = z.strictObject({
  track: z.literal('SCREENING'),
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  street: z.string(),
  building: z.string().nullable().describe('The building the import named; null: the street’s officers find it'),
  firmId: z.string().nullable().describe('The firm on the building’s list, to record a visit to'),
  ...screening,
  policyVersion: z.string(),
  source: z.string().nullable(),
  importedAt: instant,
});

const rowErrors = z.array(z.strictObject({ row: z.number().int(), errors: z.array(z.strictObject({ field: z.string(), message: z.string() })) })).describe('Bad rows left out (skipBadRows only)');
const written = z.strictObject({ created: z.number().int(), changed: z.number().int(), unchanged: z.number().int() });

/** What a bank import did, row by row. */
export const BankImportView = z.strictObject({
  rows: z.number().int().describe('Data rows in the CSV'),
  written,
  skipped: rowErrors,
  entries: z.array(z.strictObject({ row: z.number().int(), kind: z.enum(['BANK', 'BRANCH']), code: z.string(), bank: z.string(), result: z.enum(['CREATED', 'CHANGED', 'UNCHANGED']) })),
});

/** What a screening import did, row by row. */
export const ScreeningImportView = z.strictObject({
  street: z.string(),
  source: z.string().nullable(),
  importedAt: instant,
  rows: z.number().int().describe('Data rows in the CSV'),
  written,
  flagged: z.number().int(),
  skipped: rowErrors,
  firms: z.array(z.strictObject({ row: z.number().int(), creditCode: z.string(), name: z.string(), building: z.string().nullable(), ...screening })),
});

/** 走访清单: the buildings on the caller's list, each with the firms found in it, and the firms screening flagged. */
export const VisitListView = z.strictObject({
  items: z.array(z.strictObject({ building: BuildingView, firms: z.array(SurveyFirmView) })),
  /** The screening track: firms the model flagged, within reach (a team or community: those in its buildings). */
  screening: z.array(ScreenedFirmView),
  totals: z.strictObject({
    screeningFlagged: z.number().int(),
    buildings: z.number().int(),
    firms: z.number().int(),
    visited: z.number().int(),
    needsFound: z.number().int(),
  }),
});

export const SURVEY_RESPONSE_SCHEMAS = {
  CommunityView,
  BuildingView,
  TeamView,
  SurveyNetwork,
  VisitView,
  VisitList,
  SurveyFunnel,
  SurveyFunnelCsv: z.string().describe('UTF-8 CSV with a header row: one line per group, then the overall line'),
  SurveyFirmView,
  VisitListView,
  ScreeningReason,
  ScreenedFirmView,
  ScreeningImportView,
  BankImportView,
} as const;
