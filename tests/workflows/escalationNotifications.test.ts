// Escalation that reaches people, end to end: real workflows on the time-skipping server, real
// activities on the real database, and the real HTTP API reading what each person received.
// A due-diligence branch breaches at midnight: the assessor who holds it, the street office, the
// bank and the coordination group each find it at GET /api/v1/notifications and the sandbox
// channel sent it to each. One case's breach is acknowledged by the bank; the other's by nobody,
// and four working hours later that one alone reaches the task force's leaders.
import request from 'supertest';
import { createApp } from '../../api/app';
import { SandboxNotificationChannel, createSandboxAdapters } from '../../activities/adapters';
import { addWorkingTime } from '../../domain/calendar/shiftWorkingTime';
import { UNACKNOWLEDGED_BREACH_WORKING_MS } from '../../domain/escalation';
import { completeTaskUpdate, withdrawUpdate, type FastTrackCaseInput } from '../../workflows/fastTrackCase';
import type { Principal } from '../../domain/people';
import { bearer, bearerAs } from '../support/auth';
import { HOUR, advanceTo, apiOver, calendar, caseInput, createHarness, eventually, gridEvidence, nextWorkingMorning, saveHistory, settled, startCase, vipEvidence, type Harness } from './caseHarness';

let h: Harness;
let app: ReturnType<typeof createApp>;
const channel = new SandboxNotificationChannel();
// The late branch's holder: a staff member of this file's own, so no other test's inbox lists its cases.
const ASSESSOR: Principal = { sub: 'escalation-assessor', name: '升级测试评估机构', role: 'assessor' };
beforeAll(async () => {
  h = await createHarness();
  await h.db.staffMember.upsert({ where: { id: ASSESSOR.sub }, create: { id: ASSESSOR.sub, name: ASSESSOR.name, role: ASSESSOR.role }, update: {} });
  await h.startWorker({ ...createSandboxAdapters(h.db, {}), notifications: channel });
  app = apiOver(h);
});
afterAll(() => h?.teardown());

interface Item {
  id: string;
  source: string;
  type: string;
  text: { zh: string; en: string };
  via: string;
  acknowledgedAt: string | null;
}

/** What `who` sees about `caseNo` at GET /api/v1/notifications (other tests share the database). */
const tokenOf = (who: string) => (who === ASSESSOR.sub ? bearerAs(ASSESSOR) : bearer(who));

async function notificationsOf(who: string, caseNo: string, query = '?limit=100'): Promise<Item[]> {
  const res = await request(app).get(`/api/v1/notifications${query}`).set('authorization', await tokenOf(who)).expect(200);
  return (res.body.items as Item[]).filter((n) => n.source === caseNo);
}

/** The breach notices among them (the AT_RISK warning at noon went to the street office and the task force). */
const breachesOf = async (who: string, caseNo: string, query?: string) => (await notificationsOf(who, caseNo, query)).filter((n) => n.type === 'ESCALATED');

const acknowledge = async (who: string, id: string) => request(app).post(`/api/v1/notifications/${id}/acknowledge`).set('authorization', await tokenOf(who));

/** A case of 鹭江 street and 厦门国际银行 whose grid and bank work is done at once; due diligence is this file's assessor's. */
async function caseWithDueDiligenceOpen(acceptedAt: Date): Promise<FastTrackCaseInput & { handle: Awaited<ReturnType<typeof startCase>> }> {
  const input = caseInput(acceptedAt, { assignees: { DUE_DILIGENCE: ASSESSOR.sub } });
  const handle = await startCase(h, input);
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: gridEvidence }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', actor: 'customer-manager@xib', evidence: vipEvidence }] });
  return { ...input, handle };
}

test('a breach reaches the assignee, the street office, the bank and the coordination group; unacknowledged, it reaches the leaders', async () => {
  const acceptedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, acceptedAt);
  const ignored = await caseWithDueDiligenceOpen(acceptedAt);
  const answered = await caseWithDueDiligenceOpen(acceptedAt);

  // Midnight passes without the due-diligence report: both cases breach.
  const breachAt = new Date(acceptedAt.getTime() + 14 * HOUR);
  await advanceTo(h.env, new Date(breachAt.getTime() + 60_000));
  const told = { [ASSESSOR.sub]: ASSESSOR.sub, 'lujiang-officer': 'STREET_OFFICE:lujiang', 'xib-manager': 'BANK:xib', 'xib-approver': 'BANK:xib', 'task-force': 'TASK_FORCE:综合协调组' };
  for (const [who, via] of Object.entries(told)) {
    const [n] = await eventually(async () => {
      const found = await breachesOf(who, ignored.caseNo, '?unread=true&limit=100');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(n).toMatchObject({ type: 'ESCALATED', via, acknowledgedAt: null });
    expect(n!.text.zh).toMatch(new RegExp(`^【超时督办】案件 ${ignored.caseNo}（.+）的第三方尽调已于 .+ 超时，负责人 ${ASSESSOR.sub}`));
    expect(n!.text.en).toMatch(new RegExp(`^\\[SLA breached\\] Case ${ignored.caseNo}: 第三方尽调 due diligence passed its due`));
  }
  // Not the grid officer (their work was done), another street or bank, nor the leaders, yet.
  for (const who of ['lujiang-grid', 'assessor', 'lianqian-officer', 'ccb-manager']) expect(await notificationsOf(who, ignored.caseNo)).toEqual([]);
  expect(await breachesOf('task-force-lead', ignored.caseNo)).toEqual([]);
  expect((await notificationsOf('task-force-lead', ignored.caseNo)).map((n) => n.via)).toEqual(['TASK_FORCE']);
  // The channel sent each of them their message once, Chinese first (staff other tests add may be told too).
  const sent = channel.sent.filter((m) => m.text.includes(ignored.caseNo) && m.text.startsWith('【超时督办】'));
  const recipients = sent.map((m) => m.recipient);
  expect(recipients).toEqual(expect.arrayContaining(Object.keys(told)));
  expect(new Set(recipients).size).toBe(recipients.length);
  expect(recipients).not.toContain('lujiang-grid');
  expect(sent[0]!.text).toMatch(/^【超时督办】.*\n\[SLA breached\]/s);

  // Someone else's notification cannot be acknowledged (404, as if it did not exist), and stays unread.
  const [assessorsNotice] = await breachesOf(ASSESSOR.sub, ignored.caseNo);
  expect((await acknowledge('lujiang-officer', assessorsNotice!.id)).status).toBe(404);
  expect((await acknowledge(ASSESSOR.sub, 'not-a-notification')).status).toBe(404);
  expect((await breachesOf(ASSESSOR.sub, ignored.caseNo))[0]!.acknowledgedAt).toBeNull();

  // The bank acknowledges the other case's breach; a second acknowledgement answers the same.
  const [banksNotice] = await eventually(async () => {
    const found = await breachesOf('xib-manager', answered.caseNo);
    expect(found).toHaveLength(1);
    return found;
  });
  const first = await acknowledge('xib-manager', banksNotice!.id);
  expect(first.status).toBe(200);
  expect(first.body.acknowledgedAt).toEqual(expect.any(String));
  const again = await acknowledge('xib-manager', banksNotice!.id);
  expect([again.status, again.body.acknowledgedAt]).toEqual([200, first.body.acknowledgedAt]);
  expect(await notificationsOf('xib-manager', answered.caseNo, '?unread=true&limit=100')).toEqual([]);

  // Four working hours after the breach (the next working day's 04:00 on the working-time calendar).
  const escalatesAt = addWorkingTime(calendar, breachAt, UNACKNOWLEDGED_BREACH_WORKING_MS);
  await advanceTo(h.env, new Date(escalatesAt.getTime() - 120_000));
  expect(await breachesOf('task-force-lead', ignored.caseNo)).toEqual([]);
  await advanceTo(h.env, new Date(escalatesAt.getTime() + 120_000));
  const [up] = await eventually(async () => {
    const found = await breachesOf('task-force-lead', ignored.caseNo);
    expect(found).toHaveLength(1);
    return found;
  });
  expect(up).toMatchObject({ type: 'ESCALATED', via: 'TASK_FORCE:专班负责人', acknowledgedAt: null });
  expect(up!.text.zh).toMatch(new RegExp(`^【超时无人确认】案件 ${ignored.caseNo}（.+）的第三方尽调已于 .+ 超时，4 个工作小时内无人确认，升级至专班负责人。$`));
  // The acknowledged breach went no higher.
  expect(await breachesOf('task-force-lead', answered.caseNo)).toEqual([]);

  for (const c of [ignored, answered]) await c.handle.executeUpdate(withdrawUpdate, { args: [{ reason: '测试结束 end of test', actor: 'lujiang-officer' }] });
  await settled(ignored.handle, answered.handle);
  await saveHistory(ignored.handle, 'breach-unacknowledged-escalated');
});
