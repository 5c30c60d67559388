// The screening track of the visit list (大数据建模): a street's firms imported with indicators
// from 信易贷 or tax data, each screened by the transparent model (domain/screening). The import
// is all or nothing unless the caller asks to skip bad rows, and idempotent: a firm is one per
// street and credit code, and a row that says what the last import said changes nothing. A flagged
// firm that names a building also joins that building's firms, so its team can record a visit.
import type { z } from 'zod';
import { auditCreditCodeOverride } from '../../activities/creditCodeOverride';
import { screen, type Indicators, type Reason } from '../../domain/screening/model';
import { writeAudit } from '../../infra/audit';
import type { Database } from '../../infra/database';
import type { Prisma } from '../../prisma/generated/client';
import { canonicalJson } from '../canonicalJson';
import { Problem } from '../problem';
import { SCREENING_COLUMNS, ScreeningRow, type ScreeningImportBody } from '../schemas';
import type { Caller } from './caller';
import { goodRows, readRows, refuseRow, type RowResult } from './csvImport';
import { surveyReach, type SurveyReach } from './surveyScope';

type Row = z.output<typeof ScreeningRow>;
type ScreenedRow = Prisma.ScreenedFirmGetPayload<{ include: { building: { include: { firms: true } } } }>;

const indicatorsOf = (r: Row): Indicators => ({
  revenueChangeBp: r.revenueChangePct ?? null,
  arrearsFen: r.arrearsYuan ?? null,
  headcountChangeBp: r.headcountChangePct ?? null,
  maturingLoansFen: r.maturingLoansYuan ?? null,
  refusedRecently: r.refusedRecently ?? null,
});

/** The screened firms a reach covers: by building for a team or a community, by street above. */
export function screenedWhere(r: SurveyReach): Prisma.ScreenedFirmWhereInput {
  return {
    ...(r.team !== undefined ? { building: { teamCode: r.team, retiredAt: null } } : {}),
    ...(r.community !== undefined ? { building: { communityCode: r.community, retiredAt: null } } : {}),
    ...(r.streets ? { streetCode: { in: r.streets } } : {}),
  };
}

/** A screening-track entry of the visit list. */
export const screenedView = (s: ScreenedRow) => ({
  track: 'SCREENING' as const,
  id: s.id,
  name: s.name,
  creditCode: s.creditCode,
  street: s.streetCode,
  building: s.buildingCode,
  /** The firm on the building's list, to record a visit to. */
  firmId: s.building?.firms.find((f) => f.creditCode === s.creditCode)?.id ?? null,
  flagged: s.flagged,
  points: s.points,
  reasons: s.reasons as unknown as Reason[],
  policyVersion: s.policyVersion,
  source: s.source,
  importedAt: s.importedAt.toISOString(),
});
export const SCREENED_INCLUDE = { building: { include: { firms: true } } } as const;

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function screeningService(db: Database) {
  return {
    /** A street the caller may import for: their own (a case officer), any (the district); else 404. */
    async streetInReach(caller: Caller, street: string): Promise<string> {
      const reach = await surveyReach(db, caller.principal);
      const found = await db.street.findUnique({ where: { code: street } });
      if (!found || (reach.streets && !reach.streets.includes(street))) throw new Problem(404, 'not-found', 'Street not found', `No street ${street} within your reach`);
      return found.code;
    },

    async import(caller: Caller, street: string, body: z.output<typeof ScreeningImportBody>) {
      const rows = readRows(body.csv, SCREENING_COLUMNS, ['creditCode', 'name'], ScreeningRow);
      const buildings = new Map((await db.building.findMany({ where: { community: { streetCode: street } } })).map((b) => [b.code, b]));
      const firstRow = new Map<string, number>();
      const checked = rows.map((r): RowResult<Row> => {
        if (!r.value) return r;
        const { creditCode, building } = r.value;
        const seen = firstRow.get(creditCode.code);
        if (seen !== undefined) return refuseRow(r, 'creditCode', `repeats row ${seen}: one row per firm`);
        firstRow.set(creditCode.code, r.row);
        if (creditCode.warnings.length && !body.confirmCreditCodeWarnings) {
          return refuseRow(r, 'creditCode', `fails ${creditCode.warnings.join(', ')}; after checking the business licence, resend with "confirmCreditCodeWarnings": true`);
        }
        const b = building === undefined ? undefined : buildings.get(building);
        if (building !== undefined && !b) return refuseRow(r, 'building', `no building '${building}' in street ${street}; see GET /api/v1/survey-network?street=${street}`);
        if (b?.retiredAt) return refuseRow(r, 'building', `building '${building}' is retired`);
        return r;
      });
      const { good, skipped } = goodRows(checked, body.skipBadRows);
      caller.idempotencyKey();
      const actor = caller.principal.sub;
      const source = body.source ?? null;

      return db.$transaction(
        async (tx) => {
          const now = new Date();
          const before = new Map(
            (await tx.screenedFirm.findMany({ where: { streetCode: street, creditCode: { in: good.map((g) => g.value.creditCode.code) } } })).map((s) => [s.creditCode, s]),
          );
          const written = { created: 0, changed: 0, unchanged: 0 };
          const firms = [];
          for (const { row, value } of good) {
            const creditCode = value.creditCode.code;
            const indicators = indicatorsOf(value);
            const s = screen(indicators);
            const data = { name: value.name, buildingCode: value.building ?? null, indicators: indicators as object, flagged: s.flagged, points: s.points, reasons: s.reasons as object[], policyVersion: s.policyVersion };
            const was = before.get(creditCode);
            const unchanged = was && same([was.name, was.buildingCode, was.indicators, was.policyVersion], [data.name, data.buildingCode, data.indicators, data.policyVersion]);
            if (!was) written.created++;
            else if (unchanged) written.unchanged++;
            else written.changed++;
            if (!unchanged) {
              await tx.screenedFirm.upsert({
                where: { streetCode_creditCode: { streetCode: street, creditCode } },
                create: { streetCode: street, creditCode, ...data, source, importedBy: actor, importedAt: now },
                update: { ...data, source, importedBy: actor, importedAt: now },
              });
              if (value.creditCode.warnings.length) await auditCreditCodeOverride(tx, { actor, creditCode, warnings: value.creditCode.warnings, opened: { screenedFirm: `${street}:${creditCode}` } });
            }
            // A flagged firm joins its building's list (the same firm if the team already found it there).
            if (s.flagged && value.building) {
              await tx.surveyFirm.createMany({ data: [{ buildingCode: value.building, name: value.name, creditCode, addedBy: actor, addedAt: now }], skipDuplicates: true });
            }
            firms.push({ row, creditCode, name: value.name, building: value.building ?? null, flagged: s.flagged, points: s.points, reasons: s.reasons });
          }
          const flagged = firms.filter((f) => f.flagged).length;
          await writeAudit(tx, {
            actor,
            action: 'SCREENING_IMPORTED',
            subject: `street:${street}:screening`,
            after: { source, rows: good.length + skipped.length, ...written, flagged, skippedRows: skipped.map((s) => s.row), flaggedFirms: firms.filter((f) => f.flagged).map((f) => f.creditCode) },
          });
          return { street, source, importedAt: now.toISOString(), rows: good.length + skipped.length, written, flagged, skipped, firms };
        },
        { timeout: 60_000 },
      );
    },
  };
}

/** The flagged firms within a reach, narrowed as the visit list is: its screening-track entries. */
export async function flaggedFirms(db: Database, reach: SurveyReach, q: { street?: string; community?: string; team?: string }) {
  const rows = await db.screenedFirm.findMany({
    where: {
      AND: [
        screenedWhere(reach),
        { flagged: true, streetCode: q.street },
        ...(q.community || q.team ? [{ building: { communityCode: q.community, teamCode: q.team } }] : []),
      ],
    },
    orderBy: [{ points: 'desc' }, { creditCode: 'asc' }],
    include: SCREENED_INCLUDE,
  });
  return rows.map(screenedView);
}
