// Cases: opening one (it starts its workflow), reading one, its timeline, and lists.
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { z } from 'zod';
import { addDays, shanghaiDate, shanghaiDateTime, yearOf } from '../../domain/calendar/timeZone';
import { formatFen, formatWan } from '../../domain/money';
import { nextCaseNo } from '../../infra/caseNumbers';
import type { Database } from '../../infra/database';
import { runOnPool } from '../../infra/sql';
import { defaultAssignees, firstActiveStaff } from '../../infra/staffDirectory';
import { Prisma, type LoanCase } from '../../prisma/generated/client';
import { acceptanceUpdate, fastTrackCaseWorkflow, getStateQuery, type FastTrackCaseInput } from '../../workflows/fastTrackCase';
import { sciTechAcceptanceUpdate, sciTechCaseWorkflow } from '../../workflows/sciTechCase';
import { openingSearchAttributes } from '../../workflows/searchAttributes';
import type { Principal } from '../../domain/people';
import { Problem, validationProblem, type FieldError } from '../problem';
import type { CaseListQuery, CreateCaseBody } from '../schemas';
import type { Caller } from './caller';
import { requireCreditCodeConfirmation } from './creditCodeConfirmation';
import { visibleCase, visibleCasesSql } from './caseScope';
import { caseRecordAtRest, describeWorkflow, readThroughRecord } from './caseFreshness';
import { caseRecord, caseView, recordComplete, type CaseView, type LiveCaseState } from './caseView';
import { decodeCursor, encodeCursor } from './pageCursor';
import { hashOfRequest, keyReused } from './requestKeys';
import { bankRefusal } from './reference';
import { sciTechCaseInput, type CaseOpening } from './sciTechCases';
import { RETRY_WITH_KEY, askOrUndefined, boundedWrite, temporalUiLink } from './workflowCalls';

/** A case opened from the application a customer manager prepared for the firm (firmApplications.ts). */
export interface GuidedOpening {
  applicationId: string;
  /** The customer manager who prepared it. */
  guidedBy: string;
}

/** The request key a prepared application opens its case under: one case however often it is submitted. */
export const applicationKey = (applicationId: string) => `firm-application:${applicationId}`;

/**
 * What became of an opening under a request key: OPENED (its case is recorded), OPENING (its
 * workflow started and has not recorded it yet) or NONE (no number drawn, or its workflow never
 * started: the next opening with the key starts it under the same number).
 */
export type OpeningUnderKey = { state: 'OPENED'; caseNo: string; acceptedAt: Date; acceptedBy: string } | { state: 'OPENING' | 'NONE' };

export interface OpenedCase {
  caseNo: string;
  replayed: boolean;
  view: CaseView;
}

/** An officer opens cases for their street, a firm for its own credit code (the routes admit no one else). */
function outsideReach(p: Principal, body: CreateCaseBody): Problem | undefined {
  if (p.role === 'firm') {
    return body.creditCode.code === p.creditCode ? undefined : new Problem(403, 'forbidden', 'Not your firm', 'A firm applies under its own credit code only');
  }
  return body.street === p.street ? undefined : new Problem(403, 'forbidden', 'Outside your street', `You open cases for ${p.street} only, not ${body.street}`);
}

export interface CasesDeps {
  db: Database;
  client: Client;
  taskQueue: string;
  temporalUiUrl: string;
  namespace: string;
}

export function caseService({ db, client, taskQueue, temporalUiUrl, namespace }: CasesDeps) {
  const uiLink = temporalUiLink(temporalUiUrl, namespace);
  /** The case's workflow state (both products answer the same query), or undefined when the record must answer. */
  const ask = (log: Caller['log'], caseNo: string) =>
    askOrUndefined(client, log, `case-${caseNo}`, () => client.workflow.getHandle(`case-${caseNo}`).query(getStateQuery) as Promise<LiveCaseState>);
  /** The case as its workflow just answered (an update's result). */
  const view = async (caseNo: string, state: LiveCaseState) => caseView(await caseRecord(db, caseNo), { by: 'WORKFLOW', state }, uiLink);

  /**
   * A case from its record, unless `live` asks for the workflow, the record trails the workflow
   * (caseFreshness.ts) or lacks what the view shows (recorded before it kept it all). 404 unless
   * `principal` may see it.
   */
  async function read({ principal, log }: Caller, caseNo: string, live: boolean) {
    const { record, answer } = await readThroughRecord(client, log, {
      workflowId: `case-${caseNo}`,
      live,
      load: () => caseRecord(db, caseNo, principal),
      complete: recordComplete,
      atRest: (record) => caseRecordAtRest(record, new Date()),
      ask: () => ask(log, caseNo),
    });
    return caseView(record, answer, uiLink);
  }

  return {
    /** The case `caseNo` names if the caller may see it, with its product; else 404. */
    visible: (principal: Principal, caseNo: string) => visibleCase(db, principal, caseNo),
    view,

    /** A case: from its record, or from its workflow when asked (`live`) or when the record trails it. */
    get: read,

    async timeline(principal: Principal, caseNo: string) {
      const visible = await visibleCase(db, principal, caseNo);
      const [c, events] = await Promise.all([
        db.loanCase.findUniqueOrThrow({ where: { caseNo: visible.caseNo }, select: { product: true } }),
        db.caseEvent.findMany({ where: { caseNo: visible.caseNo }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
      ]);
      return { id: visible.caseNo, product: c.product, events: events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })) };
    },

    /** A page of the caller's cases, newest first: one hand-written statement, run on the pool (infra/sql.ts). */
    async list(principal: Principal, q: z.output<typeof CaseListQuery>) {
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      const filters = [
        visibleCasesSql(principal),
        q.stage === undefined ? undefined : Prisma.sql`c.stage = ${q.stage}`,
        q.slaState === undefined ? undefined : Prisma.sql`c.sla_state = ${q.slaState}`,
        q.street === undefined ? undefined : Prisma.sql`c.street_code = ${q.street}`,
        q.bank === undefined ? undefined : Prisma.sql`c.bank_code = ${q.bank}`,
        q.product === undefined ? undefined : Prisma.sql`c.product = ${q.product}`,
        q.acceptedFrom === undefined ? undefined : Prisma.sql`c.accepted_at >= ${shanghaiDateTime(q.acceptedFrom)}`,
        q.acceptedTo === undefined ? undefined : Prisma.sql`c.accepted_at < ${shanghaiDateTime(addDays(q.acceptedTo, 1))}`,
        // Keyset pagination: stable under inserts, unlike offsets.
        after && Prisma.sql`(c.accepted_at, c.case_no) < (${after.at}, ${after.key})`,
      ].filter((f) => f !== undefined);
      const rows = await runOnPool<ListRow>(db, Prisma.sql`
        SELECT c.case_no AS "caseNo", c.product, c.firm_name AS "firmName", c.street_code AS "streetCode", c.bank_code AS "bankCode",
               c.amount_fen AS "amountFen", c.stage, c.sla_state AS "slaState", c.accepted_at AS "acceptedAt", c.due_at AS "dueAt",
               c.paused_since AS "pausedSince", c.paused_by AS "pausedBy", c.paused_reason AS "pausedReason", c.paused_working_days AS "pausedWorkingDays"
          FROM loan_case c
         WHERE ${Prisma.join(filters, ' AND ')}
         ORDER BY c.accepted_at DESC, c.case_no DESC
         LIMIT ${q.limit + 1}`);
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((c) => ({
          id: c.caseNo,
          product: c.product,
          firmName: c.firmName,
          street: c.streetCode,
          bank: c.bankCode,
          amount: formatFen(Number(c.amountFen)),
          amountFen: Number(c.amountFen),
          stage: c.stage,
          slaState: c.slaState,
          acceptedAt: c.acceptedAt.toISOString(),
          dueAt: c.dueAt?.toISOString() ?? null,
          paused: c.pausedSince ? { since: c.pausedSince.toISOString(), by: c.pausedBy ?? '', reason: c.pausedReason ?? '' } : null,
          pausedWorkingDays: c.pausedWorkingDays,
        })),
        nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.acceptedAt, key: last.caseNo }) : null,
      };
    },

    /** What became of the opening under request key `scope`; undefined when Temporal cannot tell. */
    async openingUnder(log: Caller['log'], scope: string): Promise<OpeningUnderKey | undefined> {
      const key = await db.caseRequestKey.findUnique({ where: { scope } });
      if (!key) return { state: 'NONE' };
      const record = await db.loanCase.findUnique({ where: { caseNo: key.caseNo }, select: { acceptedAt: true, createdBy: true } });
      if (record) return { state: 'OPENED', caseNo: key.caseNo, acceptedAt: record.acceptedAt, acceptedBy: record.createdBy };
      const workflow = await describeWorkflow(client, log, `case-${key.caseNo}`);
      return workflow === undefined ? undefined : { state: workflow === 'GONE' ? 'NONE' : 'OPENING' };
    },

    /**
     * Opens a case: checks the opening, draws its number (once per Idempotency-Key), and starts the
     * product's workflow with the acceptance update, which returns once the workflow has written
     * the record. `requestBody` is the body as sent: a repeat must send the same. A firm opens
     * its own sci-tech case here too; `guided` when it submits what its customer manager prepared.
     */
    async open(caller: Caller, body: CreateCaseBody, requestBody: unknown, guided?: GuidedOpening): Promise<OpenedCase> {
      const { principal } = caller;
      // One statement on the pool: every acceptance asks (infra/sql.ts).
      const [{ street, bank }] = await runOnPool<{ street: { nameZh: string } | null; bank: { nameZh: string; retiredAt: string | null } | null }>(db, Prisma.sql`
        SELECT (SELECT json_build_object('nameZh', name_zh) FROM street WHERE code = ${body.street}) AS street,
               (SELECT json_build_object('nameZh', name_zh, 'retiredAt', retired_at) FROM bank WHERE code = ${body.bank}) AS bank`);
      const errors: FieldError[] = [];
      if (!street) errors.push({ field: 'street', message: `unknown street '${body.street}'; see GET /api/v1/streets` });
      const bankRefused = bankRefusal(bank, body.bank);
      if (bankRefused) errors.push({ field: 'bank', message: bankRefused });
      if (errors.length) throw validationProblem(errors);
      const outside = outsideReach(principal, body);
      if (outside) throw outside;
      requireCreditCodeConfirmation([{ field: 'creditCode', creditCode: body.creditCode, confirmed: body.confirmCreditCodeWarnings }]);

      const acceptedAt = new Date();
      // A prepared application opens one case, however often it is submitted; else one per caller's key.
      const callerKey = caller.idempotencyKey();
      const key = guided ? applicationKey(guided.applicationId) : callerKey === undefined ? undefined : `${principal.sub}:${callerKey}`;
      const { caseNo, replayed } = key === undefined
        ? { caseNo: await nextCaseNo(db, yearOf(shanghaiDate(acceptedAt))), replayed: false }
        : await caseNoForKey(db, key, requestBody, acceptedAt);
      const opening: CaseOpening = {
        caseNo,
        firm: { name: body.firmName, creditCode: body.creditCode.code, creditCodeWarnings: body.creditCode.warnings },
        streetCode: body.street,
        bankCode: body.bank,
        purpose: body.purpose,
        acceptedAt: acceptedAt.toISOString(),
        acceptedBy: principal.sub,
        // Only when ticked: the input of every other case stays as it was.
        ...(body.firmConfirmsContract ? { firmConfirmsContract: true } : {}),
      };
      // The workflow writes the record itself, so no record exists without its workflow;
      // the update returns once that record is written.
      const start = {
        workflowId: `case-${caseNo}`,
        taskQueue,
        // With a key, concurrent repeats meet at the same workflow id and share it.
        workflowIdConflictPolicy: key === undefined ? ('FAIL' as const) : ('USE_EXISTING' as const),
        // A case number runs once: a repeat after its workflow has ended must not start it again.
        workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
        // Shown and stored in clear beside the (encrypted) payloads: the case number, never the firm.
        staticSummary: `${caseNo} · ${formatWan(body.amount)} · ${street!.nameZh}`,
      };
      const attributes = (product: 'FAST_TRACK' | 'SCI_TECH') =>
        openingSearchAttributes({ product, streetCode: body.street, bankCode: body.bank, amountFen: body.amount });
      const startCase = async (): Promise<LiveCaseState> => {
        if (body.product === 'SCI_TECH') {
          const approver = await firstActiveStaff(db, { role: 'credit_approver', bankCode: body.bank });
          return client.workflow.executeUpdateWithStart(sciTechAcceptanceUpdate, {
            startWorkflowOperation: new WithStartWorkflowOperation(sciTechCaseWorkflow, {
              ...start,
              args: [sciTechCaseInput(guided ? { ...opening, firmApplicationId: guided.applicationId, guidedBy: guided.guidedBy } : opening, body, approver)],
              staticDetails: `善科贷 Sci-tech credit (48h) · ${bank!.nameZh} · ${body.purpose}`,
              typedSearchAttributes: attributes('SCI_TECH'),
            }),
          });
        }
        const input: FastTrackCaseInput = { ...opening, amountFen: body.amount, assignees: await defaultAssignees(db, body.street, body.bank) };
        return client.workflow.executeUpdateWithStart(acceptanceUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation(fastTrackCaseWorkflow, {
            ...start,
            args: [input],
            staticDetails: `快速通道 Fast-track · ${bank!.nameZh} · ${body.purpose}`,
            typedSearchAttributes: attributes('FAST_TRACK'),
          }),
        });
      };
      // Out of time, the workflow has started and records the case once a worker runs it.
      const accepted = { zh: `案件 ${caseNo} 已受理，但其工作流`, en: `Case ${caseNo} is accepted, but its workflow` };
      const next =
        key === undefined
          ? { zh: '请稍后查看该案件，勿不带 Idempotency-Key 重复提交（那会另开一案）。', en: 'read the case later; do not resend without an Idempotency-Key (that opens another case).' }
          : RETRY_WITH_KEY;
      try {
        return { caseNo, replayed, view: await view(caseNo, await boundedWrite(client, accepted, next, startCase)) };
      } catch (err) {
        // A repeat after the case has ended answers the case as it is.
        if (!(replayed && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        return { caseNo, replayed, view: await read(caller, caseNo, false) };
      }
    },
  };
}

/**
 * The case number an Idempotency-Key stands for: drawn once per key (per caller),
 * the same for every repeat with the same body; a different body is refused.
 */
async function caseNoForKey(db: Database, scope: string, body: unknown, acceptedAt: Date): Promise<{ caseNo: string; replayed: boolean }> {
  const requestHash = hashOfRequest(body);
  let row = await db.caseRequestKey.findUnique({ where: { scope } });
  const replayed = row !== null;
  if (!row) {
    const caseNo = await nextCaseNo(db, yearOf(shanghaiDate(acceptedAt)));
    // Concurrent first requests race here; the first insert wins and all read it back.
    await db.caseRequestKey.createMany({ data: [{ scope, requestHash, caseNo }], skipDuplicates: true });
    row = await db.caseRequestKey.findUniqueOrThrow({ where: { scope } });
  }
  if (row.requestHash !== requestHash) {
    throw keyReused(`It created case ${row.caseNo} from a different body; use a new key for a new case`);
  }
  return { caseNo: row.caseNo, replayed };
}

/** A row of the case list (its columns named as Prisma names them; pg reads a bigint as a string). */
type ListRow = Pick<
  LoanCase,
  'caseNo' | 'product' | 'firmName' | 'streetCode' | 'bankCode' | 'stage' | 'slaState' | 'acceptedAt' | 'dueAt' | 'pausedSince' | 'pausedBy' | 'pausedReason' | 'pausedWorkingDays'
> & { amountFen: string };
