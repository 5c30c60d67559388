// The cadence's Temporal Schedules on the dev server (the time-skipping server has no
// Schedules API), and its reports through the real HTTP API.
import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { decideCadence } from '../../domain/cadence/decision';
import { shanghaiDate, shanghaiDateTime } from '../../domain/calendar/timeZone';
import { loadConfig } from '../../infra/config';
import { httpDemoApi } from '../../dev/demo';
import { seedReportDemo } from '../../dev/demoReports';
import { CADENCE_SCHEDULES, CATCHUP_WINDOW, ensureSchedules } from '../../infra/schedules';
import { calendarOf } from '../../readModels/slaSummaryQuery';
import type { CadenceReportResult } from '../../workflows/cadenceReport';
import { bearer } from '../support/auth';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

jest.setTimeout(120_000);
// Declared before the stack's own hooks, so it runs while the stack's client is still open.
afterAll(async () => {
  // The dev server is shared by the run: leave no schedule firing at a queue nobody polls.
  for (const id of IDS) {
    await stack.client.schedule
      .getHandle(id)
      .delete()
      .catch((err: unknown) => {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
      });
  }
});
const stack = useStack();
const IDS = ['greenlane-daily-board', 'greenlane-weekly-pack', 'greenlane-monthly-dispatch'];

async function listed(): Promise<string[]> {
  const ids: string[] = [];
  for await (const s of stack.client.schedule.list()) if (s.scheduleId.startsWith('greenlane-')) ids.push(s.scheduleId);
  return ids.sort();
}


test('ensureSchedules from three workers at once, then again: exactly three schedules, Asia/Shanghai, every day, catch-up buffered', async () => {
  // Workers starting together race to create the same schedules: the losers update them to the same spec.
  await Promise.all([1, 2, 3].map(() => ensureSchedules(stack.client, stack.taskQueue)));
  // Someone changed the daily board's time by hand: the next start-up puts it back.
  await stack.client.schedule.getHandle('greenlane-daily-board').update((prev) => ({ ...prev, spec: { ...prev.spec, calendars: [{ hour: 7, minute: 0 }] } }));
  await ensureSchedules(stack.client, stack.taskQueue);
  await eventually(async () => expect(await listed()).toEqual([...IDS].sort()));

  const expected = { 'greenlane-daily-board': [8, 30, 31], 'greenlane-weekly-pack': [9, 0, 31], 'greenlane-monthly-dispatch': [9, 30, 15] } as Record<string, number[]>;
  for (const id of IDS) {
    const d = await stack.client.schedule.getHandle(id).describe();
    const [hour, minute, lastDayOfMonth] = expected[id]!;
    expect(d.spec.timezone).toBe('Asia/Shanghai');
    expect(d.spec.calendars).toHaveLength(1);
    const cal = d.spec.calendars![0]!;
    expect(cal.hour).toEqual([{ start: hour, end: hour, step: 1 }]);
    expect(cal.minute).toEqual([{ start: minute, end: minute, step: 1 }]);
    expect(cal.dayOfMonth).toEqual([{ start: 1, end: lastDayOfMonth, step: 1 }]);
    // Every day of the week: make-up Saturdays and Sundays are working days.
    expect(cal.dayOfWeek).toEqual([{ start: 'SUNDAY', end: 'SATURDAY', step: 1 }]);
    expect(d.policies).toMatchObject({ overlap: 'BUFFER_ALL', catchupWindow: 14 * 24 * 3600 * 1000, pauseOnFailure: false });
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'cadenceReportWorkflow', taskQueue: stack.taskQueue });
    expect(d.state.paused).toBe(false);
  }
  expect(CATCHUP_WINDOW).toBe('14 days');
  expect(CADENCE_SCHEDULES.map((s) => s.scheduleId).sort()).toEqual([...IDS].sort());
});

test('a triggered run decides for the date it was scheduled, as the calendar says', async () => {
  const handle = stack.client.schedule.getHandle('greenlane-daily-board');
  await handle.trigger();
  const action = await eventually(async () => {
    const recent = (await handle.describe()).info.recentActions;
    expect(recent.length).toBeGreaterThan(0);
    return recent[recent.length - 1]!;
  });
  const result: CadenceReportResult = await stack.client.workflow.getHandle(action.action.workflow.workflowId).result();
  // The schedule's time, read from TemporalScheduledStartTime (kept to the second), not the
  // workflow's own start, which comes later.
  expect(result.scheduledFor).toBe(new Date(Math.floor(action.scheduledAt.getTime() / 1000) * 1000).toISOString());
  const today = shanghaiDate(action.scheduledAt);
  const decision = decideCadence('DAILY', today, await calendarOf(stack.db));
  expect(result).toMatchObject({ kind: 'DAILY', businessDate: today, ran: decision.run });
  if (!result.ran) expect(result.reason).toMatch(/不发布日晾晒/);
});

test('runs missed over the 2025 National Day week, taken late, publish the boards of their own dates', async () => {
  // A backfill takes the actions of a past range now, as the server does for missed ones on
  // its return (within the catch-up window): each run stands for the time it was due.
  const dates = ['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11'];
  const inRange = { kind: 'DAILY', businessDate: { gte: '2025-09-27', lte: '2025-10-12' } };
  await stack.db.cadenceReport.deleteMany({ where: inRange });
  await stack.client.schedule.getHandle('greenlane-daily-board').backfill({
    start: shanghaiDateTime('2025-09-27'),
    end: shanghaiDateTime('2025-10-13'),
    overlap: ScheduleOverlapPolicy.BUFFER_ALL,
  });
  const stored = await eventually(async () => {
    const rows = await stack.db.cadenceReport.findMany({ where: inRange, orderBy: { businessDate: 'asc' } });
    expect(rows.map((r) => r.businessDate)).toEqual(dates);
    return rows;
  }, 90_000);
  // Sunday 9/28 and Saturday 10/11 are make-up working days; 10/1–10/8 and the weekends publish nothing.
  for (const r of stored) expect(r.scheduledFor.toISOString()).toBe(shanghaiDateTime(r.businessDate, '08:30').toISOString());
  expect(stored.find((r) => r.businessDate === '2025-10-09')).toMatchObject({ periodFrom: '2025-09-30', periodTo: '2025-10-08' });
  // A schedule's run is no one's action: not on the audit trail.
  expect(await stack.db.auditEntry.count({ where: { subject: 'report:daily-2025-10-09' } })).toBe(0);
});

test('an operator publishes a date; managers read it as JSON and CSV', async () => {
  const since = new Date();
  const op = await bearer('operator');
  const manager = await bearer('manager');
  const run = await request(stack.app).post('/api/v1/reports/daily/runs').set('authorization', op).send({ date: '2026-11-27' }).expect(201);
  expect(run.headers.location).toBe('/api/v1/reports/daily-2026-11-27');
  expect(run.body).toMatchObject({ id: 'daily-2026-11-27', kind: 'DAILY', businessDate: '2026-11-27', period: { from: '2026-11-26', to: '2026-11-26' } });

  const json = await request(stack.app).get('/api/v1/reports/daily-2026-11-27').set('authorization', manager).expect(200);
  expect(json.body).toMatchObject({ title: { zh: '日晾晒', en: 'Daily progress board' }, scheduledFor: '2026-11-27T00:30:00.000Z' });
  expect(json.body.board.overall).toHaveProperty('promiseKeptRate');
  expect(json.body.board.byStreet).toHaveLength(10);

  const csv = await request(stack.app).get('/api/v1/reports/daily-2026-11-27').set('authorization', manager).set('Accept', 'text/csv').expect(200);
  expect(csv.headers['content-type']).toMatch(/^text\/csv/);
  expect(csv.headers['content-disposition']).toBe('attachment; filename="daily-2026-11-27.csv"');
  expect(csv.text).toMatch(/^\uFEFF日晾晒 Daily progress board,2026-11-27\r\n统计区间 Period,2026-11-26,2026-11-26\r\n/);
  expect(csv.text).toContain('按街道排名 Ranking by street');
  const byFormat = await request(stack.app).get('/api/v1/reports/daily-2026-11-27?format=csv').set('authorization', manager).expect(200);
  expect(byFormat.text.split('\r\n')[0]).toBe(csv.text.split('\r\n')[0]);

  const list = await request(stack.app).get('/api/v1/reports?kind=DAILY&limit=50').set('authorization', manager).expect(200);
  expect(list.body.items.map((r: { id: string }) => r.id)).toContain('daily-2026-11-27');
  expect(list.body.items.every((r: { kind: string }) => r.kind === 'DAILY')).toBe(true);

  // Running the date again replaces the report: still one in the list.
  await request(stack.app).post('/api/v1/reports/daily/runs').set('authorization', op).send({ date: '2026-11-27' }).expect(201);
  const again = await request(stack.app).get('/api/v1/reports?kind=DAILY&limit=100').set('authorization', manager).expect(200);
  expect(again.body.items.filter((r: { id: string }) => r.id === 'daily-2026-11-27')).toHaveLength(1);

  // Each publication by hand is on the audit trail, by the operator who asked (other files may publish this date too).
  const published = await stack.db.auditEntry.findMany({ where: { subject: 'report:daily-2026-11-27', action: 'REPORT_PUBLISHED', at: { gte: since } } });
  expect(published.filter((r) => r.actor === 'operator').length).toBeGreaterThanOrEqual(2);
  expect(published[0].after).toMatchObject({ kind: 'DAILY', businessDate: '2026-11-27', period: { from: '2026-11-26', to: '2026-11-26' } });
});

test('dates that publish nothing, unknown reports and bad parameters are precise 4xx', async () => {
  const op = await bearer('operator');
  const holiday = await request(stack.app).post('/api/v1/reports/daily/runs').set('authorization', op).send({ date: '2026-10-01' }).expect(422);
  expect(holiday.body.errors).toEqual([{ field: 'date', message: expect.stringMatching(/^2026-10-01 为法定节假日（国庆节），不发布日晾晒 \/ holiday/) }]);
  expect(await stack.db.auditEntry.count({ where: { subject: 'report:daily-2026-10-01' } })).toBe(0);
  const notFirst = await request(stack.app).post('/api/v1/reports/monthly/runs').set('authorization', op).send({ date: '2026-11-03' }).expect(422);
  expect(notFirst.body.errors[0].message).toContain('不是本月第一个工作日（2026-11-02）');
  const future = await request(stack.app).post('/api/v1/reports/weekly/runs').set('authorization', op).send({ date: '2099-01-05' }).expect(422);
  expect(future.body.errors).toEqual([{ field: 'date', message: 'must not be after today (Asia/Shanghai)' }]);
  await request(stack.app).post('/api/v1/reports/yearly/runs').set('authorization', op).send({ date: '2026-11-02' }).expect(422);
  const manager = await bearer('manager');
  await request(stack.app).get('/api/v1/reports/daily-2001-01-01').set('authorization', manager).expect(404);
  const bad = await request(stack.app).get('/api/v1/reports?kind=HOURLY&limit=0').set('authorization', manager).expect(422);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'limit']);
});

test('the start-up demo publishes the latest report of each kind once', async () => {
  const ids = ['daily-2025-11-28', 'weekly-2025-11-24', 'monthly-2025-11-03'];
  await stack.db.cadenceReport.deleteMany({ where: { id: { in: ids } } });
  const server = http.createServer(stack.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const api = httpDemoApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, loadConfig({ ...process.env, GREENLANE_ENV: 'test' }));
    const lines: string[] = [];
    // As if started on Sunday 2025-11-30.
    await seedReportDemo(api, (l) => lines.push(l), '2025-11-30');
    expect(lines).toEqual(ids.map((id) => `  例行报告 report ${id} published`));
    await seedReportDemo(api, (l) => lines.push(l), '2025-11-30');
    expect(lines).toHaveLength(3);
    expect(await stack.db.cadenceReport.count({ where: { id: { in: ids } } })).toBe(3);
  } finally {
    await new Promise((r) => server.close(r));
  }
});
