// Separation of duties, judged by the fast-track and sci-tech workflows' own validators: each
// branch goes only to someone who may hold it (the case's street's grid officer, the case's bank's
// customer manager, an assessor), a task one assigned to oneself is completed only by a holder of
// its role, and the credit decision stays with the case's bank's credit approver. A refusal
// changes nothing.
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { StaffProfile } from '../../domain/people';
import { completeTaskUpdate, decideUpdate, getStateQuery, reassignTaskUpdate, type fastTrackCaseWorkflow } from '../../workflows/fastTrackCase';
import { sciTechDecideUpdate, sciTechGetStateQuery } from '../../workflows/sciTechCase';
import { ddEvidence, eventually, gridEvidence, vipEvidence } from '../support/caseScenarios';
import { borderline, sciTechInput, startSciTech } from '../support/sciTechScenarios';
import { acceptCase, at, clockTo, useStubbedWorker } from './harness';

const s = useStubbedWorker();

const officer: StaffProfile = { role: 'case_officer', street: 'lujiang' };
const reassign = (handle: WorkflowHandle<typeof fastTrackCaseWorkflow>, kind: 'GRID_SUBMISSION' | 'BANK_VIP_CHANNEL' | 'DUE_DILIGENCE', assignee: string, assigneeProfile: StaffProfile) =>
  handle.executeUpdate(reassignTaskUpdate, { args: [{ kind, assignee, assigneeProfile, actor: 'lujiang-officer', reason: '人手调整 staffing' }] });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err) => (err instanceof WorkflowUpdateFailedError ? String((err.cause as Error).message) : `unexpected: ${err}`),
  );

test('a branch goes only to someone who may hold it; the old exploit (a street officer taking the due diligence) is refused', async () => {
  const { input, handle } = await acceptCase(s, at('2036-03-03', '10:00')); // 鹭江 street, 厦门国际银行 (xib)
  const assignees = (await handle.query(getStateQuery)).tasks.map((t) => t.assignee);

  expect(await refusal(reassign(handle, 'DUE_DILIGENCE', 'lujiang-officer', officer))).toMatch(/该环节须由第三方评估机构承担.*DUE_DILIGENCE must be held by a third-party assessor; lujiang-officer is case_officer of lujiang/);
  expect(await refusal(reassign(handle, 'GRID_SUBMISSION', 'siming-grid', { role: 'grid_officer', street: 'zhonghua' }))).toMatch(/grid officer of the case's street; siming-grid is grid_officer of zhonghua/);
  expect(await refusal(reassign(handle, 'BANK_VIP_CHANNEL', 'ccb-manager', { role: 'customer_manager', bank: 'ccb' }))).toMatch(/customer manager of the case's bank; ccb-manager is customer_manager of ccb/);
  expect(await refusal(reassign(handle, 'BANK_VIP_CHANNEL', 'xib-approver', { role: 'credit_approver', bank: 'xib' }))).toMatch(/customer manager of the case's bank/);
  expect((await handle.query(getStateQuery)).tasks.map((t) => t.assignee)).toEqual(assignees);
  expect(s.rec.types(input.caseNo)).not.toContain('TASK_REASSIGNED');

  // Within the rules a branch moves: another assessor, another grid officer of the street.
  await reassign(handle, 'DUE_DILIGENCE', 'assessor-2', { role: 'assessor' });
  await reassign(handle, 'GRID_SUBMISSION', 'lujiang-grid-2', { role: 'grid_officer', street: 'lujiang' });
  const moved = await handle.query(getStateQuery);
  expect(moved.tasks.filter((t) => t.kind !== 'BANK_VIP_CHANNEL').map((t) => [t.kind, t.assignee, t.assignedBy])).toEqual([
    ['GRID_SUBMISSION', 'lujiang-grid-2', 'lujiang-officer'],
    ['DUE_DILIGENCE', 'assessor-2', 'lujiang-officer'],
  ]);
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', actor: 'assessor-2', evidence: ddEvidence }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'lujiang-grid-2', evidence: gridEvidence }] });
  const vipHolder = moved.tasks.find((t) => t.kind === 'BANK_VIP_CHANNEL')!.assignee;
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', actor: vipHolder, evidence: vipEvidence }] });
  await eventually(async () => expect((await handle.query(getStateQuery)).stage).toBe('CREDIT_DECISION'));

  // The decision stays with the case's bank's credit approver.
  const terms = { outcome: 'APPROVED' as const, amountFen: 100_000, rateBp: 385, termMonths: 12 };
  expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ ...terms, actor: 'lujiang-officer', actorProfile: officer }] }))).toMatch(/授信决定须由本案银行的审批人作出.*credit approver of the case's bank; lujiang-officer is case_officer of lujiang/);
  expect(await refusal(handle.executeUpdate(decideUpdate, { args: [{ ...terms, actor: 'ccb-approver', actorProfile: { role: 'credit_approver', bank: 'ccb' } }] }))).toMatch(/ccb-approver is credit_approver of ccb/);
  expect((await handle.query(getStateQuery)).decision).toBeUndefined();
  await handle.executeUpdate(decideUpdate, { args: [{ ...terms, actor: 'xib-approver', actorProfile: { role: 'credit_approver', bank: 'xib' } }] });
});

test('whoever assigned a task to themselves completes it only if they hold its role', async () => {
  const { handle } = await acceptCase(s, at('2036-03-10', '10:00'));
  // A grid officer of the street takes the grid branch over from a colleague, and completes it as one.
  await handle.executeUpdate(reassignTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', assignee: 'lujiang-grid-2', assigneeProfile: { role: 'grid_officer', street: 'lujiang' }, actor: 'lujiang-grid-2', reason: '同事休假 colleague on leave' }] });
  expect(await refusal(handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'lujiang-grid-2', evidence: gridEvidence }] }))).toMatch(/GRID_SUBMISSION must be held by a grid officer of the case's street; lujiang-grid-2 is of unknown role/);
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'lujiang-grid-2', actorProfile: { role: 'grid_officer', street: 'lujiang' }, evidence: gridEvidence }] });
  expect((await handle.query(getStateQuery)).tasks.find((t) => t.kind === 'GRID_SUBMISSION')).toMatchObject({ status: 'DONE', completedBy: 'lujiang-grid-2' });
});

test("a sci-tech case's manual decision stays with its bank's credit approver", async () => {
  const acceptedAt = at('2036-03-17', '10:00');
  await clockTo(s.env, acceptedAt);
  const input = sciTechInput(acceptedAt, borderline); // bank ccb
  const handle = await startSciTech(s, input);
  await eventually(async () => expect((await handle.query(sciTechGetStateQuery)).stage).toBe('MANUAL_REVIEW'));
  const terms = { outcome: 'APPROVED' as const, amountFen: 10_000_000, rateBp: 420, termMonths: 12 };
  expect(await refusal(handle.executeUpdate(sciTechDecideUpdate, { args: [{ ...terms, actor: 'xib-approver', actorProfile: { role: 'credit_approver', bank: 'xib' } }] }))).toMatch(/credit approver of the case's bank; xib-approver is credit_approver of xib/);
  expect(await refusal(handle.executeUpdate(sciTechDecideUpdate, { args: [{ ...terms, actor: 'ccb-manager', actorProfile: { role: 'customer_manager', bank: 'ccb' } }] }))).toMatch(/ccb-manager is customer_manager of ccb/);
  await handle.executeUpdate(sciTechDecideUpdate, { args: [{ ...terms, actor: 'ccb-approver', actorProfile: { role: 'credit_approver', bank: 'ccb' } }] });
  expect((await handle.query(sciTechGetStateQuery)).decision).toMatchObject({ outcome: 'APPROVED', by: 'ccb-approver' });
});
