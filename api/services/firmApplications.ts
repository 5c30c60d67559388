// 善科贷 applied for online (docs/firm.md): the firm applies itself, or its bank's customer
// manager prepares the application for it and the firm reviews it on its phone, then submits it
// (确认) or discards it. Either way the case opens through the officers' own path
// (cases.ts open), under the firm's credit code, with the firm as the one who applied.
import type { z } from 'zod';
import { checkCreditCode } from '../../domain/creditCode';
import { formatFen } from '../../domain/money';
import { writeAudit } from '../../infra/audit';
import type { Database } from '../../infra/database';
import type { Prisma } from '../../prisma/generated/client';
import { Problem, fieldErrors, validationProblem } from '../problem';
import { FIRM_APPLICATION_ID, SciTechCaseBody, type FirmApplyBody, type PreparedApplicationBody } from '../schemas';
import type { Caller } from './caller';
import { applicationKey, type caseService, type OpenedCase } from './cases';
import { requireCreditCodeConfirmation } from './creditCodeConfirmation';
import { bankRefusal } from './reference';
import { claimKey, keySeen, keyedRequest, recordDigits } from './requestKeys';
import { stationedStreets } from './surveyScope';
import { WRITE_DEADLINE_MS } from './workflowCalls';

type Row = Prisma.FirmApplicationGetPayload<object>;
type Place = { code: string; nameZh: string; nameEn: string };

/** The most applications a list shows, newest first: a firm or a bank's desk has a handful open. */
const LISTED = 50;

/** A submission waits on its case's workflow at most WRITE_DEADLINE_MS: one SUBMITTING for twice that is no longer under way. */
const SUBMISSION_STALE_MS = 2 * WRITE_DEADLINE_MS;

const notFound = (id: string) => new Problem(404, 'not-found', 'Application not found', `No application ${id}`);

/** A submitted or discarded application is done: 409 saying which, and the case it opened. */
function done(r: Row): Problem {
  return r.status === 'SUBMITTED'
    ? new Problem(409, 'application-submitted', 'The application was submitted', `该申请已提交，案件编号 ${r.caseNo}。 It was submitted already and opened case ${r.caseNo}.`)
    : new Problem(409, 'application-discarded', 'The application was discarded', '该申请已放弃，如需申请请联系客户经理重新准备或自行申请。 It was discarded; ask the customer manager to prepare it again, or apply yourself.');
}

/**
 * The case's opening as stored, checked as the case would be opened from it today; a body that
 * passed when prepared can fail rules tightened since (outdated: prepared again, never submitted).
 */
const opening = (r: Row) => SciTechCaseBody.safeParse(r.body);

/** 409 for submitting an application today's rules refuse, naming what they refuse. */
function outdated(error: z.ZodError): Problem {
  return new Problem(
    409,
    'application-outdated',
    'The application no longer meets the current rules',
    '该申请准备之后规则已有变化，按现行规则不能提交，请联系客户经理重新准备。 The rules changed after it was prepared and it no longer meets them; ask the customer manager to prepare it again.',
    fieldErrors(error),
  );
}

function view(r: Row, street: Place, bank: Place) {
  const parsed = opening(r);
  const b = parsed.success ? parsed.data : undefined;
  const a = b?.application;
  return {
    id: r.id,
    status: r.status as 'DRAFT' | 'SUBMITTING' | 'SUBMITTED' | 'DISCARDED',
    outdated: !b,
    firmName: r.firmName,
    creditCode: r.creditCode,
    street,
    bank,
    amount: b ? formatFen(b.amount) : null,
    purpose: b?.purpose ?? null,
    application: a ? { patents: a.patents, rdSpend: formatFen(a.rdSpend), revenue: a.revenue.map(formatFen), yearsInOperation: a.yearsInOperation, existingDebt: formatFen(a.existingDebt) } : null,
    preparedBy: r.preparedByName,
    preparedAt: r.preparedAt.toISOString(),
    caseNo: r.caseNo,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

export function firmApplicationService(db: Database, cases: ReturnType<typeof caseService>) {
  async function views(rows: Row[]) {
    const [streets, banks] = await Promise.all([db.street.findMany(), db.bank.findMany()]);
    const place = (list: Place[], code: string): Place => {
      const p = list.find((x) => x.code === code);
      return { code, nameZh: p?.nameZh ?? code, nameEn: p?.nameEn ?? code };
    };
    return rows.map((r) => view(r, place(streets, r.streetCode), place(banks, r.bankCode)));
  }
  const one = async (r: Row) => (await views([r]))[0]!;

  /** The application if it names the caller's own credit code; any other, existing or not, is 404. */
  async function own(caller: Caller, id: string): Promise<Row> {
    const row = FIRM_APPLICATION_ID.test(id) ? await db.firmApplication.findUnique({ where: { id } }) : null;
    if (!row || row.creditCode !== caller.principal.creditCode) throw notFound(id);
    return row;
  }

  /** Sets the outcome of an application still as `from` says and audits it, `actor` its author, in one transaction. */
  async function decide(actor: string, id: string, from: Prisma.FirmApplicationWhereInput, data: Prisma.FirmApplicationUpdateManyMutationInput, action: string): Promise<boolean> {
    return db.$transaction(async (tx) => {
      const { count } = await tx.firmApplication.updateMany({ where: { ...from, id }, data });
      if (count === 1) await writeAudit(tx, { actor, action, subject: `firm-application:${id}`, after: { status: data.status, caseNo: data.caseNo ?? null } });
      return count === 1;
    });
  }

  /**
   * An application left SUBMITTING by a submission no longer under way (a 503 nobody retried),
   * settled from what is known when it is next read: its case recorded, SUBMITTED with it (as its
   * submitter); no case number drawn, or its workflow never started, DRAFT again (a later 确认
   * meets the same number); its workflow started but not recorded yet, or Temporal not answering,
   * left SUBMITTING. Each change applies only if no 确认 has claimed it since.
   */
  async function settled(log: Caller['log'], row: Row): Promise<Row> {
    if (row.status !== 'SUBMITTING' || (row.decidedAt && Date.now() - row.decidedAt.getTime() < SUBMISSION_STALE_MS)) return row;
    const outcome = await cases.openingUnder(log, applicationKey(row.id));
    if (outcome === undefined || outcome.state === 'OPENING') return row;
    const unclaimed = { status: 'SUBMITTING', decidedAt: row.decidedAt };
    if (outcome.state === 'OPENED') {
      await decide(outcome.acceptedBy, row.id, unclaimed, { status: 'SUBMITTED', caseNo: outcome.caseNo, decidedAt: outcome.acceptedAt }, 'FIRM_APPLICATION_SUBMITTED');
    } else {
      await db.firmApplication.updateMany({ where: { ...unclaimed, id: row.id }, data: { status: 'DRAFT', decidedAt: null } });
    }
    return db.firmApplication.findUniqueOrThrow({ where: { id: row.id } });
  }
  /** A list of applications, each stale submission settled first. */
  const listed = async (caller: Caller, where: Prisma.FirmApplicationWhereInput) => {
    const rows = await db.firmApplication.findMany({ where, orderBy: [{ preparedAt: 'desc' }, { id: 'asc' }], take: LISTED });
    return { items: await views(await Promise.all(rows.map((r) => settled(caller.log, r)))) };
  };

  return {
    /**
     * The firm applies itself. Its credit code is the token's; a pilot code whose check character
     * fails needs a customer manager to confirm it against the licence, so the firm is sent to one.
     */
    async apply(caller: Caller, body: z.output<typeof FirmApplyBody>, requestBody: unknown): Promise<OpenedCase> {
      const code = checkCreditCode(caller.principal.creditCode ?? '');
      if (!code.ok) throw new Problem(403, 'forbidden', 'No credit code', 'The token names no valid credit code');
      if (code.warnings.length > 0) {
        throw new Problem(
          422,
          'credit-code-confirmation-required',
          'The credit code needs your customer manager to confirm it',
          `您的统一社会信用代码 ${code.code} 校验位未通过（早期试点代码可能如此），请联系银行客户经理核对营业执照后为您准备申请，再在此确认提交。 ${code.code} fails ${code.warnings.join(' and ')}; codes from the early Fujian/Xiamen pilot can, so ask your bank's customer manager to check the business licence and prepare the application, then submit it here.`,
        );
      }
      // The firm applies on its phone, so it confirms the contract there too (docs/firm.md).
      return cases.open(caller, { product: 'SCI_TECH', ...body, creditCode: code, confirmCreditCodeWarnings: false, firmConfirmsContract: true }, requestBody);
    },

    /** Applications prepared for the firm, newest first. */
    listForFirm: (caller: Caller) => listed(caller, { creditCode: caller.principal.creditCode ?? '' }),

    /** Applications the customer manager's bank prepared, newest first. */
    listForBank: (caller: Caller) => listed(caller, { bankCode: caller.principal.bank ?? '' }),

    /**
     * A customer manager prepares a firm's application for their bank, for a firm of a street
     * where a branch of their bank is stationed (the steward stationed at the street). With an
     * Idempotency-Key the id derives from it: a repeat answers the same application.
     */
    async prepare(caller: Caller, body: z.output<typeof PreparedApplicationBody>, requestBody: unknown): Promise<{ created: boolean; view: Awaited<ReturnType<typeof one>> }> {
      const { principal } = caller;
      const bankCode = principal.bank ?? '';
      const street = await db.street.findUnique({ where: { code: body.street } });
      if (!street) throw validationProblem([{ field: 'street', message: `unknown street '${body.street}'; see GET /api/v1/streets` }]);
      const refused = bankRefusal(await db.bank.findUnique({ where: { code: bankCode } }), bankCode);
      if (refused) throw new Problem(403, 'forbidden', 'Your bank takes no applications', refused);
      const reach = await stationedStreets(db, bankCode);
      if (!reach.includes(body.street)) {
        throw new Problem(
          403,
          'forbidden',
          'Outside your bank’s streets',
          `本行在${street.nameZh}没有派驻网点，客户经理只为本行派驻街道的企业准备申请。 No branch of ${bankCode} is stationed at ${body.street}; its customer managers prepare applications for firms of ${reach.join(', ') || 'no street'}.`,
        );
      }
      requireCreditCodeConfirmation([{ field: 'creditCode', creditCode: body.creditCode, confirmed: body.confirmCreditCodeWarnings }]);

      const keyed = keyedRequest(principal.sub, 'prepareFirmApplication', caller.idempotencyKey(), requestBody);
      const id = `FA-${recordDigits(keyed).slice(0, 16).toUpperCase()}`;
      if (await keySeen(db, keyed, `It prepared application ${id} from a different body; use a new key for a new application`)) {
        const replay = await db.firmApplication.findUnique({ where: { id } });
        if (replay) return { created: false, view: await one(replay) };
      }
      // The case's opening as the officers' route takes it, with the bank and the normalised code.
      const stored = { ...(requestBody as object), product: 'SCI_TECH', creditCode: body.creditCode.code, bank: bankCode };
      const row = await db.$transaction(async (tx) => {
        if (!(await claimKey(tx, keyed))) {
          throw new Problem(409, 'application-in-progress', 'This application is being prepared by a repeat of the request', `申请 ${id} 正由一次重复请求准备，请在申请列表中查看，或用同一 Idempotency-Key 重新提交。 Read application ${id} in GET /api/v1/firm-applications, or resend with the same key`);
        }
        const created = await tx.firmApplication.create({
          data: { id, creditCode: body.creditCode.code, firmName: body.firmName, streetCode: body.street, bankCode, body: stored, preparedBy: principal.sub, preparedByName: principal.name, preparedAt: new Date(), status: 'DRAFT' },
        });
        await writeAudit(tx, {
          actor: principal.sub,
          action: 'FIRM_APPLICATION_PREPARED',
          subject: `firm-application:${id}`,
          after: { creditCode: body.creditCode.code, firmName: body.firmName, street: body.street, bank: bankCode, amountFen: body.amount, patents: body.application.patents.length, creditCodeConfirmed: body.creditCode.warnings.length > 0 },
        });
        return created;
      });
      return { created: true, view: await one(row) };
    },

    /**
     * The firm submits what was prepared for it (确认): the case opens as if the firm had applied,
     * recording the customer manager who guided it. SUBMITTING marks a submission under way; a
     * repeat meets the same case (its number is drawn once per application), a refusal before
     * anything started returns it to DRAFT.
     */
    async submit(caller: Caller, id: string): Promise<OpenedCase> {
      const row = await own(caller, id);
      const parsed = opening(row);
      // Today's rules refuse it: nothing starts, and a finished one still says what became of it.
      if (!parsed.success) throw row.status === 'DRAFT' || row.status === 'SUBMITTING' ? outdated(parsed.error) : done(row);
      // decidedAt: when this 确认 began, so a submission left behind shows as stale (settled).
      const claimed = await db.firmApplication.updateMany({ where: { id, status: { in: ['DRAFT', 'SUBMITTING'] } }, data: { status: 'SUBMITTING', decidedAt: new Date() } });
      if (claimed.count === 0) throw done(await db.firmApplication.findUniqueOrThrow({ where: { id } }));
      // The firm confirms on its phone what it submits there, the contract too (docs/firm.md).
      const body = { ...parsed.data, firmConfirmsContract: true };
      let opened: OpenedCase;
      try {
        opened = await cases.open(caller, body, row.body, { applicationId: id, guidedBy: row.preparedBy });
      } catch (err) {
        if (err instanceof Problem && err.status < 500) await db.firmApplication.updateMany({ where: { id, status: 'SUBMITTING' }, data: { status: 'DRAFT', decidedAt: null } });
        throw err;
      }
      await decide(caller.principal.sub, id, { status: 'SUBMITTING' }, { status: 'SUBMITTED', caseNo: opened.caseNo, decidedAt: new Date() }, 'FIRM_APPLICATION_SUBMITTED');
      return opened;
    },

    /** The firm discards a draft it will not submit. */
    async discard(caller: Caller, id: string) {
      await settled(caller.log, await own(caller, id));
      if (!(await decide(caller.principal.sub, id, { status: 'DRAFT' }, { status: 'DISCARDED', decidedAt: new Date() }, 'FIRM_APPLICATION_DISCARDED'))) {
        const now = await db.firmApplication.findUniqueOrThrow({ where: { id } });
        throw now.status === 'SUBMITTING' ? new Problem(409, 'application-submitting', 'The application is being submitted', '该申请正在提交，不能放弃。 Its case is being opened; it cannot be discarded.') : done(now);
      }
      return one(await db.firmApplication.findUniqueOrThrow({ where: { id } }));
    },
  };
}
