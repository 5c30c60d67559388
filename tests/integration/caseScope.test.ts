// The scope rule's two renderings (api/services/caseScope.ts) pick the same cases for every role:
// Prisma's filter serves lists, actions and reports, the SQL serves the one-statement reads of a
// case and of the list. Cases written here directly (case numbers of 2023, which no other test
// uses) across two streets, two banks, two firms and two assessors.
import { Prisma } from '../../prisma/generated/client';
import { visibleCasesSql, visibleCasesWhere } from '../../api/services/caseScope';
import { ROLES, type Principal, type Role } from '../../domain/people';
import { validSimingCode } from '../support/creditCodes';
import { testDatabase } from '../support/env';

const db = testDatabase();
afterAll(() => db.$disconnect());

const FIRM_A = validSimingCode('SCOPE23A');
const FIRM_B = validSimingCode('SCOPE23B');
const CASES = [
  { caseNo: 'GL-2023-990001', streetCode: 'lujiang', bankCode: 'xib', creditCode: FIRM_A, assessor: 'assessor-a' },
  { caseNo: 'GL-2023-990002', streetCode: 'lujiang', bankCode: 'ccb', creditCode: FIRM_B, assessor: 'assessor-b' },
  { caseNo: 'GL-2023-990003', streetCode: 'zhonghua', bankCode: 'xib', creditCode: FIRM_B, assessor: 'assessor-a' },
  { caseNo: 'GL-2023-990004', streetCode: 'zhonghua', bankCode: 'ccb', creditCode: FIRM_A, assessor: null },
];
const OURS = CASES.map((c) => c.caseNo);

beforeAll(async () => {
  const acceptedAt = new Date('2023-06-01T02:00:00Z');
  await db.loanCase.createMany({
    data: CASES.map(({ assessor: _assessor, ...c }) => ({
      ...c,
      workflowId: `case-${c.caseNo}`,
      product: 'FAST_TRACK',
      firmName: `范围测试企业 ${c.caseNo}`,
      amountFen: 100_000_000n,
      purpose: 'scope fixture',
      stage: 'PARALLEL_REVIEW',
      slaState: 'ON_TRACK',
      acceptedAt,
      createdBy: 'scope-test',
    })),
    skipDuplicates: true,
  });
  await db.caseTask.createMany({
    data: CASES.filter((c) => c.assessor).map((c) => ({ caseNo: c.caseNo, kind: 'DUE_DILIGENCE', assignee: c.assessor!, status: 'OPEN', slaState: 'ON_TRACK', dueAt: acceptedAt })),
    skipDuplicates: true,
  });
});

/** Each role once, reaching lujiang, xib, firm A or assessor A where the role has a reach. */
const principal = (role: Role): Principal => ({ sub: role === 'assessor' ? 'assessor-a' : `${role}-scope`, name: role, role, street: 'lujiang', bank: 'xib', creditCode: FIRM_A });

async function bothRenderings(p: Principal) {
  const byPrisma = await db.loanCase.findMany({ where: { caseNo: { in: OURS }, ...visibleCasesWhere(p) }, select: { caseNo: true }, orderBy: { caseNo: 'asc' } });
  const bySql = await db.$queryRaw<{ caseNo: string }[]>`
    SELECT c.case_no AS "caseNo" FROM loan_case c WHERE c.case_no IN (${Prisma.join(OURS)}) AND ${visibleCasesSql(p)} ORDER BY c.case_no`;
  return { byPrisma: byPrisma.map((c) => c.caseNo), bySql: bySql.map((c) => c.caseNo) };
}

const EXPECTED: Record<Role, string[]> = {
  case_officer: ['GL-2023-990001', 'GL-2023-990002'],
  grid_officer: ['GL-2023-990001', 'GL-2023-990002'],
  customer_manager: ['GL-2023-990001', 'GL-2023-990003'],
  credit_approver: ['GL-2023-990001', 'GL-2023-990003'],
  assessor: ['GL-2023-990001', 'GL-2023-990003'],
  firm: ['GL-2023-990001', 'GL-2023-990004'],
  visit_team_member: [],
  community_coordinator: [],
  survey_officer: [],
  task_force: OURS,
  manager: OURS,
  operator: OURS,
};

it.each(ROLES.map((role) => [role]))('a %s sees the same cases through Prisma and through SQL', async (role) => {
  const { byPrisma, bySql } = await bothRenderings(principal(role));
  expect(bySql).toEqual(byPrisma);
  expect(byPrisma).toEqual(EXPECTED[role]);
});
