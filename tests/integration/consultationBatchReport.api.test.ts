// A batch of refused firms through the real API, on both clocks: a firm from the early pilot,
// whose credit code fails its check character, is confirmed per firm by the officer (as a single
// case is) instead of refusing the batch; its accepted plan opens a case that is decided and
// paid; the other firm's plan is declined. The batch report then answers "how many got money,
// and how fast".
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';
import { apiAs } from '../support/apiAs';
import { batchMemberId } from '../../workflows/jointConsultationMessages';

jest.setTimeout(120_000);
const stack = useStack();
const run = String(Date.now() % 10_000).padStart(4, '0');

const { post, get } = apiAs(stack);

/** A well-formed Siming code whose last (GB 32100) check character fails, as early pilot codes do. */
function pilotCode(orgBody8: string): string {
  const valid = validSimingCode(orgBody8);
  return valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
}

const PILOT = pilotCode(`PB${run}01`);
const firms = [
  { name: '厦门鹭江试点会诊企业', creditCode: PILOT, street: 'lujiang', amount: '3000000', purpose: '流动资金', reasons: [{ code: 'LOW_CREDIT_RATING' }] },
  { name: '厦门莲前批次会诊企业', creditCode: validSimingCode(`PB${run}02`), street: 'lianqian', amount: '1000000', purpose: '流动资金', reasons: [{ code: 'REVENUE_BELOW_THRESHOLD' }] },
];

test('a pilot firm in a batch is confirmed per firm, not refused with the batch', async () => {
  const batches = await stack.db.consultationBatch.count();
  const refused = await post('task-force', '/consultation-batches', { bank: 'xib', firms });
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({ type: 'urn:greenlane:problem:credit-code-confirmation-required', errors: [{ field: 'firms.0.creditCode', message: 'fails CHECK_CHARACTER_MISMATCH' }] });
  expect(refused.body.detail).toContain('on each such firm');
  expect(await stack.db.consultationBatch.count()).toBe(batches);
});

test('the batch report: of the firms, how many got money and how fast, and each consultation’s own clock', async () => {
  const confirmed = [{ ...firms[0], confirmCreditCodeWarnings: true }, firms[1]];
  const started = await post('task-force', '/consultation-batches', { bank: 'xib', firms: confirmed }, `pilot-batch-${run}`);
  expect(started.status).toBe(202);
  const batchId = started.body.id as string;
  const [pilot, other] = [batchMemberId(batchId, 1), batchMemberId(batchId, 2)];
  await eventually(async () => expect((await get('task-force', `/consultations/${other}`)).body.stage).toBe('REASONS_RECORDED'));

  // The override is audited once per firm, by who confirmed it, naming the batch.
  const audit = await eventually(() => stack.db.auditEntry.findFirstOrThrow({ where: { subject: `firm:${PILOT}`, action: 'CREDIT_CODE_OVERRIDE_CONFIRMED' } }));
  expect(audit).toMatchObject({ actor: 'task-force', after: { consultationId: pilot, batchId, warnings: ['CHECK_CHARACTER_MISMATCH'] } });

  // The pilot firm: a smaller amount, accepted; the case it opens is decided and paid.
  expect((await post('task-force', `/consultations/${pilot}/plan`, { kind: 'SMALLER_AMOUNT', bank: 'xib', amount: '2000000.50' })).status).toBe(200);
  expect((await post('task-force', `/consultations/${pilot}/materials/complete`, {})).body.stage).toBe('RE_REVIEW');
  const accepted = await post('xib-approver', `/consultations/${pilot}/re-review`, { outcome: 'ACCEPTED' });
  expect(accepted.status).toBe(200);
  const caseNo = accepted.body.linkedCase.caseNo as string;
  // The case carries the confirmed code on, and audits it as its own opening would.
  await eventually(() => stack.db.auditEntry.findFirstOrThrow({ where: { subject: `firm:${PILOT}`, action: 'CREDIT_CODE_OVERRIDE_CONFIRMED', after: { path: ['caseNo'], equals: caseNo } } }));
  expect((await post('lujiang-grid', `/cases/${caseNo}/tasks/grid-submission/complete`, { applicationNo: 'XYD20261130000777' })).status).toBe(200);
  expect((await post('xib-manager', `/cases/${caseNo}/tasks/bank-vip-channel/complete`, { assessmentOutcome: 'RECOMMEND', note: '额度降低后可行' })).status).toBe(200);
  expect((await post('assessor', `/cases/${caseNo}/tasks/due-diligence/complete`, { reportNo: 'DD-2026-0777', riskRating: 'MEDIUM', summary: '经营正常' })).status).toBe(200);
  expect((await post('xib-approver', `/cases/${caseNo}/decision`, { outcome: 'APPROVED', amount: '2000000.50', rateBp: 385, termMonths: 12 })).status).toBe(200);
  await eventually(async () => expect((await get('manager', `/cases/${caseNo}`)).body.stage).toBe('DISBURSED'), 60_000);

  // The other firm's plan is declined at re-review.
  expect((await post('task-force', `/consultations/${other}/plan`, { kind: 'SMALLER_AMOUNT', bank: 'xib', amount: '500000' })).status).toBe(200);
  expect((await post('task-force', `/consultations/${other}/materials/complete`, {})).body.stage).toBe('RE_REVIEW');
  expect((await post('xib-approver', `/consultations/${other}/re-review`, { outcome: 'DECLINED', note: '营收仍不足' })).status).toBe(200);

  const report = await eventually(async () => {
    const r = await get('manager', `/consultation-batches/${batchId}/report`);
    expect(r.status).toBe(200);
    expect(r.body.cases.disbursed).toBe(1);
    return r.body;
  });
  expect(report).toMatchObject({
    batchId,
    bankCode: 'xib',
    firms: 2,
    consultation: { open: 0, accepted: 1, declined: 1, withdrawn: 0, answeredInTime: 2 },
    cases: { opened: 1, open: 0, approved: 1, rejected: 0, disbursed: 1, disbursedAmount: '2000000.50' },
  });
  // Same day: well inside a working day from the consultation's opening.
  expect(report.cases.medianWorkingDaysToMoney).toBeGreaterThanOrEqual(0);
  expect(report.cases.medianWorkingDaysToMoney).toBeLessThan(1);
  expect(report.cases.slowestWorkingDaysToMoney).toBe(report.cases.medianWorkingDaysToMoney);
  const byId = Object.fromEntries(report.members.map((m: { consultationId: string }) => [m.consultationId, m]));
  expect(byId[pilot]).toMatchObject({ stage: 'ACCEPTED', answeredInTime: true, caseNo, caseStage: 'DISBURSED', decision: 'APPROVED', disbursedAmount: '2000000.50' });
  expect(byId[other]).toMatchObject({ stage: 'DECLINED', answeredInTime: true, caseNo: null, disbursedAt: null, workingDaysToMoney: null });

  // Read as the batch's progress is: the refusing bank yes, another bank no.
  expect((await get('xib-manager', `/consultation-batches/${batchId}/report`)).status).toBe(200);
  expect((await get('ccb-manager', `/consultation-batches/${batchId}/report`)).status).toBe(404);
});
