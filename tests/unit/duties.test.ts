// Who may hold each branch of a fast-track case, and who decides (domain/duties.ts).
import { decisionRefusal, holdRefusal } from '../../domain/duties';

const lujiangXib = { streetCode: 'lujiang', bankCode: 'xib' };

test.each([
  ['GRID_SUBMISSION', { role: 'grid_officer', street: 'lujiang' }, true],
  ['GRID_SUBMISSION', { role: 'grid_officer', street: 'zhonghua' }, false],
  ['GRID_SUBMISSION', { role: 'case_officer', street: 'lujiang' }, false],
  ['BANK_VIP_CHANNEL', { role: 'customer_manager', bank: 'xib' }, true],
  ['BANK_VIP_CHANNEL', { role: 'customer_manager', bank: 'ccb' }, false],
  ['BANK_VIP_CHANNEL', { role: 'credit_approver', bank: 'xib' }, false],
  ['DUE_DILIGENCE', { role: 'assessor' }, true],
  ['DUE_DILIGENCE', { role: 'case_officer', street: 'lujiang' }, false],
  ['DUE_DILIGENCE', { role: 'task_force' }, false],
  ['DUE_DILIGENCE', undefined, false],
] as const)('%s held by %j: %s', (kind, person, may) => {
  expect(holdRefusal(kind, person, lujiangXib) === undefined).toBe(may);
});

test('the credit decision belongs to a credit approver of the case bank, and the refusal says so in both languages', () => {
  expect(decisionRefusal({ role: 'credit_approver', bank: 'xib' }, lujiangXib)).toBeUndefined();
  expect(decisionRefusal({ role: 'credit_approver', bank: 'ccb' }, lujiangXib)).toEqual({ zh: '授信决定须由本案银行的审批人作出', en: "the credit decision belongs to a credit approver of the case's bank" });
  expect(decisionRefusal({ role: 'customer_manager', bank: 'xib' }, lujiangXib)).toBeDefined();
  expect(decisionRefusal(undefined, lujiangXib)).toBeDefined();
});
