import type { Request } from 'express';
import type { Database } from '../../infra/database';
import { principalOf } from '../auth/middleware';
import { canSeeCase } from '../auth/principal';
import { Problem } from '../problem';
import { CaseNoParam } from '../schemas';

export function caseNotFound(caseNo: string): Problem {
  return new Problem(404, 'not-found', 'Case not found', `No case ${caseNo}`);
}

/** The case of `:caseNo` if the caller may see it; otherwise it does not exist (404). */
export async function visibleCaseNo(db: Database, req: Request<{ caseNo: string }>): Promise<string> {
  const caseNo = req.params.caseNo;
  if (!CaseNoParam.safeParse(caseNo).success) throw caseNotFound(caseNo);
  const c = await db.loanCase.findUnique({
    where: { caseNo },
    select: { streetCode: true, bankCode: true, tasks: { select: { assignee: true } } },
  });
  if (!c || !canSeeCase(principalOf(req), { ...c, assignees: c.tasks.map((t) => t.assignee) })) throw caseNotFound(caseNo);
  return caseNo;
}
