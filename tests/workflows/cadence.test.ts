// The cadence workflow on the time-skipping server with the real activities and PostgreSQL.
// The daily board across the 2026 National Day week: one run per day, as the schedule starts
// them (it fires every day), each standing for its own scheduled time. Only working days, the
// make-up Saturday included, leave a stored board; the first one back covers the holiday.
import { addDays, shanghaiDate, shanghaiDateTime } from '../../domain/calendar/timeZone';
import type { CadenceReportContent } from '../../domain/cadence/report';
import type { CadenceKind } from '../../domain/cadence/decision';
import { withdrawUpdate } from '../../workflows/fastTrackCase';
import { cadenceReportWorkflow } from '../../workflows/cadenceReport';
import { advanceTo, caseInput, eventsOf, eventually, nextWorkingMorning, saveHistory, settled, startCase, useHarnessWithWorker } from './caseHarness';

jest.setTimeout(120_000);
const h = useHarnessWithWorker();

let runs = 0;
function startRun(kind: CadenceKind, scheduledFor: Date) {
  return h.env.client.workflow.start(cadenceReportWorkflow, {
    workflowId: `cadence-test-${kind.toLowerCase()}-${Date.now()}-${++runs}`,
    taskQueue: h.taskQueue,
    args: [{ kind, scheduledFor: scheduledFor.toISOString() }],
  });
}

const DAYS: string[] = [];
for (let d = '2026-09-30'; d <= '2026-10-11'; d = addDays(d, 1)) DAYS.push(d);

// First: it needs the server's clock near today, and reading a result lets the server skip time.
test('the board counts the period’s cases and names who holds up a breached case', async () => {
  // Accepted at 10:00 on a working day; its due diligence is due at 24:00 and never arrives.
  const D = await nextWorkingMorning(h.env);
  await advanceTo(h.env, D);
  const input = caseInput(D);
  const handle = await startCase(h, input);
  const boardAt = await nextWorkingMorning(h.env, '08:30');
  await advanceTo(h.env, boardAt);
  await eventually(async () => expect((await eventsOf(h.db, input.caseNo)).map((e) => e.type)).toContain('SLA_BREACHED'));

  const [result] = await settled(await startRun('DAILY', boardAt));
  const id = `daily-${shanghaiDate(boardAt)}`;
  expect(result).toMatchObject({ ran: true, reportId: id });
  const report = (await h.db.cadenceReport.findUniqueOrThrow({ where: { id } })).content as unknown as CadenceReportContent;
  expect(report.period).toEqual({ from: shanghaiDate(D), to: addDays(shanghaiDate(boardAt), -1) });
  // Other test files share the database: at least this case, never fewer.
  // (The breach itself, at 24:00, falls in the next board's period.)
  expect(report.activity.opened).toBeGreaterThanOrEqual(1);
  // Our case is open and breached now: its street counts it, whatever happened in the period.
  const lujiang = report.board.byStreet.find((g) => g.code === 'lujiang')!;
  expect(lujiang).toMatchObject({ nameZh: '鹭江街道' });
  expect(lujiang.open.bySlaState.BREACHED).toBeGreaterThanOrEqual(1);
  const ours = report.atRisk.find((c) => c.caseId === input.caseNo);
  expect(ours).toMatchObject({ slaState: 'BREACHED', street: { code: 'lujiang' }, bank: { code: 'xib' } });
  expect(ours!.owners).toContainEqual(expect.objectContaining({ subject: 'DUE_DILIGENCE', assignee: 'assessor@default', slaState: 'BREACHED' }));

  await handle.executeUpdate(withdrawUpdate, { args: [{ reason: '测试结束 test over', actor: 'officer@lujiang' }] });
});

test('a daily board skips the holiday week and runs on its make-up Saturday', async () => {
  await h.db.cadenceReport.deleteMany({ where: { id: { in: DAYS.map((d) => `daily-${d}`) } } });
  const results = [];
  for (const day of DAYS) {
    const handle = await startRun('DAILY', shanghaiDateTime(day, '08:30'));
    const [result] = await settled(handle);
    results.push(result!);
    if (day === '2026-10-03') await saveHistory(handle, 'cadence-daily-holiday');
    if (day === '2026-10-10') await saveHistory(handle, 'cadence-daily-board');
  }

  expect(results.filter((r) => r.ran).map((r) => r.businessDate)).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
  expect(results.find((r) => r.businessDate === '2026-10-03')).toMatchObject({ ran: false, reason: expect.stringMatching(/^2026-10-03 为法定节假日（国庆节），不发布日晾晒 \/ holiday/) });
  expect(results.find((r) => r.businessDate === '2026-10-11')).toMatchObject({ ran: false, reason: expect.stringContaining('休息日') });

  const stored = await h.db.cadenceReport.findMany({ where: { id: { in: DAYS.map((d) => `daily-${d}`) } }, orderBy: { businessDate: 'asc' } });
  expect(stored.map((r) => [r.id, r.periodFrom, r.periodTo])).toEqual([
    ['daily-2026-09-30', '2026-09-29', '2026-09-29'],
    ['daily-2026-10-08', '2026-09-30', '2026-10-07'], // the holiday week's activity is not lost
    ['daily-2026-10-09', '2026-10-08', '2026-10-08'],
    ['daily-2026-10-10', '2026-10-09', '2026-10-09'],
  ]);
  // A run caught up later reports the day it was scheduled for, not the day it ran.
  expect(stored[3]!.scheduledFor.toISOString()).toBe('2026-10-10T00:30:00.000Z');
  expect(stored[3]!.content).toMatchObject({ title: { zh: '日晾晒', en: 'Daily progress board' }, businessDate: '2026-10-10', provisional: false });
});

test('running a date again replaces its board instead of adding one', async () => {
  const at = shanghaiDateTime('2026-10-09', '08:30');
  await settled(await startRun('DAILY', at));
  const first = await h.db.cadenceReport.findUniqueOrThrow({ where: { id: 'daily-2026-10-09' } });
  await settled(await startRun('DAILY', at));
  const rows = await h.db.cadenceReport.findMany({ where: { kind: 'DAILY', businessDate: '2026-10-09' } });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.generatedAt.getTime()).toBeGreaterThanOrEqual(first.generatedAt.getTime());
});
