// Firms, seen through their cases: a firm is visible to whoever may see one of its cases.
import type { z } from 'zod';
import type { Database } from '../../infra/database';
import type { Principal } from '../../domain/people';
import { Problem } from '../problem';
import type { FirmListQuery } from '../schemas';
import { visibleCasesWhere } from './caseScope';

export function firmService(db: Database) {
  return {
    async list(principal: Principal, q: z.output<typeof FirmListQuery>) {
      const visible = visibleCasesWhere(principal);
      const firms = await db.firm.findMany({
        where: {
          cases: { some: visible },
          streetCode: q.street,
          ...(q.q ? { OR: [{ name: { contains: q.q } }, { creditCode: { startsWith: q.q.toUpperCase() } }] } : {}),
        },
        orderBy: { name: 'asc' },
        take: q.limit,
        include: { _count: { select: { cases: { where: visible } } } },
      });
      return { items: firms.map((f) => ({ creditCode: f.creditCode, name: f.name, street: f.streetCode, cases: f._count.cases })) };
    },

    /** The firm and its visible cases; 404 when the caller sees none of them. */
    async get(principal: Principal, creditCode: string) {
      const visible = visibleCasesWhere(principal);
      const firm = await db.firm.findFirst({
        where: { creditCode: creditCode.toUpperCase(), cases: { some: visible } },
        include: { cases: { where: visible, orderBy: { acceptedAt: 'desc' }, select: { caseNo: true, stage: true, slaState: true, bankCode: true, acceptedAt: true } } },
      });
      if (!firm) throw new Problem(404, 'not-found', 'Firm not found', `No firm ${creditCode}`);
      return {
        creditCode: firm.creditCode,
        name: firm.name,
        street: firm.streetCode,
        cases: firm.cases.map((c) => ({ id: c.caseNo, stage: c.stage, slaState: c.slaState, bank: c.bankCode, acceptedAt: c.acceptedAt.toISOString() })),
      };
    },
  };
}
