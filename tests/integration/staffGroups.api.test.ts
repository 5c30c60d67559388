// Who belongs to the task force's notice groups, over the HTTP API: an operator puts a task force
// member among the leaders (专班负责人) and the next notice to the leaders reaches them; a bank's
// manager cannot be put in a task force group (422, nothing written); each change is audited.
import request from 'supertest';
import { SandboxNotificationChannel } from '../../activities/adapters';
import { deliverNotice } from '../../activities/notifications';
import { COORDINATION_GROUP, TASK_FORCE_LEADERS } from '../../domain/escalation';
import { bearer, bearerAs } from '../support/auth';
import { useStack } from '../support/stack';

const stack = useStack();
// People of this file's own, so no other test's notices or groups change; the banker is inactive,
// so no case of the bank is assigned to them.
const DEPUTY = { sub: 'staff-groups-deputy', name: '专班副组长测试', role: 'task_force' as const };
const BANKER = { sub: 'staff-groups-banker', name: '客户经理测试', role: 'customer_manager' as const, bank: 'xib' };

beforeAll(async () => {
  for (const p of [DEPUTY, BANKER]) {
    const data = { name: p.name, role: p.role, bankCode: 'bank' in p ? p.bank : null, active: p === DEPUTY, groups: [] };
    await stack.db.staffMember.upsert({ where: { id: p.sub }, create: { id: p.sub, ...data }, update: data });
  }
});

const setGroups = async (id: string, groups: string[], who = 'operator') =>
  request(stack.app).put(`/api/v1/staff/${encodeURIComponent(id)}/groups`).set('authorization', await bearer(who)).send({ groups });
const members = async (group: string) =>
  (await request(stack.app).get(`/api/v1/staff?group=${encodeURIComponent(group)}`).set('authorization', await bearer('task-force')).expect(200)).body.items.map((m: { id: string }) => m.id);

test('an operator puts a task force member among the leaders: the directory lists them, the next leaders’ notice reaches them, the trail has the change', async () => {
  expect(await members(TASK_FORCE_LEADERS)).not.toContain(DEPUTY.sub);
  const res = await setGroups(DEPUTY.sub, [TASK_FORCE_LEADERS, COORDINATION_GROUP]);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ id: DEPUTY.sub, name: DEPUTY.name, role: 'task_force', street: null, bank: null, active: true, groups: [TASK_FORCE_LEADERS, COORDINATION_GROUP] });
  expect(await members(TASK_FORCE_LEADERS)).toEqual(expect.arrayContaining(['task-force-lead', DEPUTY.sub]));

  const source = `staff-groups-${Date.now()}`;
  await deliverNotice(stack.db, new SandboxNotificationChannel(), { source, eventKey: 'unacknowledged:test', type: 'ESCALATED', at: new Date().toISOString(), audience: [TASK_FORCE_LEADERS], zh: '【超时无人确认】测试', en: '[Breach unacknowledged] test' });
  const inbox = await request(stack.app).get('/api/v1/notifications?limit=100').set('authorization', await bearerAs(DEPUTY)).expect(200);
  expect(inbox.body.items.filter((n: { source: string }) => n.source === source)).toEqual([expect.objectContaining({ via: TASK_FORCE_LEADERS, type: 'ESCALATED' })]);

  const trail = await request(stack.app).get(`/api/v1/audit?subject=staff:${DEPUTY.sub}`).set('authorization', await bearer('task-force')).expect(200);
  expect(trail.body.items[0]).toMatchObject({ actor: 'operator', action: 'STAFF_GROUPS_CHANGED', before: { groups: [] }, after: { groups: [TASK_FORCE_LEADERS, COORDINATION_GROUP] } });

  // Taken out again: the directory no longer lists them among the leaders.
  expect((await setGroups(DEPUTY.sub, [])).body.groups).toEqual([]);
  expect(await members(TASK_FORCE_LEADERS)).not.toContain(DEPUTY.sub);
});

test('a bank’s manager cannot be put in a task force group, an unknown group or person is refused, and nothing is written', async () => {
  const banker = await setGroups(BANKER.sub, [TASK_FORCE_LEADERS]);
  expect(banker.status).toBe(422);
  expect(banker.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(banker.body.errors).toEqual([{ field: 'groups', message: "only task force members (role task_force) belong to the task force's groups; this person is customer_manager" }]);
  const unknownGroup = await setGroups(DEPUTY.sub, ['TASK_FORCE:随便']);
  expect([unknownGroup.status, unknownGroup.body.errors[0].field]).toEqual([422, 'groups.0']);
  expect((await setGroups(DEPUTY.sub, [COORDINATION_GROUP, COORDINATION_GROUP])).status).toBe(422);
  expect((await setGroups('nobody-here', [COORDINATION_GROUP])).status).toBe(404);
  // Only operators set groups; the task force itself reads them.
  expect((await setGroups(DEPUTY.sub, [COORDINATION_GROUP], 'task-force')).status).toBe(403);

  expect((await stack.db.staffMember.findUniqueOrThrow({ where: { id: BANKER.sub } })).groups).toEqual([]);
  expect(await stack.db.auditEntry.count({ where: { subject: `staff:${BANKER.sub}` } })).toBe(0);
});
