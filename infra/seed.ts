import type { Database } from './database';
import { BANKS, STREETS } from '../domain/siming';
import { SURVEY_SEED } from '../domain/surveyNetwork';
import { OFFICIAL_NOTICES } from '../domain/calendar/officialNotices';
import { DEV_GROUPS, DEV_USERS } from './devUsers';
import type { Principal } from '../domain/people';

/**
 * Loads reference data; safe to run on every start (upserts, never overwrites an
 * operator's calendar). `devStaff` adds the development users as staff.
 */
export async function seedReferenceData(db: Database, { devStaff }: { devStaff: boolean }): Promise<void> {
  for (const s of STREETS) {
    await db.street.upsert({ where: { code: s.code }, create: s, update: { nameZh: s.nameZh, nameEn: s.nameEn } });
  }
  for (const { branches, ...bank } of BANKS) {
    await db.bank.upsert({ where: { code: bank.code }, create: bank, update: { nameZh: bank.nameZh, nameEn: bank.nameEn } });
    for (const b of branches) {
      const data = { ...b, bankCode: bank.code };
      await db.bankBranch.upsert({ where: { code: b.code }, create: data, update: data });
    }
  }
  await seedSurveyNetwork(db);
  for (const notice of OFFICIAL_NOTICES) {
    await db.calendarYear.upsert({
      where: { year: notice.year },
      create: { year: notice.year, arrangement: notice as object, source: 'chinese-days', loadedBy: 'seed' },
      update: {},
    });
  }
  if (devStaff) await seedStaff(db, DEV_USERS, DEV_GROUPS);
}

/**
 * The seed's branches stationed at their streets, and 鹭江's first community with its team and
 * building. Created when missing, never changed afterwards: the task force maintains them.
 */
async function seedSurveyNetwork(db: Database): Promise<void> {
  const stations = BANKS.flatMap((b) => b.branches.flatMap((br) => (br.streetCode ? [{ branchCode: br.code, streetCode: br.streetCode }] : [])));
  await db.branchStation.createMany({ data: stations, skipDuplicates: true });
  await db.community.createMany({ data: [...SURVEY_SEED.communities], skipDuplicates: true });
  for (const { members, ...team } of SURVEY_SEED.teams) {
    await db.visitTeam.createMany({ data: [team], skipDuplicates: true });
    await db.visitTeamMember.createMany({ data: members.map((m) => ({ teamCode: team.code, ...m })), skipDuplicates: true });
  }
  await db.building.createMany({ data: [...SURVEY_SEED.buildings], skipDuplicates: true });
}

/** Registers people as staff (who cases can be assigned to) by their identity provider subject, with the groups notices reach them through. */
export async function seedStaff(db: Database, people: readonly Principal[], groups: Readonly<Record<string, readonly string[]>> = {}): Promise<void> {
  for (const u of people) {
    const data = { name: u.name, role: u.role, streetCode: u.street ?? null, bankCode: u.bank ?? null, groups: [...(groups[u.sub] ?? [])] };
    await db.staffMember.upsert({ where: { id: u.sub }, create: { id: u.sub, ...data }, update: data });
  }
}
