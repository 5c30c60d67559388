// The audit trail: written by the reads' routes (api/routes/route.ts) and by every change's own
// transaction (infra/audit.ts); read, filtered and paged, by the task force.
import type { z } from 'zod';
import { writeReadAudit, type AuditRecord } from '../../infra/audit';
import type { Database } from '../../infra/database';
import type { AuditQuery } from '../schemas';

export function auditTrail(db: Database) {
  return {
    /** Writes one row; throws when it cannot, and the caller is then refused. */
    record: (entry: AuditRecord) => writeReadAudit(db, entry),

    /** A page of the trail, newest first; the cursor is the last row's id. */
    async page(q: z.output<typeof AuditQuery>) {
      const rows = await db.auditEntry.findMany({
        where: {
          subject: q.subject,
          actor: q.actor,
          action: q.action,
          at: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) },
          ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}),
        },
        orderBy: { id: 'desc' },
        take: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((r) => ({ id: String(r.id), at: r.at.toISOString(), actor: r.actor, action: r.action, subject: r.subject, before: r.before, after: r.after })),
        nextCursor: rows.length > q.limit ? String(page[page.length - 1].id) : null,
      };
    },
  };
}
