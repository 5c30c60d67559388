import { planProblems, type FinancingPlan, type Refusal } from '../../domain/consultation/plan';
import { summariseBatch } from '../../domain/consultation/progress';
import { categoriseReasons, reasonProblems } from '../../domain/consultation/reasons';

const refused: Refusal = { product: 'FAST_TRACK', bankCode: 'xib', amountFen: 300_000_000 };
const plan = (p: Partial<FinancingPlan>): FinancingPlan => ({ kind: 'SMALLER_AMOUNT', product: 'FAST_TRACK', bankCode: 'xib', amountFen: 200_000_000, ...p });
const patents = [{ patentNo: 'ZL202010000001.1', type: 'INVENTION', remainingYears: 12 }];

describe('financing plan rules', () => {
  it('accepts a plan of each kind that changes what it says it changes', () => {
    expect(planProblems(plan({}), refused)).toEqual([]);
    expect(planProblems(plan({ kind: 'DIFFERENT_BANK', bankCode: 'ccb', amountFen: 300_000_000 }), refused)).toEqual([]);
    expect(planProblems(plan({ kind: 'GUARANTEE', amountFen: 300_000_000, guarantee: { guarantor: '厦门市融资担保有限公司', coverFen: 240_000_000 } }), refused)).toEqual([]);
    expect(planProblems(plan({ kind: 'OTHER_PRODUCT', product: 'SCI_TECH', amountFen: 120_000_000, sciTech: { patents, requestedFen: 120_000_000 } }), refused)).toEqual([]);
  });

  it('a smaller amount must be smaller, and no plan asks for more than was refused', () => {
    expect(planProblems(plan({ amountFen: 300_000_000 }), refused).join()).toMatch(/降低额度方案须低于原申请金额 a smaller amount must be below the refused 300000000 fen/);
    expect(planProblems(plan({ kind: 'DIFFERENT_BANK', bankCode: 'ccb', amountFen: 300_000_001 }), refused).join()).toMatch(/at most the refused/);
    expect(planProblems(plan({ amountFen: 0 }), refused).join()).toMatch(/方案金额无效/);
  });

  it('a different bank must differ from the bank that refused', () => {
    expect(planProblems(plan({ kind: 'DIFFERENT_BANK', bankCode: 'xib' }), refused).join()).toMatch(/更换银行方案须换一家银行 a different bank must not be xib/);
  });

  it('another product must differ, and sci-tech is only for firms with patents', () => {
    expect(planProblems(plan({ kind: 'OTHER_PRODUCT' }), refused).join()).toMatch(/another product must not be FAST_TRACK/);
    expect(planProblems(plan({ kind: 'OTHER_PRODUCT', product: 'SCI_TECH', sciTech: { patents: [], requestedFen: 200_000_000 } }), refused).join()).toMatch(/科技贷仅适用于拥有专利的企业/);
    expect(planProblems(plan({ kind: 'OTHER_PRODUCT', product: 'SCI_TECH' }), refused).join()).toMatch(/only for a firm with patents/);
    expect(planProblems(plan({ kind: 'OTHER_PRODUCT', product: 'SCI_TECH', sciTech: { patents, requestedFen: 1 } }), refused).join()).toMatch(/requestedFen must equal the plan amount/);
    expect(planProblems(plan({ sciTech: { patents, requestedFen: 200_000_000 } }), refused).join()).toMatch(/only a SCI_TECH plan/);
  });

  it('a guarantee names a guarantor and covers part of the loan', () => {
    expect(planProblems(plan({ kind: 'GUARANTEE' }), refused).join()).toMatch(/增加担保方案须写明担保/);
    expect(planProblems(plan({ kind: 'GUARANTEE', guarantee: { guarantor: ' ', coverFen: 300_000_000 } }), refused).join()).toMatch(/缺少担保人.*担保金额无效/);
  });

  it('refuses an unknown kind', () => {
    expect(planProblems(plan({ kind: 'MAGIC' as never }), refused)).toEqual([expect.stringMatching(/unknown plan kind "MAGIC"/)]);
  });
});

describe('rejection reasons', () => {
  it('maps a rejected case’s codes onto the categories, keeping unknown codes in the note', () => {
    expect(categoriseReasons([{ code: 'LOW_CREDIT_RATING' }, { code: 'HIGH_LEVERAGE', note: '负债率 85%' }, { code: 'WEAK_IP' }])).toEqual([
      { code: 'LOW_CREDIT_RATING' },
      { code: 'HIGH_DEBT_RATIO', note: 'HIGH_LEVERAGE: 负债率 85%' },
      { code: 'OTHER', note: 'WEAK_IP' },
    ]);
  });

  it('needs at least one known reason, and a note for OTHER', () => {
    expect(reasonProblems([])).toEqual([expect.stringMatching(/须至少注明一项拒贷原因/)]);
    expect(reasonProblems([{ code: 'NOPE' }, { code: 'OTHER' }])).toEqual([expect.stringMatching(/reasons\[0\]: unknown category "NOPE"/), expect.stringMatching(/reasons\[1\]: OTHER needs a note/)]);
    expect(reasonProblems([{ code: 'HIGH_DEBT_RATIO' }])).toEqual([]);
  });
});

it('summarises a batch with every stage counted, accepted cases and breaches', () => {
  const p = summariseBatch('CB-1', 'xib', [
    { consultationId: 'a', firmName: 'A', creditCode: '1', stage: 'ACCEPTED', slaState: 'MET', linkedCaseNo: 'GL-2026-000009', linkedProduct: 'SCI_TECH' },
    { consultationId: 'b', firmName: 'B', creditCode: '2', stage: 'MATERIALS', slaState: 'ON_TRACK' },
    { consultationId: 'c', firmName: 'C', creditCode: '3', stage: 'REASONS_RECORDED', slaState: 'BREACHED' },
  ]);
  expect(p).toMatchObject({ total: 3, open: 2, accepted: [{ consultationId: 'a', caseNo: 'GL-2026-000009', product: 'SCI_TECH' }], breached: [{ consultationId: 'c', stage: 'REASONS_RECORDED' }] });
  expect(p.byStage).toEqual({ OPENED: 0, REASONS_RECORDED: 1, PLAN_PROPOSED: 0, MATERIALS: 1, RE_REVIEW: 0, ACCEPTED: 1, DECLINED: 0, WITHDRAWN: 0 });
});
