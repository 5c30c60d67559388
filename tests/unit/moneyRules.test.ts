// The two money rules as the workflows' validators and the record read them: a signed contract
// stands until the bank cancels it, and a held payment is answered by the case bank's approver.
import { recordedHold, type EventRow } from '../../readModels/recordedEvents';
import { requireWithdrawable, validateContractCancellation, validateDisbursementResolution } from '../../workflows/validation';
import { CASE_NOT_WITHDRAWABLE_STAGES } from '../../domain/stages';

const parties = { bankCode: 'xib', streetCode: 'lujiang' };
const approver = { actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' } };
const contract = { contractNo: 'HT-XIB-GL-2026-000001', signedAt: '2026-11-30T02:00:00.000Z' };
const withdrawal = { reason: '企业不再需要贷款', actor: 'officer@lujiang' };
const withdraw = (state: Parameters<typeof requireWithdrawable>[0]) => () => requireWithdrawable(state, withdrawal);

describe('withdrawal after signing', () => {
  it('is refused while the contract stands, with the reason', () => {
    expect(withdraw({ stage: 'DISBURSING', contract })).toThrow('合同已签署（HT-XIB-GL-2026-000001），须先由银行撤销合同 the contract HT-XIB-GL-2026-000001 is signed; the bank must cancel it first');
    expect(withdraw({ stage: 'DISBURSEMENT_HELD', contract })).toThrow(/the bank must cancel it first/);
  });
  it('is accepted once the bank cancelled it, and before any contract', () => {
    expect(withdraw({ stage: 'CONTRACT_CANCELLED', contract: { ...contract, cancellation: { reason: '撤约', by: 'approver@xib', at: '2026-11-30T03:00:00.000Z' } } })).not.toThrow();
    expect(withdraw({ stage: 'CONTRACTING' })).not.toThrow();
  });
  it('is refused once money moves or the case ended, whatever the contract', () => {
    for (const stage of CASE_NOT_WITHDRAWABLE_STAGES) expect(withdraw({ stage })).toThrow(stage === 'WITHDRAWN' ? /already withdrawn/ : /can no longer be withdrawn/);
  });
});

describe('contract cancellation', () => {
  const cancel = (state: Parameters<typeof validateContractCancellation>[0], req = { reason: '企业申请撤回', ...approver }, cancellable = true) => () =>
    validateContractCancellation(state, req, parties, cancellable);
  it('belongs to a credit approver of the case bank, with a reason, between signing and payment', () => {
    expect(cancel({ stage: 'DISBURSING', contract })).not.toThrow();
    expect(cancel({ stage: 'DISBURSING', contract }, { reason: '撤约', actor: 'approver@ccb', actorProfile: { role: 'credit_approver', bank: 'ccb' } })).toThrow(/approver@ccb/);
    expect(cancel({ stage: 'DISBURSING', contract }, { reason: ' ', ...approver })).toThrow(/a cancellation reason is required/);
    expect(cancel({ stage: 'DISBURSED', contract })).toThrow(/not in DISBURSED/);
    expect(cancel({ stage: 'CONTRACTING' })).toThrow(/has no signed contract/);
  });
  it('is refused for a run that signed before cancellation existed', () => {
    expect(cancel({ stage: 'DISBURSING', contract }, undefined, false)).toThrow(/before cancellation existed/);
  });
});

describe('a held payment', () => {
  const resolve = (stage: string, req: Parameters<typeof validateDisbursementResolution>[1]) => () => validateDisbursementResolution({ stage }, req, parties);
  it('is answered by the case bank’s approver with CONFIRM_REPORTED or RETRY and a note, only while held', () => {
    expect(resolve('DISBURSEMENT_HELD', { action: 'RETRY', note: '请银行核对', ...approver })).not.toThrow();
    expect(resolve('DISBURSEMENT_HELD', { action: 'IGNORE' as never, note: 'x', ...approver })).toThrow(/action must be one of CONFIRM_REPORTED, RETRY/);
    expect(resolve('DISBURSING', { action: 'RETRY', note: 'x', ...approver })).toThrow(/no disbursement is held/);
  });
  it('reads back from the timeline until it is resolved', () => {
    const held = { requestedFen: 80_000_000, reported: { reference: 'FK-1', amountFen: 79_900_000, paidAt: '2026-11-30T02:00:00.000Z' }, since: '2026-11-30T02:00:01.000Z', assignee: { role: 'credit_approver', bank: 'xib' } };
    const at = new Date('2026-11-30T02:00:01.000Z');
    const events: EventRow[] = [{ type: 'CONTRACT_SIGNED', actor: 'system', at, data: {} }, { type: 'DISBURSEMENT_HELD', actor: 'system', at, data: held }];
    expect(recordedHold(events)).toEqual(held);
    expect(recordedHold([...events, { type: 'DISBURSEMENT_RESOLVED', actor: 'approver@xib', at, data: {} }])).toBeNull();
  });
});
