// The survey network (摸排) below the streets: communities, the commercial buildings in them, the
// three-person visiting teams that walk them (street + bank + property management), and what a
// visit finds. Its codes derive from the street's, so the seed and the demo name the same
// community alike; the seed loads one community of 鹭江 (the development users' own), the demo
// the rest of the district.

import type { Role } from './people';

/** Who keeps the network: the task force (and its survey group) and operators. */
export const NETWORK_KEEPERS = ['task_force', 'survey_officer', 'operator'] as const satisfies readonly Role[];
/** Who adds a firm found in a building of their list. */
export const FIRM_FINDERS = ['visit_team_member', 'community_coordinator', 'survey_officer'] as const satisfies readonly Role[];
/** Who imports a street's firms for screening (大数据建模): a case officer their street's, the district any. */
export const SCREENING_IMPORTERS = ['case_officer', 'task_force', 'survey_officer'] as const satisfies readonly Role[];
/** Who organises bank–enterprise matching events (银企对接会) and registers firms. */
export const EVENT_ORGANISERS = ['task_force', 'survey_officer'] as const satisfies readonly Role[];
/** Who records a meeting's outcome: the organisers, and a customer manager for their own bank. */
export const OUTCOME_RECORDERS = [...EVENT_ORGANISERS, 'customer_manager'] as const satisfies readonly Role[];
/** Who reads events: the district's roles, and the staff of the banks attending. */
export const EVENT_READERS = ['task_force', 'survey_officer', 'manager', 'operator', 'customer_manager', 'credit_approver'] as const satisfies readonly Role[];

export const SEATS = ['STREET', 'BANK', 'PROPERTY'] as const;
export type Seat = (typeof SEATS)[number];

export interface TeamMember {
  seat: Seat;
  name: string;
  staffId?: string;
  bankCode?: string;
  organisation?: string;
}

export interface CommunityRef {
  code: string;
  streetCode: string;
  nameZh: string;
  nameEn: string;
}
export interface TeamRef {
  code: string;
  communityCode: string;
  nameZh: string;
  nameEn: string;
  members: TeamMember[];
}
export interface BuildingRef {
  code: string;
  communityCode: string;
  nameZh: string;
  nameEn: string;
  address: string;
  teamCode: string | null;
}

/** A street's name without 街道, as people say it (鹭江). */
const shortZh = (streetZh: string) => streetZh.replace(/街道$/, '');
const shortEn = (streetEn: string) => streetEn.replace(/ Street$/, '');
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The n-th community of a street (n from 1): its code and names. */
export function communityOf(street: { code: string; nameZh: string; nameEn: string }, n: number): CommunityRef {
  const nn = String(n).padStart(2, '0');
  return { code: `${street.code}-${nn}`, streetCode: street.code, nameZh: `${shortZh(street.nameZh)}第${n}社区`, nameEn: `${shortEn(street.nameEn)} Community ${n}` };
}

/** The n-th visiting team of a community (n from 1, at most 10). */
export function teamOf(community: CommunityRef, n: number, members: TeamMember[]): TeamRef {
  return { code: `${community.code}-t${n}`, communityCode: community.code, nameZh: `${community.nameZh}走访${CHINESE_ORDINALS[n - 1]}组`, nameEn: `${community.nameEn} visiting team ${n}`, members };
}

/** The n-th commercial building of a community, on `teamCode`'s list. */
export function buildingOf(community: CommunityRef, n: number, teamCode: string | null, address: string): BuildingRef {
  return { code: `${community.code}-b${n}`, communityCode: community.code, nameZh: `${community.nameZh}商务楼${n}号`, nameEn: `${community.nameEn} office building ${n}`, address, teamCode };
}

const LUJIANG = { code: 'lujiang', nameZh: '鹭江街道', nameEn: 'Lujiang Street' };
const LUJIANG_1 = communityOf(LUJIANG, 1);

/** What every start loads: 鹭江's first community, its first team (the development visitor's) and building. */
export const SURVEY_SEED = {
  communities: [LUJIANG_1],
  teams: [
    teamOf(LUJIANG_1, 1, [
      { seat: 'STREET', name: '陈海峰', staffId: 'lujiang-visitor' },
      { seat: 'BANK', name: '王磊', staffId: 'xib-manager', bankCode: 'xib' },
      { seat: 'PROPERTY', name: '黄志明', organisation: '厦门鹭江物业管理有限公司' },
    ]),
  ],
  buildings: [buildingOf(LUJIANG_1, 1, `${LUJIANG_1.code}-t1`, '思明区鹭江道100号')],
} as const satisfies { communities: CommunityRef[]; teams: TeamRef[]; buildings: BuildingRef[] };

// ---- What a visit finds ------------------------------------------------------------------------

export const VISIT_OUTCOMES = ['NEED_FOUND', 'NO_NEED'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** How soon the firm needs the money: 急需（一周内）, 一个月内, 三个月内, 暂不急需. */
export const URGENCIES = ['IMMEDIATE', 'WITHIN_MONTH', 'WITHIN_QUARTER', 'LATER'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** A firm's financing need as the team recorded it. */
export interface FinancingNeed {
  amountFen: number;
  purpose: string;
  urgency: Urgency;
  /** What the firm could pledge, in its words; absent when it has none. */
  collateral?: string;
  /** Patents the firm holds (sci-tech credit is backed by them). */
  patents: number;
  /** A bank that already refused the firm, and why, as the firm told it. */
  refusedBy?: { bankCode: string; reason: string };
}
