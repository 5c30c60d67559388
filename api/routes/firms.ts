import { Router } from 'express';
import type { Database } from '../../infra/database';
import { principalOf } from '../auth/middleware';
import { Problem, parseOr422 } from '../problem';
import { FirmListQuery } from '../schemas';
import { visibleCasesWhere } from './caseScope';

/** Firms, seen through their cases: a firm is visible to whoever may see one of its cases. */
export function firmsRouter(db: Database): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const q = parseOr422(FirmListQuery, req.query);
    const visible = visibleCasesWhere(principalOf(req));
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
    res.json({ items: firms.map((f) => ({ creditCode: f.creditCode, name: f.name, street: f.streetCode, cases: f._count.cases })) });
  });

  router.get('/:creditCode', async (req, res) => {
    const visible = visibleCasesWhere(principalOf(req));
    const firm = await db.firm.findFirst({
      where: { creditCode: req.params.creditCode.toUpperCase(), cases: { some: visible } },
      include: { cases: { where: visible, orderBy: { acceptedAt: 'desc' }, select: { caseNo: true, stage: true, slaState: true, bankCode: true, acceptedAt: true } } },
    });
    if (!firm) throw new Problem(404, 'not-found', 'Firm not found', `No firm ${req.params.creditCode}`);
    res.json({
      creditCode: firm.creditCode,
      name: firm.name,
      street: firm.streetCode,
      cases: firm.cases.map((c) => ({ id: c.caseNo, stage: c.stage, slaState: c.slaState, bank: c.bankCode, acceptedAt: c.acceptedAt.toISOString() })),
    });
  });

  return router;
}
