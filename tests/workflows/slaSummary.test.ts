// The SLA summary's figures against cases driven through the real workflow with known
// timings (time-skipping server, real PostgreSQL). The cases live in 鼓浪屿 (gulangyu),
// which no other test uses, and the figures are narrowed to this file's case numbers.
import express from 'express';
import request from 'supertest';
import type { WorkflowHandle } from '@temporalio/client';
import { shanghaiDate, shanghaiDateTime } from '../../domain/calendar/timeZone';
import { DEV_USERS } from '../../infra/devUsers';
import type { Principal } from '../../domain/people';
import { problemHandler } from '../../api/problem';
import { mountRoutes } from '../../api/routes';
import { SLA_ROUTES } from '../../api/routes/sla';
import { auditTrail } from '../../api/services/audit';
import { querySlaBreaches, querySlaSummary, slaReports } from '../../api/services/slaReports';
import { completeTaskUpdate, decideUpdate, type CompleteTaskRequest, type FastTrackCaseInput, type fastTrackCaseWorkflow } from '../../workflows/fastTrackCase';
import {
  HOUR,
  advanceTo,
  calendar,
  caseInput,
  completeAllBranches,
  ddEvidence,
  eventsOf,
  eventually,
  gridEvidence,
  nextWorkingMorning,
  settled,
  startCase,
  useHarnessWithWorker,
  vipEvidence,
} from './caseHarness';

jest.setTimeout(180_000);
const h = useHarnessWithWorker();
const user = (sub: string) => DEV_USERS.find((u) => u.sub === sub)!;
type Handle = WorkflowHandle<typeof fastTrackCaseWorkflow>;

async function eventLanded(caseNo: string, type: string) {
  await eventually(async () => expect((await eventsOf(h.db, caseNo)).map((e) => e.type)).toContain(type));
}

test('summary and breaches match cases driven through known timings', async () => {
  // 10:00 on a working day before another: a due at D's 24:00 is day 1's start.
  const D = await nextWorkingMorning(h.env, '10:00', { beforeAnother: true });
  // 10:00-style instants on the n-th working day after D (n = 0 is D itself).
  const day = (n: number) => (n === 0 ? shanghaiDate(D) : calendar.addWorkingDays(D, n).dueDate);
  const at = (n: number, hhmm: string) => shanghaiDateTime(day(n), hhmm);
  await advanceTo(h.env, D);

  const street = { streetCode: 'gulangyu', acceptedBy: 'officer@gulangyu' };
  const a = caseInput(D, { ...street, bankCode: 'xib' });
  const b = caseInput(D, { ...street, bankCode: 'xib', assignees: { DUE_DILIGENCE: 'assessor@xm-pingan' } });
  const c = caseInput(D, { ...street, bankCode: 'ccb' });
  const ha = await startCase(h, a);
  const hb = await startCase(h, b);
  const hc = await startCase(h, c);
  const complete = (handle: Handle, input: FastTrackCaseInput, kind: 'GRID_SUBMISSION' | 'BANK_VIP_CHANNEL' | 'DUE_DILIGENCE') => {
    const args = {
      GRID_SUBMISSION: { kind, actor: `grid-officer@${input.streetCode}`, evidence: gridEvidence },
      BANK_VIP_CHANNEL: { kind, actor: `customer-manager@${input.bankCode}`, evidence: vipEvidence },
      DUE_DILIGENCE: { kind, actor: input.assignees?.DUE_DILIGENCE ?? 'assessor@default', evidence: ddEvidence },
    }[kind] as CompleteTaskRequest;
    return handle.executeUpdate(completeTaskUpdate, { args: [args] });
  };
  const approve = (handle: Handle, input: FastTrackCaseInput) =>
    handle.executeUpdate(decideUpdate, { args: [{ outcome: 'APPROVED', actor: `approver@${input.bankCode}`, actorProfile: { role: 'credit_approver' as const, bank: input.bankCode }, amountFen: input.amountFen, rateBp: 385, termMonths: 12 }] });

  // Day 0. B's grid and bank branches at 11:00; C's three at 14:00; A's three at 16:00.
  await advanceTo(h.env, at(0, '11:00'));
  await complete(hb, b, 'GRID_SUBMISSION');
  await complete(hb, b, 'BANK_VIP_CHANNEL');
  await advanceTo(h.env, at(0, '14:00'));
  await completeAllBranches(hc, c);
  await advanceTo(h.env, at(0, '16:00'));
  await completeAllBranches(ha, a);

  // B's due diligence passes its 24:00 due and arrives at 09:00 on day 1: nine working hours late.
  await advanceTo(h.env, at(1, '09:00'));
  await eventLanded(b.caseNo, 'SLA_BREACHED');
  await complete(hb, b, 'DUE_DILIGENCE');

  // B approved at 12:00 on day 1, A at 16:00; both are paid at once.
  await advanceTo(h.env, at(1, '12:00'));
  await approve(hb, b);
  await eventLanded(b.caseNo, 'DISBURSED');
  await advanceTo(h.env, at(1, '16:00'));
  await approve(ha, a);
  await eventLanded(a.caseNo, 'DISBURSED');

  // C rejected at 10:00 on day 3.
  await advanceTo(h.env, at(3, '10:00'));
  await hc.executeUpdate(decideUpdate, { args: [{ outcome: 'REJECTED', actor: 'approver@ccb', actorProfile: { role: 'credit_approver' as const, bank: 'ccb' }, reasons: [{ code: 'LOW_CREDIT_RATING' }] }] });
  const final = await settled(ha, hb, hc);
  expect(final.map((s) => [s.stage, s.slaState])).toEqual([
    ['DISBURSED', 'MET'],
    ['DISBURSED', 'BREACHED'],
    ['REJECTED', 'MET'],
  ]);

  const range = { from: shanghaiDate(D), to: day(3) };
  const ours = { caseNo: { in: [a.caseNo, b.caseNo, c.caseNo] } };
  const manager = user('manager');

  // Known timings, in working days (a working day counts 24 h; weekends between do not count):
  //   parallel review  A 6 h = 0.25   B 23 h = 0.958   C 4 h = 0.167      → median 0.25
  //   credit decision  A 1.0          B 3 h = 0.125    C 3 d - 4 h = 2.833 → median 1.0
  //   contracting      A ≈ 0          B ≈ 0                                → median 0
  //   whole case       A 1.25         B 26 h = 1.083   C 3.0              → median 1.25
  const summary = await querySlaSummary(h.db, manager, { ...range, groupBy: 'street' }, ours);
  expect(summary.groups.map((g) => [g.code, g.nameZh])).toEqual([['gulangyu', '鼓浪屿街道']]);
  for (const f of [summary.overall, summary.groups[0]!]) {
    // C's rejection is a decision in time, not a third kept promise: A and B paid in time keep it.
    expect(f).toMatchObject({ opened: 3, decided: 3, rejected: 1, decidedInTime: 3, decidedInTimeRate: 1, disbursed: 2, disbursedInTime: 2, promiseKeptRate: 1, closed: 3, breachedCases: 1, breaches: 1 });
    expect(f.onTimeRate).toBeCloseTo(2 / 3, 3);
    expect(f.medianWorkingDays.parallelReview).toBeCloseTo(0.25, 2);
    expect(f.medianWorkingDays.creditDecision).toBeCloseTo(1, 2);
    expect(f.medianWorkingDays.contractingDisbursing).toBeCloseTo(0, 2);
    expect(f.medianWorkingDays.acceptanceToDecision).toBeCloseTo(1.25, 2);
  }

  const byBank = await querySlaSummary(h.db, manager, { ...range, groupBy: 'bank' }, ours);
  // CCB only rejected (in time): no money, so no promise kept (it read 100% when a rejection counted).
  expect(byBank.groups.map((g) => [g.code, g.opened, g.decided, g.decidedInTimeRate, g.disbursed, g.promiseKeptRate, g.breaches, g.onTimeRate])).toEqual([
    ['ccb', 1, 1, 1, 0, null, 0, 1],
    ['xib', 2, 2, 1, 2, 1, 1, 0.5],
  ]);
  const ccb = byBank.groups[0]!.medianWorkingDays;
  expect(ccb.parallelReview).toBeCloseTo(4 / 24, 2);
  expect(ccb.creditDecision).toBeCloseTo(3 - 4 / 24, 2);
  expect(ccb.contractingDisbursing).toBeNull();
  const xib = byBank.groups[1]!.medianWorkingDays;
  expect(xib.parallelReview).toBeCloseTo((0.25 + 23 / 24) / 2, 2);
  expect(xib.acceptanceToDecision).toBeCloseTo((1.25 + 26 / 24) / 2, 2);

  // The breach list: B's due diligence, who owned it, and how late it was.
  const breaches = await querySlaBreaches(h.db, manager, range, at(3, '10:00'), ours);
  expect(breaches.items).toHaveLength(1);
  const item = breaches.items[0]!;
  expect(item).toMatchObject({
    caseId: b.caseNo,
    firmName: b.firm.name,
    street: { code: 'gulangyu', nameZh: '鼓浪屿街道' },
    bank: { code: 'xib' },
    subject: 'DUE_DILIGENCE',
    assignee: 'assessor@xm-pingan',
    stage: 'PARALLEL_REVIEW',
    dueAt: shanghaiDateTime(day(1)).toISOString(),
    resolved: true,
  });
  expect(Math.abs(item.lateWorkingMs - 9 * HOUR)).toBeLessThan(60_000);
  expect(item.lateWorkingHours).toBeCloseTo(9, 1);
  expect(new Date(item.breachedAt).getTime() - new Date(item.dueAt).getTime()).toBeLessThan(60_000);

  // Scope: CCB's customer manager sees only C, and none of XIB's breaches.
  const ccbManager = user('ccb-manager');
  expect((await querySlaBreaches(h.db, ccbManager, range, at(3, '10:00'), ours)).items).toEqual([]);
  const ccbView = await querySlaSummary(h.db, ccbManager, { ...range, groupBy: 'bank' }, ours);
  expect(ccbView.groups.map((g) => g.code)).toEqual(['ccb']);
  expect(ccbView.overall).toMatchObject({ opened: 1, breaches: 0 });

  // The same figures through the router (the street holds at least this file's cases).
  const app = express();
  app.use((req, _res, next) => {
    req.principal = manager as Principal;
    next();
  });
  mountRoutes(app.router, SLA_ROUTES, { sla: slaReports(h.db), audit: auditTrail(h.db) }, '/api/v1');
  app.use(problemHandler);
  const res = await request(app).get('/sla/summary').query({ ...range, groupBy: 'street', street: 'gulangyu' }).expect(200);
  expect(res.body.groups[0]).toMatchObject({ code: 'gulangyu', nameEn: 'Gulangyu Street' });
  expect(res.body.groups[0].opened).toBeGreaterThanOrEqual(3);
  const csv = await request(app).get('/sla/summary').query({ ...range, groupBy: 'street', street: 'gulangyu', format: 'csv' }).expect(200);
  expect(csv.text).toMatch(/^\uFEFF代码 Code,/);
  expect(csv.text).toMatch(/\r\ngulangyu,鼓浪屿街道 Gulangyu Street,\d+,/);
});
