// Firms, seen through their cases: each case keeps the firm as its own street office named it,
// so a firm is what the caller's visible cases say of it, never what another street's case says.
import type { z } from 'zod';
import type { Database } from '../../infra/database';
import type { Principal } from '../../domain/people';
import type { Prisma } from '../../prisma/generated/client';
import { Problem } from '../problem';
import type { FirmListQuery } from '../schemas';
import { visibleCasesWhere } from './caseScope';

const newestFirst = [{ acceptedAt: 'desc' as const }, { caseNo: 'desc' as const }];

export function firmService(db: Database) {
  return {
    /** Firms of the visible cases that match; each named as its newest visible case names it. */
    async list(principal: Principal, q: z.output<typeof FirmListQuery>) {
      const where: Prisma.LoanCaseWhereInput = {
        AND: [
          visibleCasesWhere(principal),
          { streetCode: q.street },
          q.q ? { OR: [{ firmName: { contains: q.q } }, { creditCode: { startsWith: q.q.toUpperCase() } }] } : {},
        ],
      };
      const cases = await db.loanCase.findMany({ where, orderBy: newestFirst, select: { creditCode: true, firmName: true, streetCode: true } });
      const firms = new Map<string, { creditCode: string; name: string; street: string; cases: number }>();
      for (const c of cases) {
        const firm = firms.get(c.creditCode);
        if (firm) firm.cases++;
        else firms.set(c.creditCode, { creditCode: c.creditCode, name: c.firmName, street: c.streetCode, cases: 1 });
      }
      const items = [...firms.values()].sort((a, b) => a.name.localeCompare(b.name) || a.creditCode.localeCompare(b.creditCode));
      return { items: items.slice(0, q.limit) };
    },

    /** The firm as its newest visible case names it, with its visible cases; 404 when the caller sees none. */
    async get(principal: Principal, creditCode: string) {
      const cases = await db.loanCase.findMany({
        where: { AND: [visibleCasesWhere(principal), { creditCode: creditCode.toUpperCase() }] },
        orderBy: newestFirst,
        select: { caseNo: true, firmName: true, creditCode: true, streetCode: true, stage: true, slaState: true, bankCode: true, acceptedAt: true },
      });
      const newest = cases[0];
      if (!newest) throw new Problem(404, 'not-found', 'Firm not found', `No firm ${creditCode}`);
      return {
        creditCode: newest.creditCode,
        name: newest.firmName,
        street: newest.streetCode,
        cases: cases.map((c) => ({ id: c.caseNo, stage: c.stage, slaState: c.slaState, bank: c.bankCode, acceptedAt: c.acceptedAt.toISOString() })),
      };
    },
  };
}
