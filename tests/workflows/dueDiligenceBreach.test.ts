import { SandboxBank } from '../../activities/adapters';
import { fastTrackCaseFacts } from '../../readModels/fastTrackCaseFacts';
import { BranchesOpen, SlaBreaches, SlaState } from '../../workflows/searchAttributes';
import { completeTaskUpdate, decideUpdate, getStateQuery } from '../../workflows/fastTrackCase';
import {
  HOUR,
  advanceTo,
  caseInput,
  ddEvidence,
  eventsOf,
  eventually,
  gridEvidence,
  nextWorkingMorning,
  saveHistory,
  startCase,
  vipEvidence,
  useHarnessWithWorker,
} from './caseHarness';

const h = useHarnessWithWorker();

test('due diligence misses its same-day due: AT_RISK, then BREACHED and escalated, and the case carries on', async () => {
  // 10:00 on a working day before another: the report comes at 09:00 the next calendar day.
  const acceptedAt = await nextWorkingMorning(h.env, '10:00', { beforeAnother: true });
  await advanceTo(h.env, acceptedAt);
  const input = caseInput(acceptedAt, { assignees: { DUE_DILIGENCE: 'assessor@xm-pingan' } });
  const handle = await startCase(h, input);
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: gridEvidence }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', actor: 'customer-manager@xib', evidence: vipEvidence }] });

  // Due 24:00 the same day; half a working day (12 h) before, at 12:00, it is at risk.
  await advanceTo(h.env, new Date(acceptedAt.getTime() + 1.5 * HOUR));
  expect((await handle.query(getStateQuery)).slaState).toBe('ON_TRACK');
  await advanceTo(h.env, new Date(acceptedAt.getTime() + 2.5 * HOUR));
  const atRisk = await eventually(async () => {
    const s = await handle.query(getStateQuery);
    expect(s.slaState).toBe('AT_RISK');
    return s;
  });
  expect(atRisk.tasks.find((t) => t.kind === 'DUE_DILIGENCE')!.slaState).toBe('AT_RISK');
  // So does the branch's record, which answers GET /cases/:id.
  await eventually(async () => {
    const row = await h.db.caseTask.findUniqueOrThrow({ where: { caseNo_kind: { caseNo: input.caseNo, kind: 'DUE_DILIGENCE' } } });
    expect(row).toMatchObject({ slaState: 'AT_RISK', atRiskAt: new Date(atRisk.tasks.find((t) => t.kind === 'DUE_DILIGENCE')!.atRiskAt) });
  });
  const notice = await eventually(async () => {
    const n = (await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'NOTIFICATION');
    expect(n).toBeDefined();
    return n!;
  });
  const noticeData = notice.data as { audience: string[]; text: string };
  expect(noticeData.audience).toEqual(['STREET_OFFICE:lujiang', 'TASK_FORCE']);
  expect(noticeData.text).toMatch(/^【预警】.*第三方尽调.*\n\[At risk\].*due diligence/s);
  expect((await handle.describe()).typedSearchAttributes.get(SlaState)).toBe('AT_RISK');

  // Midnight passes without the report.
  await advanceTo(h.env, new Date(acceptedAt.getTime() + 14 * HOUR + 60_000));
  const breached = await eventually(async () => {
    const s = await handle.query(getStateQuery);
    expect(s.slaState).toBe('BREACHED');
    return s;
  });
  expect(breached.stage).toBe('PARALLEL_REVIEW');
  expect(breached.breaches).toEqual([
    expect.objectContaining({ subject: 'DUE_DILIGENCE', assignee: 'assessor@xm-pingan', stage: 'PARALLEL_REVIEW', lateWorkingMs: null }),
  ]);
  const events = await eventually(async () => {
    const ev = await eventsOf(h.db, input.caseNo);
    expect(ev.map((e) => e.type)).toEqual(expect.arrayContaining(['SLA_AT_RISK', 'SLA_BREACHED', 'ESCALATED']));
    return ev;
  });
  const escalation = events.find((e) => e.type === 'ESCALATED')!.data as { audience: string[]; text: string };
  expect(escalation.audience).toContain('TASK_FORCE:综合协调组');
  expect(escalation.text).toMatch(/^【超时督办】.*assessor@xm-pingan/s);
  expect(events.find((e) => e.type === 'SLA_BREACHED')!.data).toMatchObject({ subject: 'DUE_DILIGENCE', assignee: 'assessor@xm-pingan', stage: 'PARALLEL_REVIEW' });
  const record = await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo }, include: { tasks: true } });
  expect(record.slaState).toBe('BREACHED');
  expect(record.tasks.find((t) => t.kind === 'DUE_DILIGENCE')).toMatchObject({ status: 'OPEN', slaState: 'BREACHED' });
  const sa = (await handle.describe()).typedSearchAttributes;
  expect(sa.get(SlaState)).toBe('BREACHED');
  expect(sa.get(SlaBreaches)).toBe(1);
  expect(sa.get(BranchesOpen)).toEqual(['DUE_DILIGENCE']);
  // Temporal UI's current details: branches, owners and time left, Chinese first.
  const metadata = await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata');
  expect(metadata.currentDetails).toMatch(/阶段 Stage: PARALLEL_REVIEW · 时限 SLA: BREACHED/);
  expect(metadata.currentDetails).toMatch(/\| 第三方尽调 due diligence \| assessor@xm-pingan \| OPEN · BREACHED \| .* \| (超时|剩余) 0\.0 工作小时/);
  expect(metadata.currentDetails).toMatch(/\| 信易贷申报 grid submission \| grid-officer@lujiang \| DONE · ON_TRACK/);

  // The report arrives at 09:00 the next working day, nine working hours late; the case carries on.
  await advanceTo(h.env, new Date(acceptedAt.getTime() + 23 * HOUR));
  let state = await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', actor: 'assessor@xm-pingan', evidence: ddEvidence }] });
  expect(state.stage).toBe('CREDIT_DECISION');
  expect(state.breaches[0]!.lateWorkingMs).toBeGreaterThanOrEqual(9 * HOUR - 60_000);
  expect(state.breaches[0]!.lateWorkingMs).toBeLessThanOrEqual(9 * HOUR + 60_000);

  await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'APPROVED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: input.amountFen, rateBp: 400, termMonths: 24 }] });
  state = await handle.result();
  expect(state.stage).toBe('DISBURSED');
  // A breach stays on the record even though the promise was kept.
  expect(state.slaState).toBe('BREACHED');
  expect((await new SandboxBank(h.db).ledger([input.caseNo])).payments).toHaveLength(1);
  // Once the workflow is gone, the case view rebuilds the same breach, with how late, from the record.
  expect(fastTrackCaseFacts(undefined, await eventsOf(h.db, input.caseNo))).toEqual(fastTrackCaseFacts(state, []));
  await saveHistory(handle, 'due-diligence-breached');
});
