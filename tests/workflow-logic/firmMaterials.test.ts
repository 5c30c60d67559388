// The firm answers the materials its paused case waits for: only the case's own firm, only while
// the clock waits, with words and at least one document named; its answer resumes the clock, the
// wait is not counted against the promise, and the timeline keeps what it sent. 2035 has no
// notice loaded; the week used here holds no holiday. Its history joins the replay test's.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { answerMaterialsUpdate, completeTaskUpdate, getStateQuery, pauseSlaUpdate, type AnswerMaterialsRequest, type CompleteTaskRequest } from '../../workflows/fastTrackCase';
import { ddEvidence, vipEvidence } from '../support/caseScenarios';
import { saveHistory } from '../workflows/historyFiles';
import { acceptCase, at, clockTo, useStubbedWorker } from './harness';

const s = useStubbedWorker();

/** The validator's reason for refusing an update, or 'accepted'. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (err) => (err instanceof WorkflowUpdateFailedError ? String((err.cause as Error).message) : `unexpected: ${err}`),
  );

test('the firm’s answer resumes its paused clock; another firm, an empty list or a clock not paused is refused and changes nothing', async () => {
  const { input, handle } = await acceptCase(s, at('2035-03-05', '10:00')); // a Monday
  const answer: AnswerMaterialsRequest = { actor: 'biotech-firm', actorCreditCode: input.firm.creditCode, text: '已上传近三个月银行流水', documents: ['2035年1-3月银行流水', '纳税证明'] };
  const answering = (req: AnswerMaterialsRequest) => handle.executeUpdate(answerMaterialsUpdate, { args: [req] });
  // The bank and the assessor are done; the grid submission waits for the firm.
  for (const [kind, evidence] of [['DUE_DILIGENCE', ddEvidence], ['BANK_VIP_CHANNEL', vipEvidence]] as const) {
    const actor = (await handle.query(getStateQuery)).tasks.find((t) => t.kind === kind)!.assignee;
    await handle.executeUpdate(completeTaskUpdate, { args: [{ kind, actor, evidence } as CompleteTaskRequest] });
  }

  expect(await refusal(answering(answer))).toMatch(/当前没有等待补充的材料/);

  await clockTo(s.env, at('2035-03-05', '11:00'));
  const paused = await handle.executeUpdate(pauseSlaUpdate, { args: [{ kind: 'GRID_SUBMISSION', reason: '请补充近三个月银行流水', actor: 'officer@lujiang' }] });
  expect(paused.slaState).toBe('PAUSED');

  await clockTo(s.env, at('2035-03-07', '10:00')); // Wednesday
  expect(await refusal(answering({ ...answer, actorCreditCode: '91350203MA2LJ1D178' }))).toMatch(/只有申请企业本身可以补充材料/);
  expect(await refusal(answering({ ...answer, actorCreditCode: '' }))).toMatch(/只有申请企业本身可以补充材料/);
  expect(await refusal(answering({ ...answer, documents: [] }))).toMatch(/请列出 1 至 20 份材料/);
  expect(await refusal(answering({ ...answer, documents: ['  '] }))).toMatch(/缺少第 1 份材料名称/);
  expect(await refusal(answering({ ...answer, text: '' }))).toMatch(/缺少材料说明/);
  expect((await handle.query(getStateQuery)).slaState).toBe('PAUSED');

  const resumed = await answering(answer);
  // Tuesday and Wednesday waited (Monday, the pause's own day, not counted): the promise moves two working days.
  expect(resumed.slaState).not.toBe('PAUSED');
  expect(resumed.pauses).toEqual([expect.objectContaining({ kind: 'GRID_SUBMISSION', by: 'officer@lujiang', pausedWorkingDays: 2 })]);
  expect(new Date(resumed.dueAt!).getTime()).toBe(new Date(paused.dueAt!).getTime() + 2 * 24 * 3600_000);
  const event = s.rec.timeline(input.caseNo).find((e) => e.type === 'SLA_RESUMED')!;
  expect(event).toMatchObject({ actor: 'biotech-firm', data: { kind: 'GRID_SUBMISSION', note: answer.text, documents: answer.documents, pausedWorkingDays: 2 } });
  expect(await refusal(answering(answer))).toMatch(/当前没有等待补充的材料/);
  await saveHistory(handle, 'firm-answered-materials');
});
