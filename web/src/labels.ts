// Names of the API's codes in both languages.
import { PLAN_KIND_LABELS } from '../../domain/consultation/plan';
import { REASON_LABELS } from '../../domain/consultation/reasons';
import { LEAD_CLOSE_REASONS as LEAD_CLOSE_LABELS } from '../../domain/lead/policy';
import { PATENT_TYPE_LABELS } from '../../domain/sciTech/policy';
import type { Lang } from './i18n';

export type Names = Record<string, readonly [zh: string, en: string]>;

export const STAGES: Names = {
  ACCEPTED: ['已受理', 'Accepted'],
  PARALLEL_REVIEW: ['并行审查', 'Parallel review'],
  CREDIT_DECISION: ['授信决策', 'Credit decision'],
  CONTRACTING: ['签约', 'Contracting'],
  DISBURSING: ['放款中', 'Disbursing'],
  DISBURSEMENT_HELD: ['放款金额待核', 'Disbursement held'],
  CONTRACT_CANCELLED: ['合同已撤销', 'Contract cancelled'],
  DISBURSED: ['已放款', 'Disbursed'],
  REJECTED: ['已拒绝', 'Rejected'],
  WITHDRAWN: ['已撤回', 'Withdrawn'],
  // Sci-tech credit
  EVALUATING: ['评分中', 'Evaluating'],
  MANUAL_REVIEW: ['人工审批', 'Manual review'],
};

/** The products a case runs as (and a consultation's plan opens). */
export const PRODUCTS: Names = {
  FAST_TRACK: ['绿色审批通道贷款', 'Fast-track loan'],
  SCI_TECH: ['善科贷', 'Sci-tech credit (善科贷)'],
};

/** Who a firm's case waits on (domain/firmCaseStatus.ts). */
export const WAITING_ON: Names = {
  FIRM: ['您（企业）', 'You (the firm)'],
  STREET: ['街道', 'The street office'],
  BANK: ['银行', 'The bank'],
  ASSESSOR: ['第三方评估机构', 'The third-party assessor'],
  NOBODY: ['无需等待', 'Nobody'],
};

export const SLA_STATES: Names = {
  ON_TRACK: ['正常', 'On track'],
  AT_RISK: ['临近超时', 'At risk'],
  PAUSED: ['暂停计时', 'Paused'],
  BREACHED: ['已超时', 'Breached'],
  MET: ['按时办结', 'On time'],
};

export const TASKS: Names = {
  GRID_SUBMISSION: ['信易贷申报', 'Grid submission'],
  BANK_VIP_CHANNEL: ['银行绿色通道', 'Bank VIP channel'],
  DUE_DILIGENCE: ['第三方尽调', 'Due diligence'],
  PROMISE: ['五个工作日承诺', 'Five-working-day promise'],
};

export const TASK_SLUGS: Record<string, string> = {
  GRID_SUBMISSION: 'grid-submission',
  BANK_VIP_CHANNEL: 'bank-vip-channel',
  DUE_DILIGENCE: 'due-diligence',
};

export const ROLES: Names = {
  case_officer: ['街道受理员', 'Case officer'],
  grid_officer: ['网格员', 'Grid officer'],
  customer_manager: ['银行客户经理', 'Customer manager'],
  credit_approver: ['银行审批', 'Credit approver'],
  assessor: ['第三方评估', 'Assessor'],
  task_force: ['专班', 'Task force'],
  manager: ['管理者', 'Manager'],
  operator: ['运维', 'Operator'],
  visit_team_member: ['走访小组成员', 'Visiting team member'],
  community_coordinator: ['社区', 'Community coordinator'],
  survey_officer: ['专班摸排走访组', 'Survey group'],
  firm: ['企业', 'Firm'],
};

export const OUTCOMES: Names = {
  RECOMMEND: ['推荐', 'Recommend'],
  RECOMMEND_WITH_CONDITIONS: ['附条件推荐', 'Recommend with conditions'],
  NOT_RECOMMENDED: ['不推荐', 'Not recommended'],
  LOW: ['低', 'Low'],
  MEDIUM: ['中', 'Medium'],
  HIGH: ['高', 'High'],
  CONFIRM_REPORTED: ['确认银行报告的放款', 'Confirm the payment the bank reports'],
  RETRY: ['请银行重新放款', 'Ask the bank to pay again'],
};

export const REASONS: Names = {
  LOW_CREDIT_RATING: ['信用评级偏低', 'Low credit rating'],
  REVENUE_BELOW_THRESHOLD: ['营收未达门槛', 'Revenue below threshold'],
  INSUFFICIENT_COLLATERAL: ['担保不足', 'Insufficient collateral'],
  INCOMPLETE_MATERIALS: ['材料不全', 'Incomplete materials'],
  OTHER: ['其他', 'Other'],
};

/** Domain labels written "中文 english", split at the first space. */
const bilingual = (labels: Record<string, string>): Names =>
  Object.fromEntries(Object.entries(labels).map(([code, text]) => [code, [text.slice(0, text.indexOf(' ')), text.slice(text.indexOf(' ') + 1)] as const]));

// Sci-tech credit (善科贷)
export const PATENT_TYPE_NAMES: Names = bilingual(PATENT_TYPE_LABELS);

export const BANDS: Names = {
  AUTO_APPROVE: ['自动批准', 'Automatic approval'],
  MANUAL_REVIEW: ['人工审批', 'Manual review'],
  AUTO_REJECT: ['自动拒绝', 'Automatic rejection'],
};

export const FACTORS: Names = {
  PATENT_PORTFOLIO: ['专利组合', 'Patent portfolio'],
  IP_COVERAGE: ['知识产权价值覆盖', 'IP value coverage'],
  RD_INTENSITY: ['研发强度', 'R&D intensity'],
  REVENUE_TREND: ['营收趋势', 'Revenue trend'],
  YEARS_IN_OPERATION: ['经营年限', 'Years in operation'],
  LEVERAGE: ['负债水平', 'Leverage'],
};

export const BINDING_CAPS: Names = {
  IP_VALUE: ['专利质押价值', 'Pledged patents’ value'],
  REVENUE: ['营收上限', 'Revenue cap'],
  PRODUCT_MAX: ['产品最高额度', 'Product maximum'],
  REQUESTED: ['申请金额', 'Requested amount'],
};

export const SCI_TECH_REASONS: Names = {
  LOW_SCORE: ['评分过低', 'Low score'],
  WEAK_IP: ['知识产权支撑不足', 'Weak IP'],
  REVENUE_BELOW_THRESHOLD: ['营收未达门槛', 'Revenue below threshold'],
  HIGH_LEVERAGE: ['负债过高', 'High leverage'],
  INCOMPLETE_MATERIALS: ['材料不全', 'Incomplete materials'],
  OTHER: ['其他', 'Other'],
};

// The survey network (摸排走访)
export const VISIT_OUTCOMES: Names = {
  NEED_FOUND: ['有融资需求', 'Need found'],
  NO_NEED: ['暂无需求', 'No need'],
};

export const URGENCIES: Names = {
  IMMEDIATE: ['急需（一周内）', 'Urgent (within a week)'],
  WITHIN_MONTH: ['一个月内', 'Within a month'],
  WITHIN_QUARTER: ['三个月内', 'Within three months'],
  LATER: ['暂不急需', 'Not urgent'],
};

/** The screening model's signals (domain/screening/policy.ts). */
export const SIGNALS: Names = {
  CREDIT_REFUSED: ['近期被拒贷', 'Refused credit recently'],
  LOANS_MATURING: ['90天内到期贷款', 'Loans maturing within 90 days'],
  ARREARS: ['欠税欠费', 'Tax or utility arrears'],
  REVENUE_DROP: ['营收下降', 'Revenue drop'],
  HEADCOUNT_DROP: ['社保人数下降', 'Headcount drop'],
};

export const SEATS: Names = {
  STREET: ['街道', 'Street office'],
  BANK: ['银行', 'Bank'],
  PROPERTY: ['物业', 'Property management'],
};

// Joint consultations (联合会诊)
export const CONSULTATION_REASONS: Names = bilingual(REASON_LABELS);
export const PLAN_KINDS: Names = bilingual(PLAN_KIND_LABELS);

export const CONSULTATION_STAGES: Names = {
  OPENED: ['已发起', 'Opened'],
  REASONS_RECORDED: ['已分析原因', 'Reasons recorded'],
  PLAN_PROPOSED: ['已提方案', 'Plan proposed'],
  MATERIALS: ['补充材料', 'Materials'],
  RE_REVIEW: ['银行复审', 'Re-review'],
  ACCEPTED: ['方案采纳', 'Plan accepted'],
  DECLINED: ['未采纳', 'Declined'],
  WITHDRAWN: ['已撤回', 'Withdrawn'],
};

/** Whose move a consultation waits for (domain/consultation/actions.ts WHOSE_MOVE). */
export const WHOSE_MOVE: Names = {
  TASK_FORCE: ['专班', 'Task force'],
  TASK_FORCE_OR_BANK: ['专班或银行（提出方案）', 'Task force or a bank (a plan)'],
  FIRM: ['企业（补充材料，暂停计时）', 'The firm (materials; clock paused)'],
  BANK: ['方案银行（复审）', 'The plan’s bank (re-review)'],
};

// Leads (线索)
export const LEAD_STAGES: Names = {
  OPEN: ['待联系', 'Open'],
  CONTACTED: ['已联系', 'Contacted'],
  CONVERTED: ['已转化', 'Converted'],
  CLOSED: ['已关闭', 'Closed'],
};
export const LEAD_CLOSE_REASONS: Names = bilingual(LEAD_CLOSE_LABELS);

export const METRICS: Names = {
  parallelReview: ['并行审查', 'Parallel review'],
  creditDecision: ['授信决策', 'Credit decision'],
  contractingDisbursing: ['签约放款', 'Contract and disbursement'],
  acceptanceToDecision: ['受理至决定', 'Acceptance to decision'],
};

/** A street's or bank's name in the user's language, by its code among `places` (the code when unknown). */
export function placeName(places: readonly { code: string; nameZh: string; nameEn: string }[], code: string, lang: Lang): string {
  const p = places.find((x) => x.code === code);
  return p ? (lang === 'en' ? p.nameEn : p.nameZh) : code;
}

export function nameOf(names: Names, code: string, lang: Lang): string {
  const n = names[code];
  return n ? n[lang === 'en' ? 1 : 0] : code;
}

/** Bilingual text the API sends as "中文 / English" or "中文\nEnglish": the user's half. */
export function half(text: string, lang: Lang): string {
  const parts = text.split(/\s+\/\s+|\n/);
  if (parts.length !== 2) return text;
  return lang === 'en' ? parts[1]! : parts[0]!;
}
