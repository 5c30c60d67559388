// Every recorded path must replay on the current workflow code. A failure here means a
// change is not deterministic for running cases: guard it with patched(). The worker's data
// converter (the payload codec) is on: histories recorded before it, in clear, still replay.
import { Worker } from '@temporalio/worker';
import { developmentDataConverter } from '../../infra/dataConverter';
import { workflowBundle } from '../support/temporalEnv';
import { loadHistories } from './historyFiles';

jest.setTimeout(120_000);

const histories = loadHistories();

test('histories of every path are recorded', () => {
  expect(histories.map((h) => h.name)).toEqual(
    expect.arrayContaining(['happy-path', 'due-diligence-breached', 'holiday', 'rejected', 'withdrawn', 'invalid-updates', 'pause-and-reassign', 'worker-restart', 'calendar-changed', 'cadence-daily-board', 'cadence-daily-holiday', 'joint-consultation-accepted', 'joint-consultation-breached', 'consultation-batch', 'sci-tech-withdrawn-while-scoring', 'due-diligence-after-cutoff', 'provisional-substitute-rest-days', 'sci-tech-pledged-patents', 'contract-cancelled-then-withdrawn', 'disbursement-held-then-confirmed', 'pause-working-days', 'joint-consultation-paused-working-days', 'breach-unacknowledged-escalated', 'consultation-batch-member-ids', 'consultation-batch-pilot-firm', 'joint-consultation-pilot-firm', 'withdrawn-while-paused', 'joint-consultation-withdrawn-while-paused', 'joint-consultation-declined-answered-once-recorded', 'acceptance-written-once', 'sci-tech-breach-unacknowledged-escalated', 'joint-consultation-breach-unacknowledged-escalated', 'joint-consultation-pause-limit', 'lead-breached-closed', 'lead-contacted-converted', 'lead-calendar-changed', 'firm-answered-materials', 'firm-disbursement-sms', 'local-acceptance', 'sci-tech-local-acceptance', 'firm-confirmed-contract', 'calendar-notice-while-confirming', 'confirmation-due-follows-calendar', 'local-projections', 'sci-tech-local-projections', 'fast-track-2026-12', 'sci-tech-2026-12']),
  );
});

test.each(histories.map((h) => [h.name, h.history] as const))('%s replays without nondeterminism', async (name, history) => {
  await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: developmentDataConverter() }, history, `replay-${name}`);
});
