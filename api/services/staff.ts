// The staff directory's notice groups: who is in the task force's coordination group and among its
// leaders, read by the task force and operators and set by operators. A change is audited in its
// own transaction; notices resolve their audience at delivery, so it holds from the next notice on.
import type { z } from 'zod';
import { staffGroupsProblem } from '../../domain/escalation';
import { writeAudit } from '../../infra/audit';
import type { Database } from '../../infra/database';
import type { Principal } from '../../domain/people';
import type { StaffMember } from '../../prisma/generated/client';
import { Problem, validationProblem } from '../problem';
import type { StaffGroupsBody, StaffListQuery } from '../schemas';

function view(m: StaffMember) {
  return { id: m.id, name: m.name, role: m.role, street: m.streetCode, bank: m.bankCode, active: m.active, groups: m.groups };
}

export function staffDirectory(db: Database) {
  return {
    async list(q: z.output<typeof StaffListQuery>) {
      const rows = await db.staffMember.findMany({ where: q.group ? { groups: { has: q.group } } : {}, orderBy: { id: 'asc' } });
      return { items: rows.map(view) };
    },

    async setGroups(p: Principal, id: string, { groups }: z.output<typeof StaffGroupsBody>) {
      return db.$transaction(async (tx) => {
        const member = await tx.staffMember.findUnique({ where: { id } });
        if (!member) throw new Problem(404, 'not-found', 'Staff member not found', `No staff member ${id}`);
        const refused = staffGroupsProblem(member.role, groups);
        if (refused) throw validationProblem([{ field: 'groups', message: refused }]);
        const updated = await tx.staffMember.update({ where: { id }, data: { groups } });
        await writeAudit(tx, { actor: p.sub, action: 'STAFF_GROUPS_CHANGED', subject: `staff:${id}`, before: { groups: member.groups }, after: { groups } });
        return view(updated);
      });
    },
  };
}
