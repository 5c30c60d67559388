// Who is calling, as the API sees it after verifying the bearer token.

export const ROLES = [
  'case_officer', // 街道经济服务办公室: opens cases for their street
  'grid_officer', // 网格员: their street
  'customer_manager', // 银行客户经理: their bank
  'credit_approver', // 银行审批: their bank
  'assessor', // 第三方评估机构: cases assigned to them
  'task_force', // 专班办公室: the district, escalations
  'manager', // 管理者: the district, read and reports
  'operator', // 运维: calendar and administration
] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  name: string;
  role: Role;
  /** Street code, for street-scoped roles. */
  street?: string;
  /** Bank code, for bank-scoped roles. */
  bank?: string;
}
