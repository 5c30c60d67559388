// The fault drill's replay check (maintenance/replayCheck.ts) reports a history the workflow code
// cannot replay, and passes one it can: the recorded happy path, and the same path with its
// first activity renamed, as if the code had changed without patched().
import { developmentDataConverter } from '../../infra/dataConverter';
import { replayHistories } from '../../maintenance/replayCheck';
import { loadHistories } from './historyFiles';

jest.setTimeout(120_000);

test('a history that replays passes; one whose recorded call the code no longer makes is reported by its workflow id', async () => {
  const happy = loadHistories().find((h) => h.name === 'happy-path')!.history;
  const changed = structuredClone(happy);
  const scheduled = changed.events!.find((e) => e.activityTaskScheduledEventAttributes)!.activityTaskScheduledEventAttributes!;
  scheduled.activityType = { name: `${scheduled.activityType!.name}Renamed` };

  const failures = await replayHistories(developmentDataConverter(), [
    { workflowId: 'case-replays', history: happy },
    { workflowId: 'case-changed', history: changed },
  ]);

  expect(failures).toEqual([{ workflowId: 'case-changed', error: expect.stringMatching(/nondeterminism/i) }]);
});
