// Who sees which case: single reads, lists, actions and reports all ask here.
import type { Database } from '../../infra/database';
import type { Principal } from '../../domain/people';
import { runOnPool } from '../../infra/sql';
import { Prisma } from '../../prisma/generated/client';
import { Problem } from '../problem';
import { CaseNoParam } from '../schemas';

export function caseNotFound(caseNo: string): Problem {
  return new Problem(404, 'not-found', 'Case not found', `No case ${caseNo}`);
}

/** The case `caseNo` names, with its product, if the caller may see it; otherwise it does not exist (404). */
export async function visibleCase(db: Database, principal: Principal, caseNo: string): Promise<{ caseNo: string; product: string }> {
  if (!CaseNoParam.safeParse(caseNo).success) throw caseNotFound(caseNo);
  // On the pool, as a case's read: every case action asks this first (infra/sql.ts).
  const [c] = await runOnPool<{ caseNo: string; product: string }>(db, Prisma.sql`SELECT c.case_no AS "caseNo", c.product FROM loan_case c WHERE c.case_no = ${caseNo} AND ${visibleCasesSql(principal)}`);
  if (!c) throw caseNotFound(caseNo);
  return c;
}

/**
 * Which cases a principal may see, as data: the one rule, rendered as a Prisma filter for most
 * reads and as SQL for the hot one (caseView.ts reads a case in one hand-written statement).
 */
export type CaseScope =
  | { kind: 'ALL' }
  | { kind: 'NONE' }
  | { kind: 'STREET'; street: string }
  | { kind: 'BANK'; bank: string }
  | { kind: 'FIRM'; creditCode: string }
  | { kind: 'ASSIGNED'; assignee: string };

export function caseScope(p: Principal): CaseScope {
  switch (p.role) {
    case 'case_officer':
    case 'grid_officer':
      return { kind: 'STREET', street: p.street ?? '' };
    case 'customer_manager':
    case 'credit_approver':
      return { kind: 'BANK', bank: p.bank ?? '' };
    case 'assessor':
      return { kind: 'ASSIGNED', assignee: p.sub };
    // The survey's people find firms; the cases their leads open are the street's to work.
    case 'visit_team_member':
    case 'community_coordinator':
    case 'survey_officer':
      return { kind: 'NONE' };
    // A firm follows its own cases, whichever street opened them; its credit code is required of its token.
    case 'firm':
      return { kind: 'FIRM', creditCode: p.creditCode ?? '' };
    case 'task_force':
    case 'manager':
    case 'operator':
      return { kind: 'ALL' };
  }
}

/** The cases a principal may see, as a Prisma filter: lists, actions and reports use it. */
export function visibleCasesWhere(p: Principal): Prisma.LoanCaseWhereInput {
  const scope = caseScope(p);
  switch (scope.kind) {
    case 'STREET':
      return { streetCode: scope.street };
    case 'BANK':
      return { bankCode: scope.bank };
    case 'ASSIGNED':
      return { tasks: { some: { assignee: scope.assignee } } };
    case 'NONE':
      return { caseNo: '' };
    case 'FIRM':
      return { creditCode: scope.creditCode };
    case 'ALL':
      return {};
  }
}

/** The same rule as SQL over `loan_case c`. */
export function visibleCasesSql(p: Principal): Prisma.Sql {
  const scope = caseScope(p);
  switch (scope.kind) {
    case 'STREET':
      return Prisma.sql`c.street_code = ${scope.street}`;
    case 'BANK':
      return Prisma.sql`c.bank_code = ${scope.bank}`;
    case 'ASSIGNED':
      return Prisma.sql`EXISTS (SELECT 1 FROM case_task a WHERE a.case_no = c.case_no AND a.assignee = ${scope.assignee})`;
    case 'NONE':
      return Prisma.sql`FALSE`;
    case 'FIRM':
      return Prisma.sql`c.credit_code = ${scope.creditCode}`;
    case 'ALL':
      return Prisma.sql`TRUE`;
  }
}
