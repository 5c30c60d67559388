// A breach nobody acknowledges goes one level up: four working hours (the policy, on the
// working-time calendar) after the breach notice, the fast-track case asks whether anyone it
// reached acknowledged it and, if nobody did, tells the task force's leaders. An acknowledged
// breach, or late work done in the meantime, stops there. 2035 has no State Council notice
// loaded; mid-May 2035 holds no holiday. Due diligence accepted at 10:00 is due 24:00 that day.
import type { WorkflowHandle } from '@temporalio/client';
import { completeTaskUpdate, type fastTrackCaseWorkflow } from '../../workflows/fastTrackCase';
import { caseInput, ddEvidence, eventually, gridEvidence, startCase, vipEvidence } from '../support/caseScenarios';
import { MINUTE, at, clockTo, useStubbedWorker } from './harness';

const s = useStubbedWorker();

type Case = WorkflowHandle<typeof fastTrackCaseWorkflow>;
const LEADERS = ['TASK_FORCE:专班负责人'];

/** A case accepted at 10:00 whose grid and bank branches are done at once, so only due diligence can breach. */
async function acceptWithDueDiligenceOpen(date: string): Promise<{ caseNo: string; handle: Case; breachKey: string }> {
  const acceptedAt = at(date, '10:00');
  await clockTo(s.env, acceptedAt);
  const input = caseInput(acceptedAt, { assignees: { DUE_DILIGENCE: 'assessor-xm' } });
  const handle = await startCase(s, input);
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: gridEvidence }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', actor: 'customer-manager@xib', evidence: vipEvidence }] });
  return { caseNo: input.caseNo, handle, breachKey: `escalated:DUE_DILIGENCE:${at(date, '24:00').toISOString()}` };
}

const leadersNotices = (caseNo: string) => s.rec.notices(caseNo).filter((n) => n.audience.includes(LEADERS[0]!));

/** The breach notice is out (so the four working hours run from now). */
async function breached(caseNo: string, date: string): Promise<void> {
  await clockTo(s.env, new Date(at(date, '24:00').getTime() + MINUTE));
  await eventually(async () => expect(s.rec.types(caseNo)).toContain('ESCALATED'));
}

test('a breach nobody acknowledges reaches the task force leaders four working hours later, not before', async () => {
  const { caseNo } = await acceptWithDueDiligenceOpen('2035-05-14'); // a Monday
  await breached(caseNo, '2035-05-14');
  const breach = s.rec.notices(caseNo).find((n) => n.type === 'ESCALATED')!;
  expect(breach.audience).toEqual(['TASK_FORCE:综合协调组', 'assessor-xm', 'STREET_OFFICE:lujiang', 'BANK:xib']);

  await clockTo(s.env, at('2035-05-15', '03:58'));
  expect(leadersNotices(caseNo)).toEqual([]);
  await clockTo(s.env, at('2035-05-15', '04:02'));
  const [up] = await eventually(async () => {
    const found = leadersNotices(caseNo);
    expect(found).toHaveLength(1);
    return found;
  });
  expect(up).toMatchObject({ type: 'ESCALATED', audience: LEADERS });
  expect(up!.zh).toMatch(new RegExp(`^【超时无人确认】案件 ${caseNo}（.+）的第三方尽调已于 2035-05-14 24:00 超时，4 个工作小时内无人确认，升级至专班负责人。$`));
  expect(up!.en).toBe(`[Breach unacknowledged] Case ${caseNo}: 第三方尽调 due diligence passed its due 2035-05-14 24:00 and nobody acknowledged it within 4 working hours; escalated to the task force's leaders.`);
});

test('an acknowledged breach goes no higher', async () => {
  const { caseNo, breachKey } = await acceptWithDueDiligenceOpen('2035-05-16'); // a Wednesday
  await breached(caseNo, '2035-05-16');
  s.rec.acknowledged.add(`${caseNo}/${breachKey}`);
  await clockTo(s.env, at('2035-05-17', '06:00'));
  // The wait is over and the workflow asked: nothing went to the leaders.
  expect(leadersNotices(caseNo)).toEqual([]);
});

test('late work done within the four working hours settles the breach: nobody is escalated to', async () => {
  const { caseNo, handle } = await acceptWithDueDiligenceOpen('2035-05-17'); // a Thursday
  await breached(caseNo, '2035-05-17');
  await clockTo(s.env, at('2035-05-18', '02:00'));
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', actor: 'assessor-xm', evidence: ddEvidence }] });
  await clockTo(s.env, at('2035-05-18', '06:00'));
  expect(leadersNotices(caseNo)).toEqual([]);
});

test('the four hours are working hours: a Friday-night breach reaches the leaders early on Monday, not over the weekend', async () => {
  const { caseNo } = await acceptWithDueDiligenceOpen('2035-05-18'); // a Friday
  await breached(caseNo, '2035-05-18');
  await clockTo(s.env, at('2035-05-20', '23:00')); // Sunday night
  expect(leadersNotices(caseNo)).toEqual([]);
  await clockTo(s.env, at('2035-05-21', '04:02'));
  await eventually(async () => expect(leadersNotices(caseNo)).toHaveLength(1));
});
