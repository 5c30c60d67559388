import { COORDINATION_GROUP, TASK_FORCE_LEADERS } from '../domain/escalation';
import type { Principal } from '../domain/people';

/** Development sign-in: one user per role and scope (embedded default only). */
export const DEV_USERS: readonly Principal[] = [
  { sub: 'lujiang-officer', name: '林晓燕 (鹭江街道经济服务办)', role: 'case_officer', street: 'lujiang' },
  { sub: 'lianqian-officer', name: '陈志强 (莲前街道经济服务办)', role: 'case_officer', street: 'lianqian' },
  { sub: 'lujiang-grid', name: '黄丽 (鹭江街道网格员)', role: 'grid_officer', street: 'lujiang' },
  { sub: 'xib-manager', name: '王磊 (厦门国际银行客户经理)', role: 'customer_manager', bank: 'xib' },
  { sub: 'xib-approver', name: '郑敏 (厦门国际银行审批)', role: 'credit_approver', bank: 'xib' },
  { sub: 'ccb-manager', name: '刘洋 (建设银行客户经理)', role: 'customer_manager', bank: 'ccb' },
  { sub: 'ccb-approver', name: '吴静 (建设银行审批)', role: 'credit_approver', bank: 'ccb' },
  { sub: 'assessor', name: '许文 (第三方评估机构)', role: 'assessor' },
  { sub: 'task-force', name: '蔡明 (专班综合协调组)', role: 'task_force' },
  { sub: 'task-force-lead', name: '周建华 (专班负责人)', role: 'task_force' },
  { sub: 'manager', name: '李红 (管理者)', role: 'manager' },
  { sub: 'operator', name: '张伟 (运维)', role: 'operator' },
  { sub: 'lujiang-visitor', name: '陈海峰 (鹭江第1社区走访一组)', role: 'visit_team_member', street: 'lujiang', community: 'lujiang-01', team: 'lujiang-01-t1' },
  { sub: 'lujiang-community', name: '苏雅琴 (鹭江第1社区)', role: 'community_coordinator', street: 'lujiang', community: 'lujiang-01' },
  { sub: 'survey-group', name: '何志远 (专班摸排走访组)', role: 'survey_officer' },
  // The demo's 莲前 biotech firm (dev/demo.ts), which applies for 善科贷 and confirms on a phone.
  { sub: 'biotech-firm', name: '赵静 (厦门莲前生物科技有限公司)', role: 'firm', creditCode: '91350203MA8LQ5W50C' },
];

/** The development users' groups in the staff directory: who supervises breaches, who leads. */
export const DEV_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'task-force': [COORDINATION_GROUP],
  'task-force-lead': [TASK_FORCE_LEADERS],
};
