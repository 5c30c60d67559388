// Notices reach people: an audience of groups (domain/escalation.ts) is resolved to the staff
// directory's members at delivery, each gets a notification row (what they see in the console
// and at GET /api/v1/notifications) and a message through the channel. Every step is idempotent,
// so a retried activity neither duplicates a row nor sends a message twice.
import { audienceMembers } from '../infra/staffDirectory';
import type { Database } from '../infra/database';
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

/** Writes one notification per person the audience reaches, then sends those not yet sent. */
export async function deliverNotice(db: Database, channel: NotificationChannel, n: Notice): Promise<void> {
  const members = await audienceMembers(db, n.audience);
  await db.notification.createMany({
    data: members.map((m) => ({ source: n.source, eventKey: n.eventKey, recipient: m.staffId, via: m.via, type: n.type, zh: n.zh, en: n.en, createdAt: new Date(n.at) })),
    skipDuplicates: true,
  });
  const unsent = await db.notification.findMany({ where: { source: n.source, eventKey: n.eventKey, deliveredAt: null }, orderBy: { recipient: 'asc' } });
  for (const row of unsent) {
    const { reference } = await channel.send({ notificationId: row.id, recipient: row.recipient, text: `${row.zh}\n${row.en}` });
    await db.notification.update({ where: { id: row.id }, data: { deliveredAt: new Date(), deliveryRef: reference } });
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
