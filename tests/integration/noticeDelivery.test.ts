// A notice reaches each person once, whatever retries happen: against the real PostgreSQL, a
// delivery whose first send fails is retried (as its activity is), writes no second row and sends
// nobody twice; a third delivery of the same notice sends nothing.
import { SandboxNotificationChannel, type NotificationChannel } from '../../activities/adapters';
import { deliverNotice } from '../../activities/notifications';
import { COORDINATION_GROUP, TASK_FORCE_LEADERS } from '../../domain/escalation';
import { audienceMembers } from '../../infra/staffDirectory';
import { useStack } from '../support/stack';

const stack = useStack();

test('a notice delivered again after a failed send: one row per person, each sent once, the failed one on the retry', async () => {
  const audience = [TASK_FORCE_LEADERS, COORDINATION_GROUP];
  const reached = (await audienceMembers(stack.db, audience)).map((m) => m.staffId).sort();
  expect(reached.length).toBeGreaterThan(1);

  const sandbox = new SandboxNotificationChannel({ failFirst: 1 });
  const sends: string[] = [];
  const channel: NotificationChannel = { send: (m) => (sends.push(m.recipient), sandbox.send(m)) };
  const notice = { source: `notice-delivery-${Date.now()}`, eventKey: 'unacknowledged:test', type: 'ESCALATED', at: new Date().toISOString(), audience, zh: '【超时无人确认】测试', en: '[Breach unacknowledged] test' };

  await expect(deliverNotice(stack.db, channel, notice)).rejects.toThrow(/injected failure/);
  const rows = () => stack.db.notification.findMany({ where: { source: notice.source }, orderBy: { recipient: 'asc' } });
  expect((await rows()).map((r) => [r.recipient, r.deliveredAt])).toEqual(reached.map((id) => [id, null]));

  await deliverNotice(stack.db, channel, notice);
  const delivered = await rows();
  expect(delivered.map((r) => r.recipient)).toEqual(reached);
  expect(delivered.every((r) => r.deliveredAt !== null && r.deliveryRef?.startsWith('SANDBOX-MSG-'))).toBe(true);
  // The first recipient's send failed once and was sent on the retry; everyone else once.
  expect(sends).toEqual([reached[0], ...reached]);

  await deliverNotice(stack.db, channel, notice);
  expect(sends).toHaveLength(reached.length + 1);
  expect(await rows()).toEqual(delivered);
});
