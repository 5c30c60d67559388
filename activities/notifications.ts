// Notices reach people: an audience of groups (domain/escalation.ts) is resolved to the staff
// directory's members at delivery, each gets a notification row (what they see in the console
// and at GET /api/v1/notifications) and a message through the channel. Every step is idempotent,
// so a retried activity neither duplicates a row nor sends a message twice.
import { audienceMembers } from '../infra/staffDirectory';
import type { Database } from '../infra/database';
import { runOnPool } from '../infra/sql';
import { Prisma } from '../prisma/generated/client';
import type { NotificationChannel } from './adapters';

export interface Notice {
  /** The case number or consultation id. */
  source: string;
  /** Unique per source: the notice's timeline event, so a retry writes nothing new. */
  eventKey: string;
  /** NOTIFICATION, or ESCALATED for a breach. */
  type: string;
  at: string;
  /** Groups and people (domain/escalation.ts), resolved at delivery. */
  audience: string[];
  /** Chinese first, then English. */
  zh: string;
  en: string;
}

/**
 * Writes one notification per person the audience reaches, then sends those not yet sent. Written-out
 * statements on the pool, not Prisma's client: every notice of every case comes here (infra/sql.ts).
 */
export async function deliverNotice(db: Database, channel: NotificationChannel, n: Notice): Promise<void> {
  const members = await audienceMembers(db, n.audience);
  if (members.length > 0) {
    await runOnPool(db, Prisma.sql`
      INSERT INTO notification (id, source, event_key, recipient, via, type, zh, en, created_at)
      SELECT gen_random_uuid(), ${n.source}, ${n.eventKey}, m.recipient, m.via, ${n.type}, ${n.zh}, ${n.en}, ${new Date(n.at)}::timestamptz
        FROM unnest(${members.map((m) => m.staffId)}::text[], ${members.map((m) => m.via)}::text[]) AS m (recipient, via)
      ON CONFLICT (source, event_key, recipient) DO NOTHING`);
  }
  const unsent = await runOnPool<{ id: string; recipient: string; zh: string; en: string }>(db, Prisma.sql`
    SELECT id, recipient, zh, en FROM notification
     WHERE source = ${n.source} AND event_key = ${n.eventKey} AND delivered_at IS NULL ORDER BY recipient`);
  for (const row of unsent) {
    const { reference } = await channel.send({ notificationId: row.id, recipient: row.recipient, text: `${row.zh}\n${row.en}` });
    await runOnPool(db, Prisma.sql`UPDATE notification SET delivered_at = ${new Date()}::timestamptz, delivery_ref = ${reference} WHERE id = ${row.id}::uuid`);
  }
}

export function notificationActivities(db: Database) {
  return {
    /** Whether anyone the notice reached has acknowledged it (the workflow asks when its wait is over). */
    async noticeAcknowledged({ source, eventKey }: { source: string; eventKey: string }): Promise<boolean> {
      return (await db.notification.count({ where: { source, eventKey, acknowledgedAt: { not: null } } })) > 0;
    },
  };
}
