// Requests about the survey network (communities, buildings, visiting teams, banks' branches and
// the streets they are stationed at), the visit list and visits.
import { z } from 'zod';
import { FUNNEL_GROUPS } from '../../domain/survey/funnel';
import { SEATS, URGENCIES, VISIT_OUTCOMES } from '../../domain/surveyNetwork';
import { creditCodeText, positiveCny, trimmed } from './cases';
import { importBody, optionalCell, yesNo } from './csvCells';
import { isoDate, withRangeChecks } from './sla';

/** A reference code: lower-case letters, digits and dashes (lujiang-01-b1). */
export const NetworkCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be 2-40 lower-case letters, digits and -, starting with a letter or digit');

export const NetworkCodeParams = z.strictObject({ code: NetworkCode });
export const BranchParams = z.strictObject({ bank: NetworkCode, code: NetworkCode });

const names = { nameZh: trimmed(100), nameEn: trimmed(200) };
/** Soft retirement: what names it still reads; nothing new may name it. `false` reinstates it. */
const retired = z.boolean().default(false).describe('true retires it (it stays for the cases and visits that name it); false keeps or reinstates it');

export const BankBody = z.strictObject({ ...names, retired });

export const BranchBody = z.strictObject({
  ...names,
  /** Streets whose visit lists the branch's customer managers join; a street left out is no longer stationed. */
  stations: z.array(NetworkCode).max(10).refine((s) => new Set(s).size === s.length, 'names a street twice'),
  retired,
});

/** Banks and branches loaded from a CSV, each row as the bank's or the branch's PUT takes it. */
export const BankImportBody = z.strictObject(importBody);

/** One row of a bank import: a bank (no branch) or one of its branches, cells as text. */
export const BankImportRow = z
  .strictObject({
    bank: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), NetworkCode),
    branch: optionalCell(NetworkCode),
    ...names,
    /** Street codes separated by ; 、 | or spaces. */
    stations: optionalCell(z.string().transform((v) => v.split(/[;；、|\s]+/).filter(Boolean))),
    retired: optionalCell(yesNo),
  })
  .refine((r) => r.branch !== undefined || r.stations === undefined, { message: 'a bank row (no branch) has no stations', path: ['stations'] });

/** The columns of a bank import, each with the Chinese header it may go by instead. */
export const BANK_IMPORT_COLUMNS: Record<keyof z.input<typeof BankImportRow>, string> = {
  bank: '银行',
  branch: '网点',
  nameZh: '中文名称',
  nameEn: '英文名称',
  stations: '驻点街道',
  retired: '停用',
};

export const CommunityBody = z.strictObject({ street: NetworkCode, ...names, retired });

export const BuildingBody = z.strictObject({
  community: NetworkCode,
  ...names,
  address: trimmed(200),
  /** The visiting team whose list it is on; null: on nobody's list yet. */
  team: NetworkCode.nullable(),
  retired,
});

const TeamMemberBody = z
  .strictObject({
    seat: z.enum(SEATS),
    name: trimmed(50),
    /** The member's sign-in subject, if they have an account. */
    staffId: trimmed(64).optional(),
    /** A BANK seat's bank. */
    bank: NetworkCode.optional(),
    /** A PROPERTY seat's property management company. */
    organisation: trimmed(200).optional(),
  })
  .refine((m) => m.seat !== 'BANK' || m.bank !== undefined, { message: 'a BANK seat names its bank', path: ['bank'] })
  .refine((m) => m.seat !== 'PROPERTY' || m.organisation !== undefined, { message: 'a PROPERTY seat names its property management company', path: ['organisation'] });

export const TeamBody = z.strictObject({
  community: NetworkCode,
  ...names,
  members: z
    .array(TeamMemberBody)
    .length(3, 'a visiting team has three members: STREET, BANK and PROPERTY')
    .refine((ms) => new Set(ms.map((m) => m.seat)).size === 3, 'a visiting team has one member of each seat: STREET, BANK and PROPERTY'),
  retired,
});

export const SurveyNetworkQuery = z.strictObject({ street: NetworkCode.optional() });

/** GET /api/v1/visit-list: the caller's list, narrowed further if asked. */
export const VisitListQuery = z.strictObject({ street: NetworkCode.optional(), community: NetworkCode.optional(), team: NetworkCode.optional() });

/** A firm a team found in a building. */
export const SurveyFirmBody = z.strictObject({
  name: trimmed(200),
  creditCode: creditCodeText,
  /** Floor and room, as the building numbers them. */
  unit: trimmed(50).optional(),
  confirmCreditCodeWarnings: z.boolean().default(false),
});

export const FinancingNeedBody = z.strictObject({
  amount: positiveCny,
  purpose: trimmed(1000),
  urgency: z.enum(URGENCIES),
  /** What the firm could pledge, in its words; leave out when it has none. */
  collateral: trimmed(500).optional(),
  patents: z.number().int('must be a whole number').min(0).max(10_000),
  /** A bank that already refused the firm: its lead goes to the joint consultation. */
  refusedBy: z.strictObject({ bank: NetworkCode, reason: trimmed(500) }).optional(),
});

export const VisitBody = z
  .strictObject({
    firmId: z.uuid('must be the id of a firm on your list'),
    outcome: z.enum(VISIT_OUTCOMES),
    /** With NEED_FOUND: what the firm needs. */
    need: FinancingNeedBody.optional(),
    note: trimmed(1000).optional(),
  })
  .refine((v) => (v.outcome === 'NEED_FOUND') === (v.need !== undefined), { message: 'NEED_FOUND carries the need; NO_NEED carries none', path: ['need'] });

export const VisitsQuery = z.strictObject({
  street: NetworkCode.optional(),
  team: NetworkCode.optional(),
  outcome: z.enum(VISIT_OUTCOMES).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(50),
});

/** The survey funnel: the visits of a date range (Asia/Shanghai), grouped; by event, the meetings of the events held in it. */
export const SurveyFunnelQuery = withRangeChecks(
  z.strictObject({
    from: isoDate,
    to: isoDate,
    groupBy: z.enum(FUNNEL_GROUPS, { error: 'must be street, community, team, bank or event' }).default('street'),
    format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).optional(),
  }),
);
