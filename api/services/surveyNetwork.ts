// The survey network as reference data the task force and operators maintain: banks and their
// branches (with the streets each is stationed at), communities, commercial buildings and
// visiting teams. A PUT creates or changes one entry; nothing is ever deleted: `retired` marks it
// out of use while the visits, leads and cases that name it keep reading it. An entry never moves
// to another street or community (that is a new entry), so what a visit recorded stays true.
import type { z } from 'zod';
import { formatFen } from '../../domain/money';
import type { FinancingNeed } from '../../domain/surveyNetwork';
import { writeAudit } from '../../infra/audit';
import type { Database } from '../../infra/database';
import type { Prisma } from '../../prisma/generated/client';
import { canonicalJson } from '../canonicalJson';
import { Problem, fieldErrors, validationProblem, type FieldError } from '../problem';
import { BANK_IMPORT_COLUMNS, BankBody, BankImportRow, BranchBody, type BankImportBody, type BuildingBody, type CommunityBody, type TeamBody } from '../schemas';
import type { Caller } from './caller';
import { goodRows, readRows, refuseRow, type RowResult } from './csvImport';

type Tx = Prisma.TransactionClient;

/** 409: the change would break what names the entry; `zh` and `en` say why, Chinese first. */
const conflict = (zh: string, en: string) => new Problem(409, 'network-conflict', 'The survey network cannot change this way', `${zh} ${en}`);
const unknown = (field: string, what: string, code: string, list: string) => validationProblem([{ field, message: `unknown ${what} '${code}'; see ${list}` }]);

/** When `retired` asks it to be, the entry's retirement instant (kept if it was retired before). */
const retiredAtOf = (retired: boolean, before: { retiredAt: Date | null } | null, now: Date) => (retired ? (before?.retiredAt ?? now) : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

type CommunityRow = Prisma.CommunityGetPayload<object>;
type BuildingRow = Prisma.BuildingGetPayload<{ include: { community: true } }>;
type TeamRow = Prisma.VisitTeamGetPayload<{ include: { community: true; members: true } }>;

export const communityView = (c: CommunityRow) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, street: c.streetCode, retiredAt: iso(c.retiredAt) });

/** A need as a visit recorded it (visits, and the leads they opened). */
export const needView = (n: FinancingNeed) => ({
  amount: formatFen(n.amountFen),
  amountFen: n.amountFen,
  purpose: n.purpose,
  urgency: n.urgency,
  collateral: n.collateral ?? null,
  patents: n.patents,
  refusedBy: n.refusedBy ? { bank: n.refusedBy.bankCode, reason: n.refusedBy.reason } : null,
});

export const buildingView = (b: BuildingRow) => ({
  code: b.code,
  nameZh: b.nameZh,
  nameEn: b.nameEn,
  community: b.communityCode,
  street: b.community.streetCode,
  address: b.address,
  team: b.teamCode,
  retiredAt: iso(b.retiredAt),
});

const SEAT_ORDER = ['STREET', 'BANK', 'PROPERTY'];
const teamView = (t: TeamRow) => ({
  code: t.code,
  nameZh: t.nameZh,
  nameEn: t.nameEn,
  community: t.communityCode,
  street: t.community.streetCode,
  members: [...t.members]
    .sort((a, b) => SEAT_ORDER.indexOf(a.seat) - SEAT_ORDER.indexOf(b.seat))
    .map((m) => ({ seat: m.seat as 'STREET' | 'BANK' | 'PROPERTY', name: m.name, staffId: m.staffId, bank: m.bankCode, organisation: m.organisation })),
  retiredAt: iso(t.retiredAt),
});

type BranchRow = Prisma.BankBranchGetPayload<{ include: { stations: true } }>;
export const branchView = (b: BranchRow) => ({
  code: b.code,
  nameZh: b.nameZh,
  nameEn: b.nameEn,
  bankCode: b.bankCode,
  streetCode: b.streetCode,
  stations: b.stations.filter((s) => !s.retiredAt).map((s) => s.streetCode).sort(),
  retiredAt: iso(b.retiredAt),
});

/** Banks with their branches and stations, as GET /banks and a bank's PUT answer them. */
export const BANK_INCLUDE = { branches: { orderBy: { code: 'asc' }, include: { stations: true } } } as const;
type BankRow = Prisma.BankGetPayload<{ include: typeof BANK_INCLUDE }>;
export const bankView = (b: BankRow) => ({ code: b.code, nameZh: b.nameZh, nameEn: b.nameEn, retiredAt: iso(b.retiredAt), branches: b.branches.map(branchView) });

type Change<T> = { before: T | null; after: T; created: boolean };

/** A bank's PUT: what it was, what it is, whether it is new; refused when it would break what names it. */
async function bankChange(tx: Tx, code: string, body: z.output<typeof BankBody>, now: Date): Promise<Change<ReturnType<typeof bankView>>> {
  const before = await tx.bank.findUnique({ where: { code }, include: BANK_INCLUDE });
  if (body.retired && before?.branches.some((b) => !b.retiredAt)) throw conflict(`银行 ${code} 仍有在用的网点，请先停用这些网点。`, `bank ${code} still has branches in use; retire them first`);
  const data = { nameZh: body.nameZh, nameEn: body.nameEn, retiredAt: retiredAtOf(body.retired, before, now) };
  const after = await tx.bank.upsert({ where: { code }, create: { code, ...data }, update: data, include: BANK_INCLUDE });
  return { before: before && bankView(before), after: bankView(after), created: !before };
}

/** A branch's PUT, with the streets it is stationed at. */
async function branchChange(tx: Tx, bankCode: string, code: string, body: z.output<typeof BranchBody>, now: Date): Promise<Change<ReturnType<typeof branchView>>> {
  const bank = await tx.bank.findUnique({ where: { code: bankCode } });
  if (!bank) throw new Problem(404, 'not-found', 'Bank not found', `No bank ${bankCode}; see GET /api/v1/banks`);
  const before = await tx.bankBranch.findUnique({ where: { code }, include: { stations: true } });
  if (before && before.bankCode !== bankCode) throw conflict(`网点 ${code} 属于银行 ${before.bankCode}，不能改属其他银行。`, `branch ${code} belongs to bank ${before.bankCode}`);
  if (!body.retired && bank.retiredAt) throw conflict(`银行 ${bankCode} 已停用。`, `bank ${bankCode} is retired`);
  const streets = new Set((await tx.street.findMany({ select: { code: true } })).map((s) => s.code));
  const unknownStreet = body.stations.findIndex((s) => !streets.has(s));
  if (unknownStreet >= 0) throw unknown(`stations.${unknownStreet}`, 'street', body.stations[unknownStreet]!, 'GET /api/v1/streets');
  const data = { nameZh: body.nameZh, nameEn: body.nameEn, retiredAt: retiredAtOf(body.retired, before, now) };
  // The street it sits in is where it was first stationed; stations change, the branch does not move.
  await tx.bankBranch.upsert({ where: { code }, create: { code, bankCode, streetCode: body.stations[0] ?? null, ...data }, update: data });
  // A retired branch is stationed nowhere; a station left out retires, one named again comes back.
  const stationed = body.retired ? [] : body.stations;
  await tx.branchStation.updateMany({ where: { branchCode: code, streetCode: { notIn: stationed }, retiredAt: null }, data: { retiredAt: now } });
  for (const streetCode of stationed) {
    await tx.branchStation.upsert({ where: { branchCode_streetCode: { branchCode: code, streetCode } }, create: { branchCode: code, streetCode, since: now }, update: { retiredAt: null } });
  }
  const after = await tx.bankBranch.findUniqueOrThrow({ where: { code }, include: { stations: true } });
  return { before: before && branchView(before), after: branchView(after), created: !before };
}

/** A PUT's refusal as the import row's: its fields under the row, or the row itself. */
function rowProblem(row: number, p: Problem): FieldError[] {
  if (p.status === 404) return [{ field: `rows.${row}.bank`, message: `unknown bank; add a row for it before its branches, or see GET /api/v1/banks` }];
  if (p.errors) return p.errors.map((e) => ({ field: `rows.${row}.${e.field.split('.')[0]}`, message: e.message }));
  return [{ field: `rows.${row}`, message: p.detail ?? p.title }];
}

export function surveyNetworkService(db: Database) {
  /** One entry's change and its audit row, in one transaction. */
  async function save<T>(caller: Caller, subject: string, change: (tx: Tx, now: Date) => Promise<{ before: unknown; after: T; created: boolean }>) {
    // A PUT is its own repeat: the key is checked like every write's and needs no record.
    caller.idempotencyKey();
    return db.$transaction(async (tx) => {
      const { before, after, created } = await change(tx, new Date());
      await writeAudit(tx, { actor: caller.principal.sub, action: created ? 'SURVEY_NETWORK_CREATED' : 'SURVEY_NETWORK_CHANGED', subject, before, after });
      return { created, view: after };
    });
  }

  return {
    /** The communities (of a street, or all) with their teams and buildings; retired ones included, marked. */
    async network(street: string | undefined) {
      const communities = await db.community.findMany({
        where: street ? { streetCode: street } : {},
        orderBy: { code: 'asc' },
        include: {
          teams: { orderBy: { code: 'asc' }, include: { members: true, community: true } },
          buildings: { orderBy: { code: 'asc' }, include: { community: true } },
        },
      });
      const active = <E extends { retiredAt: Date | null }>(es: E[]) => es.filter((e) => !e.retiredAt).length;
      return {
        communities: communities.map((c) => ({ ...communityView(c), teams: c.teams.map(teamView), buildings: c.buildings.map(buildingView) })),
        totals: {
          communities: active(communities),
          teams: communities.reduce((n, c) => n + active(c.teams), 0),
          buildings: communities.reduce((n, c) => n + active(c.buildings), 0),
        },
      };
    },

    putBank: (caller: Caller, code: string, body: z.output<typeof BankBody>) => save(caller, `bank:${code}`, (tx, now) => bankChange(tx, code, body, now)),

    putBranch: (caller: Caller, bankCode: string, code: string, body: z.output<typeof BranchBody>) =>
      save(caller, `bank-branch:${code}`, (tx, now) => branchChange(tx, bankCode, code, body, now)),

    /**
     * Banks and branches from a CSV, in its order, in one transaction: each row by its PUT's schema
     * and rules (a row may name a bank an earlier row created), audited as its PUT when it changes
     * something. All or nothing unless skipBadRows; a row that says what is there changes nothing.
     */
    async importBanks(caller: Caller, body: z.output<typeof BankImportBody>) {
      const firstRow = new Map<string, number>();
      type Planned = { bank: string; branch?: string; put: z.output<typeof BankBody> | z.output<typeof BranchBody> };
      const rows = readRows(body.csv, BANK_IMPORT_COLUMNS, ['bank', 'nameZh', 'nameEn'], BankImportRow).map((r): RowResult<Planned> => {
        if (!r.value) return { row: r.row, errors: r.errors };
        const v = r.value;
        const key = v.branch === undefined ? `bank:${v.bank}` : `branch:${v.branch}`;
        if (firstRow.has(key)) return refuseRow(r, v.branch === undefined ? 'bank' : 'branch', `repeats row ${firstRow.get(key)}: one row per bank or branch`);
        firstRow.set(key, r.row);
        const names = { nameZh: v.nameZh, nameEn: v.nameEn, retired: v.retired ?? false };
        const put = v.branch === undefined ? BankBody.safeParse(names) : BranchBody.safeParse({ ...names, stations: v.stations ?? [] });
        if (!put.success) return { row: r.row, errors: fieldErrors(put.error).map((e) => ({ field: `rows.${r.row}.${e.field.split('.')[0]}`, message: e.message })) };
        return { row: r.row, value: { bank: v.bank, branch: v.branch, put: put.data } };
      });
      const { good, skipped } = goodRows(rows, body.skipBadRows);
      caller.idempotencyKey();
      const actor = caller.principal.sub;
      return db.$transaction(
        async (tx) => {
          const now = new Date();
          const written = { created: 0, changed: 0, unchanged: 0 };
          const entries = [];
          for (const { row, value } of good) {
            const [kind, code, subject] = value.branch === undefined ? (['BANK', value.bank, `bank:${value.bank}`] as const) : (['BRANCH', value.branch, `bank-branch:${value.branch}`] as const);
            let change: Change<unknown>;
            try {
              change = value.branch === undefined ? await bankChange(tx, value.bank, value.put as z.output<typeof BankBody>, now) : await branchChange(tx, value.bank, value.branch, value.put as z.output<typeof BranchBody>, now);
            } catch (e) {
              if (!(e instanceof Problem)) throw e;
              skipped.push({ row, errors: rowProblem(row, e) });
              continue;
            }
            const result = change.created ? 'CREATED' : canonicalJson(change.before) === canonicalJson(change.after) ? 'UNCHANGED' : 'CHANGED';
            written[result.toLowerCase() as keyof typeof written]++;
            if (result !== 'UNCHANGED') await writeAudit(tx, { actor, action: change.created ? 'SURVEY_NETWORK_CREATED' : 'SURVEY_NETWORK_CHANGED', subject, before: change.before, after: change.after });
            entries.push({ row, kind, code, bank: value.bank, result });
          }
          skipped.sort((a, b) => a.row - b.row);
          if (skipped.length && (!body.skipBadRows || entries.length === 0)) throw validationProblem(skipped.flatMap((x) => x.errors));
          await writeAudit(tx, { actor, action: 'BANKS_IMPORTED', subject: 'banks:import', after: { rows: rows.length, ...written, skippedRows: skipped.map((x) => x.row) } });
          return { rows: rows.length, written, skipped, entries };
        },
        { timeout: 60_000 },
      );
    },

    putCommunity: (caller: Caller, code: string, body: z.output<typeof CommunityBody>) =>
      save(caller, `community:${code}`, async (tx, now) => {
        if (!(await tx.street.findUnique({ where: { code: body.street } }))) throw unknown('street', 'street', body.street, 'GET /api/v1/streets');
        const before = await tx.community.findUnique({ where: { code } });
        if (before && before.streetCode !== body.street) throw conflict(`社区 ${code} 属于 ${before.streetCode}，社区不能改属其他街道（请另建一个）。`, `community ${code} is in ${before.streetCode}; a community never moves street (create another)`);
        if (body.retired && before && !before.retiredAt) {
          const inUse = (await tx.visitTeam.count({ where: { communityCode: code, retiredAt: null } })) + (await tx.building.count({ where: { communityCode: code, retiredAt: null } }));
          if (inUse > 0) throw conflict(`社区 ${code} 仍有在用的走访小组或楼宇，请先停用它们。`, `community ${code} still has teams or buildings in use; retire them first`);
        }
        const data = { nameZh: body.nameZh, nameEn: body.nameEn, retiredAt: retiredAtOf(body.retired, before, now) };
        const after = await tx.community.upsert({ where: { code }, create: { code, streetCode: body.street, ...data }, update: data });
        return { before: before && communityView(before), after: communityView(after), created: !before };
      }),

    putBuilding: (caller: Caller, code: string, body: z.output<typeof BuildingBody>) =>
      save(caller, `building:${code}`, async (tx, now) => {
        const community = await tx.community.findUnique({ where: { code: body.community } });
        if (!community) throw unknown('community', 'community', body.community, 'GET /api/v1/survey-network');
        const before = await tx.building.findUnique({ where: { code }, include: { community: true } });
        if (before && before.communityCode !== body.community) throw conflict(`楼宇 ${code} 属于社区 ${before.communityCode}，楼宇不能改属其他社区。`, `building ${code} is in community ${before.communityCode}; a building never moves community`);
        if (!body.retired && community.retiredAt) throw conflict(`社区 ${body.community} 已停用。`, `community ${body.community} is retired`);
        if (body.team !== null && !body.retired) {
          const team = await tx.visitTeam.findUnique({ where: { code: body.team } });
          if (!team) throw unknown('team', 'visiting team', body.team, 'GET /api/v1/survey-network');
          if (team.communityCode !== body.community) throw conflict(`走访小组 ${body.team} 负责社区 ${team.communityCode}，不是 ${body.community}。`, `team ${body.team} walks community ${team.communityCode}, not ${body.community}`);
          if (team.retiredAt) throw conflict(`走访小组 ${body.team} 已停用。`, `team ${body.team} is retired`);
        }
        const data = { nameZh: body.nameZh, nameEn: body.nameEn, address: body.address, teamCode: body.retired ? null : body.team, retiredAt: retiredAtOf(body.retired, before, now) };
        const after = await tx.building.upsert({ where: { code }, create: { code, communityCode: body.community, ...data }, update: data, include: { community: true } });
        return { before: before && buildingView(before), after: buildingView(after), created: !before };
      }),

    putTeam: (caller: Caller, code: string, body: z.output<typeof TeamBody>) =>
      save(caller, `visit-team:${code}`, async (tx, now) => {
        const community = await tx.community.findUnique({ where: { code: body.community } });
        if (!community) throw unknown('community', 'community', body.community, 'GET /api/v1/survey-network');
        const banks = new Set((await tx.bank.findMany({ where: { retiredAt: null }, select: { code: true } })).map((b) => b.code));
        const badBank = body.members.findIndex((m) => m.bank !== undefined && !banks.has(m.bank));
        if (badBank >= 0) throw unknown(`members.${badBank}.bank`, 'bank in use', body.members[badBank]!.bank!, 'GET /api/v1/banks');
        const before = await tx.visitTeam.findUnique({ where: { code }, include: { community: true, members: true } });
        if (before && before.communityCode !== body.community) throw conflict(`走访小组 ${code} 负责社区 ${before.communityCode}，小组不能改属其他社区。`, `team ${code} walks community ${before.communityCode}; a team never moves community`);
        if (!body.retired && community.retiredAt) throw conflict(`社区 ${body.community} 已停用。`, `community ${body.community} is retired`);
        if (body.retired && (await tx.building.count({ where: { teamCode: code, retiredAt: null } })) > 0) {
          throw conflict(`走访小组 ${code} 的清单上仍有楼宇，请先把它们交给其他小组。`, `team ${code} still has buildings on its list; give them to another team first`);
        }
        const data = { nameZh: body.nameZh, nameEn: body.nameEn, retiredAt: retiredAtOf(body.retired, before, now) };
        await tx.visitTeam.upsert({ where: { code }, create: { code, communityCode: body.community, ...data }, update: data });
        // The seats are the team's own: replaced whole (visits keep who walked by their own record).
        await tx.visitTeamMember.deleteMany({ where: { teamCode: code } });
        await tx.visitTeamMember.createMany({
          data: body.members.map((m) => ({ teamCode: code, seat: m.seat, name: m.name, staffId: m.staffId ?? null, bankCode: m.bank ?? null, organisation: m.organisation ?? null })),
        });
        const after = await tx.visitTeam.findUniqueOrThrow({ where: { code }, include: { community: true, members: true } });
        return { before: before && teamView(before), after: teamView(after), created: !before };
      }),
  };
}
