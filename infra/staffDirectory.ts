// The staff directory (staff_member): who a new case's tasks go to (used by the API when a case
// officer opens a case and by joint consultations when an accepted plan opens one), and who a
// notice's audience reaches when it is delivered.
import { resolveAudience } from '../domain/escalation';
import type { FastTrackCaseInput } from '../workflows/fastTrackCaseMessages';
import type { Database } from './database';
import { Prisma } from '../prisma/generated/client';
import { runOnPool } from './sql';

/** The first active staff member in a role (and street or bank). */
export function firstActiveStaff(db: Database, where: { role: string; streetCode?: string; bankCode?: string }): Promise<string | undefined> {
  return db.staffMember.findFirst({ where: { ...where, active: true }, orderBy: { id: 'asc' }, select: { id: true } }).then((m) => m?.id);
}

/** The street's grid officer, the bank's customer manager and an assessor: the first active one of each, in one query. */
export async function defaultAssignees(db: Database, street: string, bank: string): Promise<FastTrackCaseInput['assignees']> {
  // On the pool, not Prisma's client: every fast-track acceptance asks (infra/sql.ts).
  const candidates = await runOnPool<{ id: string; role: string }>(db, Prisma.sql`
    SELECT id, role FROM staff_member
     WHERE active AND ((role = 'grid_officer' AND street_code = ${street}) OR (role = 'customer_manager' AND bank_code = ${bank}) OR role = 'assessor')
     ORDER BY id`);
  const first = (role: string) => candidates.find((m) => m.role === role)?.id;
  const [grid, manager, assessor] = [first('grid_officer'), first('customer_manager'), first('assessor')];
  // A branch nobody can take keeps the workflow's placeholder until it is reassigned.
  return {
    ...(grid ? { GRID_SUBMISSION: grid } : {}),
    ...(manager ? { BANK_VIP_CHANNEL: manager } : {}),
    ...(assessor ? { DUE_DILIGENCE: assessor } : {}),
  };
}

/** The people an audience reaches today: its groups resolved against the active staff directory. */
export async function audienceMembers(db: Database, audience: readonly string[]): Promise<{ staffId: string; via: string }[]> {
  // On the pool, not Prisma's client: every notice asks (infra/sql.ts).
  const staff = await runOnPool<{ id: string; role: string; streetCode: string | null; bankCode: string | null; groups: string[] }>(db, Prisma.sql`
    SELECT id, role, street_code AS "streetCode", bank_code AS "bankCode", groups FROM staff_member WHERE active ORDER BY id`);
  return resolveAudience(audience, staff);
}
