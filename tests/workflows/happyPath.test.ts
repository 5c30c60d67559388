import { SandboxAssessor, SandboxBank, SandboxIpValuation, SandboxNotificationChannel, SandboxXinyidai } from '../../activities/adapters';
import { shanghaiDate } from '../../domain/calendar/timeZone';
import { SlaState, CaseStage, BranchesOpen, SlaBreaches } from '../../workflows/searchAttributes';
import { completeTaskUpdate, decideUpdate, getStateQuery } from '../../workflows/fastTrackCase';
import { HOUR, advanceTo, calendar, caseInput, createHarness, ddEvidence, eventsOf, gridEvidence, nextWorkingMorning, patchMarkers, patchesMarkedAfterLocalActivity, recordWrites, saveHistory, startCase, vipEvidence, type Harness } from './caseHarness';

jest.setTimeout(120_000);
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  // Outside systems that stumble once each: retried inside the people's updates.
  await h.startWorker({
    xinyidai: new SandboxXinyidai({ failFirst: 1, latencyMs: 20 }),
    bank: new SandboxBank(h.db, { failFirst: 1, latencyMs: 20 }),
    assessor: new SandboxAssessor({ failFirst: 1 }),
    ipValuation: new SandboxIpValuation(),
    notifications: new SandboxNotificationChannel(),
  });
});
afterAll(() => h?.teardown());

test('three branches, approval and the money inside five working days', async () => {
  const acceptedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, acceptedAt);
  const input = caseInput(acceptedAt);
  const handle = await startCase(h, input);
  // Acceptance answered from the first workflow task: the calendar read and the one write of the case,
  // its acceptance event and its branches ran inside it as local activities, nothing went to the server's queue.
  const history = (await handle.fetchHistory()).events ?? [];
  const tasks = history.flatMap((e, i) => (e.workflowTaskScheduledEventAttributes ? [i] : []));
  const firstTask = history.slice(0, tasks[1]);
  expect(firstTask.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(2);
  // Every change the case takes came with its code generation's one marker and one upsert of
  // TemporalChangeVersion (a marker and an upsert per change before), then the case's own upsert.
  expect(patchMarkers(firstTask)).toEqual(['fast-track-2026-12']);
  expect(firstTask.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes)).toHaveLength(2);
  const scheduled = history.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
  expect(scheduled.filter((name) => ['loadCalendarYears', 'recordCaseOpened', 'recordCaseAccepted'].includes(name))).toEqual([]);
  expect((await eventsOf(h.db, input.caseNo)).map((e) => e.type).slice(0, 2)).toEqual(['ACCEPTED', 'BRANCHES_STARTED']);
  expect(await h.db.caseTask.count({ where: { caseNo: input.caseNo } })).toBe(3);

  let state = await handle.query(getStateQuery);
  expect(state.stage).toBe('PARALLEL_REVIEW');
  expect(state.tasks.map((t) => [t.kind, t.status])).toEqual([
    ['GRID_SUBMISSION', 'OPEN'],
    ['BANK_VIP_CHANNEL', 'OPEN'],
    ['DUE_DILIGENCE', 'OPEN'],
  ]);
  // Due diligence is due the same working day, at 24:00 Asia/Shanghai.
  const dd = state.tasks.find((t) => t.kind === 'DUE_DILIGENCE')!;
  expect(new Date(dd.dueAt).getTime() - acceptedAt.getTime()).toBe(14 * HOUR);
  expect(calendar.workingDaysBetween(shanghaiDate(acceptedAt), shanghaiDate(new Date(new Date(state.dueAt!).getTime() - 1)))).toBe(5);

  // The assessor files the same morning; the grid officer and the customer manager follow.
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', actor: 'assessor@default', evidence: ddEvidence }] });
  await advanceTo(h.env, new Date(acceptedAt.getTime() + 4 * HOUR));
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: gridEvidence }] });
  state = await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', actor: 'customer-manager@xib', evidence: vipEvidence }] });
  expect(state.stage).toBe('CREDIT_DECISION');

  state = await handle.executeUpdate(decideUpdate, {
    args: [{ outcome: 'APPROVED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: 500_000_000, rateBp: 385, termMonths: 12 }],
  });
  expect(state.stage).not.toBe('CREDIT_DECISION');
  state = await handle.result();

  expect(state.stage).toBe('DISBURSED');
  expect(state.slaState).toBe('MET');
  expect(state.breaches).toEqual([]);
  expect(state.disbursement).toMatchObject({ amountFen: 500_000_000, reference: `FK-${input.caseNo}` });

  // What the district sees in PostgreSQL.
  const record = await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo }, include: { tasks: true } });
  expect(record).toMatchObject({ stage: 'DISBURSED', slaState: 'MET' });
  expect(record.tasks.map((t) => [t.kind, t.status]).sort()).toEqual([
    ['BANK_VIP_CHANNEL', 'DONE'],
    ['DUE_DILIGENCE', 'DONE'],
    ['GRID_SUBMISSION', 'DONE'],
  ]);
  expect(record.tasks.find((t) => t.kind === 'GRID_SUBMISSION')!.evidence).toMatchObject({ applicationNo: gridEvidence.applicationNo, status: 'RECEIVED' });
  const types = (await eventsOf(h.db, input.caseNo)).map((e) => e.type);
  expect(types).toEqual(expect.arrayContaining(['ACCEPTED', 'BRANCHES_STARTED', 'TASK_COMPLETED', 'APPROVED', 'CONTRACT_SIGNED', 'DISBURSED']));
  expect(types).not.toContain('SLA_BREACHED');
  const paid = (await new SandboxBank(h.db).ledger([input.caseNo])).payments;
  expect(paid).toHaveLength(1);
  expect(paid[0]!.amountFen).toBe(500_000_000);
  const disbursed = (await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'DISBURSED')!;
  expect(disbursed.data).toMatchObject({ withinPromise: true });

  // What operators filter on in Temporal UI.
  const desc = await handle.describe();
  expect(desc.typedSearchAttributes.get(CaseStage)).toBe('DISBURSED');
  expect(desc.typedSearchAttributes.get(SlaState)).toBe('MET');
  expect(desc.typedSearchAttributes.get(BranchesOpen)).toEqual([]);
  expect(desc.typedSearchAttributes.get(SlaBreaches)).toBe(0);

  // The record's writes ran inside the workflow tasks that made them (local activities, patch
  // local-projections), three in a row at most: every fourth went by the server. Every change the
  // run takes came with its code generation, by one marker before the first of those writes.
  const events = (await handle.fetchHistory()).events ?? [];
  const writes = recordWrites(events);
  expect(writes.join(' ')).not.toMatch(/local local local local/);
  expect(writes.filter((w) => w === 'local').length).toBeGreaterThanOrEqual((writes.length * 3) / 4 - 1);
  expect(patchMarkers(events)).toEqual(['fast-track-2026-12']);
  expect(patchesMarkedAfterLocalActivity(events)).toEqual([]);

  await saveHistory(handle, 'happy-path');
  // The same path since acceptance writes its record once (patch acceptance-written-once), since it
  // runs in the first workflow task (local-acceptance), and since every record write does (local-projections).
  await saveHistory(handle, 'acceptance-written-once');
  await saveHistory(handle, 'local-acceptance');
  await saveHistory(handle, 'local-projections');
  await saveHistory(handle, 'fast-track-2026-12');
});
