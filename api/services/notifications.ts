// 我的通知 The caller's notifications: only their own, newest first; acknowledging one is the
// addressee's alone (anyone else's is 404, as if it did not exist) and a repeat changes nothing.
import type { z } from 'zod';
import type { Database } from '../../infra/database';
import { firmAudience } from '../../domain/escalation';
import type { Principal } from '../../domain/people';
import type { Notification } from '../../prisma/generated/client';
import { Problem } from '../problem';
import type { NotificationListQuery } from '../schemas';
import { decodeCursor, encodeCursor } from './pageCursor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function view(n: Notification) {
  return {
    id: n.id,
    source: n.source,
    type: n.type as 'NOTIFICATION' | 'ESCALATED',
    text: { zh: n.zh, en: n.en },
    via: n.via,
    createdAt: n.createdAt.toISOString(),
    acknowledgedAt: n.acknowledgedAt?.toISOString() ?? null,
  };
}

/** Whose notifications the caller reads: a person's own, or for a firm, the firm's (by its credit code). */
const recipientOf = (p: Principal): string => (p.role === 'firm' ? firmAudience(p.creditCode ?? '') : p.sub);

export function notificationService(db: Database) {
  return {
    async list(p: Principal, q: z.output<typeof NotificationListQuery>) {
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      const mine = { recipient: recipientOf(p), ...(q.unread === 'true' ? { acknowledgedAt: null } : {}) };
      const [rows, unread] = await Promise.all([
        db.notification.findMany({
          where: { ...mine, ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.key } }] } : {}) },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: q.limit + 1,
        }),
        db.notification.count({ where: { recipient: recipientOf(p), acknowledgedAt: null } }),
      ]);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return { items: page.map(view), nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.createdAt, key: last.id }) : null, unread };
    },

    /** Marks the caller's notification read; the first acknowledgement's instant stays. */
    async acknowledge(p: Principal, id: string) {
      const notFound = new Problem(404, 'not-found', 'Notification not found', `No notification ${id}`);
      if (!UUID.test(id)) throw notFound;
      await db.notification.updateMany({ where: { id, recipient: recipientOf(p), acknowledgedAt: null }, data: { acknowledgedAt: new Date() } });
      const n = await db.notification.findFirst({ where: { id, recipient: recipientOf(p) } });
      if (!n) throw notFound;
      return view(n);
    },
  };
}
