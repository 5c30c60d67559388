// Response bodies of the caller's notifications (api/routes/notifications.ts), strict like the rest.
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');

export const NotificationView = z.strictObject({
  id: z.string(),
  /** What it is about: a case number or a consultation id. */
  source: z.string(),
  type: z.enum(['NOTIFICATION', 'ESCALATED']).describe('NOTIFICATION warns (AT_RISK); ESCALATED reports a breach'),
  text: z.strictObject({ zh: z.string(), en: z.string() }),
  via: z.string().describe('Why it reached you: a group of the audience (e.g. STREET_OFFICE:lujiang, TASK_FORCE:综合协调组) or your own id'),
  createdAt: instant,
  acknowledgedAt: instant.nullable(),
});

export const NotificationPage = z.strictObject({
  items: z.array(NotificationView),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  unread: z.number().int().describe('How many of the caller’s notifications are not acknowledged, over all pages'),
});

export const NOTIFICATION_RESPONSE_SCHEMAS = { NotificationView, NotificationPage } as const;
