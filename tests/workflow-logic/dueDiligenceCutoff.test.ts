// Same-day due diligence that can be met: a case accepted on a working day before the afternoon
// cut-off (15:00 Asia/Shanghai) has its due diligence due at 24:00 that day; later, by the end of the
// next working day. No branch is AT_RISK the moment the case opens, and a warning comes at least an
// hour after acceptance, in office hours. (2035 has no holiday notice: weekends and statutory days.)
import type { WorkflowHandle } from '@temporalio/client';
import { getStateQuery, type CaseState, type fastTrackCaseWorkflow } from '../../workflows/fastTrackCase';
import { eventually } from '../support/caseScenarios';
import { saveHistory } from '../workflows/historyFiles';
import { MINUTE, acceptCase, at, clockTo, useStubbedWorker } from './harness';

const s = useStubbedWorker();

const dd = (state: CaseState) => state.tasks.find((t) => t.kind === 'DUE_DILIGENCE')!;

async function acceptAt(acceptedAt: Date): Promise<{ caseNo: string; handle: WorkflowHandle<typeof fastTrackCaseWorkflow>; opened: CaseState }> {
  const { input, handle } = await acceptCase(s, acceptedAt);
  return { caseNo: input.caseNo, handle, opened: await handle.query(getStateQuery) };
}

test('accepted on a Friday at 17:45: due diligence is due at the end of Monday, and the case opens ON_TRACK', async () => {
  const { caseNo, handle, opened } = await acceptAt(at('2035-03-09', '17:45'));
  expect(dd(opened)).toMatchObject({ dueAt: at('2035-03-13', '00:00').toISOString(), atRiskAt: at('2035-03-12', '12:00').toISOString(), slaState: 'ON_TRACK' });
  expect(opened.slaState).toBe('ON_TRACK');
  // The weekend passes quietly; the warning comes at noon on Monday (with the grid submission's,
  // also due at the end of Monday).
  await clockTo(s.env, at('2035-03-12', '11:59'));
  expect((await handle.query(getStateQuery)).slaState).toBe('ON_TRACK');
  await clockTo(s.env, at('2035-03-12', '12:01'));
  await eventually(async () => expect(dd(await handle.query(getStateQuery)).slaState).toBe('AT_RISK'));
  await saveHistory(handle, 'due-diligence-after-cutoff');
  const warned = s.rec.slaEntries(caseNo).filter((e) => e.type === 'SLA_AT_RISK');
  expect(warned.map((e) => e.data.subject).sort()).toEqual(['DUE_DILIGENCE', 'GRID_SUBMISSION']);
});

test('accepted at 14:30: due the same day, warned at 15:30 — an hour on, in office hours — never at opening', async () => {
  const { handle, opened } = await acceptAt(at('2035-03-19', '14:30'));
  expect(dd(opened)).toMatchObject({ dueAt: at('2035-03-20', '00:00').toISOString(), atRiskAt: at('2035-03-19', '15:30').toISOString(), slaState: 'ON_TRACK' });
  expect(opened.slaState).toBe('ON_TRACK');
  await clockTo(s.env, at('2035-03-19', '15:29'));
  expect((await handle.query(getStateQuery)).slaState).toBe('ON_TRACK');
  await clockTo(s.env, new Date(at('2035-03-19', '15:30').getTime() + MINUTE));
  await eventually(async () => expect((await handle.query(getStateQuery)).slaState).toBe('AT_RISK'));
});

test('the cut-off itself: accepted at 15:00 is the next working day, at 10:00 the same day with the usual noon warning', async () => {
  const atCutoff = await acceptAt(at('2035-03-26', '15:00'));
  expect(dd(atCutoff.opened)).toMatchObject({ dueAt: at('2035-03-28', '00:00').toISOString(), atRiskAt: at('2035-03-27', '12:00').toISOString() });
  const morning = await acceptAt(at('2035-04-02', '10:00'));
  expect(dd(morning.opened)).toMatchObject({ dueAt: at('2035-04-03', '00:00').toISOString(), atRiskAt: at('2035-04-02', '12:00').toISOString() });
});
