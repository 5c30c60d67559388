// Requests about the caller's own notifications (escalations and warnings that reached them).
import { z } from 'zod';

/** GET /api/v1/notifications: newest first, optionally only the unacknowledged, by pages. */
export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false'], 'must be true or false').optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

/** The notification's id is looked up by the service: one that names nothing of the caller's is 404. */
export const NotificationParams = z.strictObject({ id: z.string().max(64) });
