// The people who work cases and walk the survey, and the firms they serve: their roles and where
// each role reaches (a street, a bank, a community, a visiting team, a firm's own credit code). The API reads them from a verified token; the
// workflows' validators check who may do what with them.

export const ROLES = [
  'case_officer', // 街道经济服务办公室: opens cases for their street
  'grid_officer', // 网格员: their street
  'customer_manager', // 银行客户经理: their bank
  'credit_approver', // 银行审批: their bank
  'assessor', // 第三方评估机构: cases assigned to them
  'task_force', // 专班办公室: the district, escalations
  'manager', // 管理者: the district, read and reports
  'operator', // 运维: calendar and administration
  'visit_team_member', // 走访小组成员 (街道+银行+物业): their team's buildings and visits
  'community_coordinator', // 社区: their community's teams, buildings and visits
  'survey_officer', // 专班摸排走访组: the survey network and every visit of the district
  'firm', // 企业: its own cases, by its credit code (docs/firm.md)
] as const;
export type Role = (typeof ROLES)[number];

/** Everyone who works for the district or a bank: every role but the firm's. */
export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'firm'> => r !== 'firm');

export interface Principal {
  sub: string;
  name: string;
  role: Role;
  /** Street code, for street-scoped roles. */
  street?: string;
  /** Bank code, for bank-scoped roles. */
  bank?: string;
  /** Community code, for a community coordinator. */
  community?: string;
  /** Visiting team code, for a team member. */
  team?: string;
  /** The firm's Unified Social Credit Code, for a firm: the one claim its reach rests on. */
  creditCode?: string;
}

/** What the workflows need to know of a person to judge a duty: their role and its reach. */
export type StaffProfile = Pick<Principal, 'role' | 'street' | 'bank'>;
