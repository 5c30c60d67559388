// The firm's one sentence per case: every stage of both products, the paused clock, the promised date.
import { firmCaseStatus, promisedDate, type FirmCaseFacts } from '../../domain/firmCaseStatus';
import { FAST_TRACK_STAGES, SCI_TECH_STAGES } from '../../domain/stages';

const base: FirmCaseFacts = {
  product: 'FAST_TRACK',
  stage: 'ACCEPTED',
  street: { nameZh: '鹭江街道', nameEn: 'Lujiang Street' },
  bank: { nameZh: '厦门国际银行', nameEn: 'Xiamen International Bank' },
  // 24:00 of Friday 2026-12-04, Asia/Shanghai.
  dueAt: '2026-12-04T16:00:00.000Z',
  pausedFor: null,
  openTasks: [],
  approvedFen: null,
  disbursed: null,
};

it('reads a 24:00 due as the working day it ends, not the next day', () => {
  expect(promisedDate('2026-12-04T16:00:00.000Z')).toBe('2026-12-04');
});

it.each([
  ['ACCEPTED', {}, 'STREET', '鹭江街道已受理您的申请，正在启动办理。承诺12月4日前办结。'],
  ['PARALLEL_REVIEW', { openTasks: ['GRID_SUBMISSION', 'DUE_DILIGENCE'] }, 'STREET', '并联审批中，等待网格员协助在信易贷平台提交申请、第三方评估机构尽职调查。承诺12月4日前办结。'],
  ['PARALLEL_REVIEW', { openTasks: ['DUE_DILIGENCE'] }, 'ASSESSOR', '并联审批中，等待第三方评估机构尽职调查。承诺12月4日前办结。'],
  ['PARALLEL_REVIEW', { openTasks: [] }, 'BANK', '材料已齐，等待厦门国际银行审批。承诺12月4日前办结。'],
  ['CREDIT_DECISION', {}, 'BANK', '等待厦门国际银行审批决定。承诺12月4日前办结。'],
  ['CONTRACTING', { approvedFen: 514_000_000 }, 'BANK', '厦门国际银行已批准514万元，等待签订借款合同。承诺12月4日前办结。'],
  ['CONTRACTING', { approvedFen: 514_000_000, confirmation: { terms: { amountFen: 514_000_000, rateBp: 385, termMonths: 12 }, dueAt: '2026-12-03T16:00:00.000Z', confirmedAt: null } }, 'FIRM', '厦门国际银行已批准：514万元，年利率3.85%，期限12个月。等待您确认合同条款，请于12月3日前确认。'],
  ['CONTRACTING', { approvedFen: 514_000_000, confirmation: { terms: { amountFen: 514_000_000, rateBp: 385, termMonths: 12 }, dueAt: '2026-12-03T16:00:00.000Z', confirmedAt: '2026-12-02T02:00:00.000Z' } }, 'BANK', '厦门国际银行已批准514万元，等待签订借款合同。承诺12月4日前办结。'],
  ['DISBURSING', {}, 'BANK', '合同已签订，等待厦门国际银行放款。承诺12月4日前办结。'],
  ['DISBURSEMENT_HELD', {}, 'BANK', '放款待厦门国际银行核对，核对后到账。承诺12月4日前办结。'],
  ['CONTRACT_CANCELLED', {}, 'STREET', '厦门国际银行已取消合同，鹭江街道将与您联系后续安排。'],
  ['DISBURSED', { dueAt: null, disbursed: { amountFen: 514_000_000, at: '2026-12-03T02:00:00.000Z' } }, 'NOBODY', '514万元已于12月3日放款到账。'],
  ['REJECTED', { dueAt: null }, 'NOBODY', '厦门国际银行未批准本次申请。如需帮助，请联系鹭江街道经济服务办公室。'],
  ['WITHDRAWN', { dueAt: null }, 'NOBODY', '本次申请已撤回。'],
  ['EVALUATING', { product: 'SCI_TECH' }, 'BANK', '厦门国际银行正在自动评估您的专利与经营情况。承诺12月4日前办结。'],
  ['MANUAL_REVIEW', { product: 'SCI_TECH' }, 'BANK', '等待厦门国际银行审批人员复核评分。承诺12月4日前办结。'],
] as const)('%s %j: waits on %s, says %s', (stage, facts, waitingOn, zh) => {
  const status = firmCaseStatus({ ...base, stage, ...facts } as FirmCaseFacts);
  expect(status).toMatchObject({ waitingOn, zh });
  expect(status.en).not.toMatch(/[\u4e00-\u9fff]/);
});

it('has a sentence for every stage of both products, Chinese and English', () => {
  for (const stage of new Set([...FAST_TRACK_STAGES, ...SCI_TECH_STAGES])) {
    const s = firmCaseStatus({ ...base, stage });
    expect(s.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(s.en.length).toBeGreaterThan(10);
  }
});

it('tells the firm a paused clock waits for its materials and is not counted, with no promised date', () => {
  const s = firmCaseStatus({ ...base, stage: 'PARALLEL_REVIEW', openTasks: ['GRID_SUBMISSION'], pausedFor: '近三个月银行流水' });
  expect(s).toEqual({
    waitingOn: 'FIRM',
    zh: '等待您补充材料：近三个月银行流水。材料交齐后继续计时，计时暂停期间不计入办结时限。',
    en: 'Waiting for your materials: 近三个月银行流水. The clock is paused until you send them and the wait is not counted.',
  });
});

it('shows an amount approved to the fen when it is not whole hundreds', () => {
  expect(firmCaseStatus({ ...base, stage: 'CONTRACTING', approvedFen: 12_345 }).zh).toContain('已批准123.45元');
});
