// Requests about the staff directory's notice groups (who belongs to 综合协调组 and 专班负责人).
import { z } from 'zod';
import { STAFF_GROUPS } from '../../domain/escalation';

const group = z.enum(STAFF_GROUPS, { error: `must be one of ${STAFF_GROUPS.join(', ')}` });

/** GET /api/v1/staff: the directory, optionally only one group's members. */
export const StaffListQuery = z.strictObject({ group: group.optional() });

/** A staff member is looked up by the service: an id that names nobody is 404. */
export const StaffParams = z.strictObject({ id: z.string().max(120) });

/** PUT /api/v1/staff/{id}/groups: the person's groups from now on (an empty list takes them out of all). */
export const StaffGroupsBody = z.strictObject({
  groups: z
    .array(group)
    .max(STAFF_GROUPS.length)
    .refine((g) => new Set(g).size === g.length, 'must not name a group twice'),
});
