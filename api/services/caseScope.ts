// Who sees which case: single reads, lists, actions and reports all ask here.
import type { Database } from '../../infra/database';
import type { Principal } from '../../domain/people';
import type { Prisma } from '../../prisma/generated/client';
import { Problem } from '../problem';
import { CaseNoParam } from '../schemas';

export function caseNotFound(caseNo: string): Problem {
  return new Problem(404, 'not-found', 'Case not found', `No case ${caseNo}`);
}

/** The case `caseNo` names, with its product, if the caller may see it; otherwise it does not exist (404). */
export async function visibleCase(db: Database, principal: Principal, caseNo: string): Promise<{ caseNo: string; product: string }> {
  if (!CaseNoParam.safeParse(caseNo).success) throw caseNotFound(caseNo);
  const c = await db.loanCase.findFirst({ where: { caseNo, ...visibleCasesWhere(principal) }, select: { caseNo: true, product: true } });
  if (!c) throw caseNotFound(caseNo);
  return c;
}

/** The cases a principal may see, as a Prisma filter: single reads, lists and reports all use it. */
export function visibleCasesWhere(p: Principal): Prisma.LoanCaseWhereInput {
  switch (p.role) {
    case 'case_officer':
    case 'grid_officer':
      return { streetCode: p.street ?? '' };
    case 'customer_manager':
    case 'credit_approver':
      return { bankCode: p.bank ?? '' };
    case 'assessor':
      return { tasks: { some: { assignee: p.sub } } };
    // The survey's people find firms; the cases their leads open are the street's to work.
    case 'visit_team_member':
    case 'community_coordinator':
    case 'survey_officer':
      return { caseNo: '' };
    // A firm follows its own cases, whichever street opened them; its credit code is required of its token.
    case 'firm':
      return { creditCode: p.creditCode ?? '' };
    case 'task_force':
    case 'manager':
    case 'operator':
      return {};
  }
}
