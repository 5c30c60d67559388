import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { addDays, shanghaiDate, shanghaiDateTime, yearOf } from '../../domain/calendar/timeZone';
import type { Prisma } from '../../prisma/generated/client';
import { TASK_KINDS } from '../../domain/fastTrack/policy';
import { formatFen, formatWan } from '../../domain/money';
import { nextCaseNo } from '../../infra/caseNumbers';
import { defaultAssignees, firstActiveStaff } from '../../infra/staffDirectory';
import type { Database } from '../../infra/database';
import { acceptanceUpdate, fastTrackCaseWorkflow, getStateQuery, type CaseState, type FastTrackCaseInput } from '../../workflows/fastTrackCase';
import { sciTechAcceptanceUpdate, sciTechCaseWorkflow, type SciTechCaseState } from '../../workflows/sciTechCase';
import { openingSearchAttributes } from '../../workflows/searchAttributes';
import { principalOf, requireRole } from '../auth/middleware';
import { Problem, parseOr422, validationProblem, type FieldError } from '../problem';
import { CaseListQuery, CreateCaseBody, idempotencyKey } from '../schemas';
import { canonicalJson } from '../canonicalJson';
import { caseActionsRouter } from './caseActions';
import { fastTrackCaseFacts } from '../../infra/fastTrackCaseFacts';
import { sciTechCaseFacts } from '../../infra/sciTechCaseFacts';
import { sciTechCaseInput, type CaseOpening } from './sciTechCases';
import { caseNotFound, visibleCaseNo, visibleCasesWhere } from './caseScope';
import { RETRY_WITH_KEY, askOrUndefined, boundedWrite } from './workflowCalls';

export interface CasesDeps {
  db: Database;
  client: Client;
  taskQueue: string;
  temporalUiUrl: string;
  namespace: string;
  /** When a case is accepted. Production reads the real clock; a test fixes the instant. */
  clock?: () => Date;
}

/** A case's state as its workflow answers it; `product` tells the two apart. */
export type LiveCaseState = CaseState | SciTechCaseState;

export function casesRouter({ db, client, taskQueue, temporalUiUrl, namespace, clock = () => new Date() }: CasesDeps): Router {
  const router = Router();
  /** The case's workflow state (both products answer the same query), or undefined when the record must answer. */
  const askCase = (req: Request, caseNo: string) =>
    askOrUndefined(client, req, `case-${caseNo}`, () => client.workflow.getHandle(`case-${caseNo}`).query(getStateQuery) as Promise<LiveCaseState>);
  const uiLink = (workflowId: string) => `${temporalUiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;

  router.post('/', requireRole('case_officer'), async (req, res) => {
    const principal = principalOf(req);
    const body = parseOr422(CreateCaseBody, req.body);
    const [street, bank] = await Promise.all([
      db.street.findUnique({ where: { code: body.street } }),
      db.bank.findUnique({ where: { code: body.bank } }),
    ]);
    const errors: FieldError[] = [];
    if (!street) errors.push({ field: 'street', message: `unknown street '${body.street}'; see GET /api/v1/streets` });
    if (!bank) errors.push({ field: 'bank', message: `unknown bank '${body.bank}'; see GET /api/v1/banks` });
    if (errors.length) throw validationProblem(errors);
    if (body.street !== principal.street) {
      throw new Problem(403, 'forbidden', 'Outside your street', `You open cases for ${principal.street} only, not ${body.street}`);
    }
    if (body.creditCode.warnings.length > 0 && !body.confirmCreditCodeWarnings) {
      throw new Problem(
        422,
        'credit-code-confirmation-required',
        'The credit code needs an officer to confirm it',
        `${body.creditCode.code} fails ${body.creditCode.warnings.join(' and ')}; codes from the early Fujian/Xiamen pilot can, so resend with "confirmCreditCodeWarnings": true after checking the business licence`,
        [{ field: 'creditCode', message: `fails ${body.creditCode.warnings.join(', ')}` }],
      );
    }

    const acceptedAt = clock();
    const key = idempotencyKey(req);
    const { caseNo, replayed } = key === undefined
      ? { caseNo: await nextCaseNo(db, yearOf(shanghaiDate(acceptedAt))), replayed: false }
      : await caseNoForKey(db, `${principal.sub}:${key}`, req.body, acceptedAt);
    const opening: CaseOpening = {
      caseNo,
      firm: { name: body.firmName, creditCode: body.creditCode.code, creditCodeWarnings: body.creditCode.warnings },
      streetCode: body.street,
      bankCode: body.bank,
      purpose: body.purpose,
      acceptedAt: acceptedAt.toISOString(),
      acceptedBy: principal.sub,
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
      staticSummary: `${body.firmName} · ${formatWan(body.amount)} · ${street!.nameZh}`,
    };
    const attributes = (product: 'FAST_TRACK' | 'SCI_TECH') =>
      openingSearchAttributes({ product, streetCode: body.street, bankCode: body.bank, amountFen: body.amount });
    const startCase = async (): Promise<LiveCaseState> => {
      if (body.product === 'SCI_TECH') {
        const approver = await firstActiveStaff(db, { role: 'credit_approver', bankCode: body.bank });
        return client.workflow.executeUpdateWithStart(sciTechAcceptanceUpdate, {
          startWorkflowOperation: new WithStartWorkflowOperation(sciTechCaseWorkflow, {
            ...start,
            args: [sciTechCaseInput(opening, body, approver)],
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
    let state: LiveCaseState | undefined;
    try {
      state = await boundedWrite(client, accepted, next, startCase);
    } catch (err) {
      // A repeat after the case has ended answers the case as it is.
      if (!(replayed && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      state = await askCase(req, caseNo);
    }
    if (replayed) res.set('Idempotent-Replayed', 'true');
    res.status(201).location(`/api/v1/cases/${caseNo}`).json(await caseView(db, caseNo, state, uiLink));
  });

  router.get('/', async (req, res) => {
    const q = parseOr422(CaseListQuery, req.query);
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    const where: Prisma.LoanCaseWhereInput = {
      AND: [
        visibleCasesWhere(principalOf(req)),
        {
          stage: q.stage,
          slaState: q.slaState,
          streetCode: q.street,
          bankCode: q.bank,
          product: q.product,
          acceptedAt: {
            ...(q.acceptedFrom ? { gte: shanghaiDateTime(q.acceptedFrom) } : {}),
            ...(q.acceptedTo ? { lt: shanghaiDateTime(addDays(q.acceptedTo, 1)) } : {}),
          },
        },
        // Keyset pagination: stable under inserts, unlike offsets.
        after ? { OR: [{ acceptedAt: { lt: after.acceptedAt } }, { acceptedAt: after.acceptedAt, caseNo: { lt: after.caseNo } }] } : {},
      ],
    };
    const rows = await db.loanCase.findMany({
      where,
      orderBy: [{ acceptedAt: 'desc' }, { caseNo: 'desc' }],
      take: q.limit + 1,
      include: { firm: { select: { name: true } } },
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    res.json({
      items: page.map((c) => ({
        id: c.caseNo,
        product: c.product,
        firmName: c.firm.name,
        street: c.streetCode,
        bank: c.bankCode,
        amount: formatFen(Number(c.amountFen)),
        amountFen: Number(c.amountFen),
        stage: c.stage,
        slaState: c.slaState,
        acceptedAt: c.acceptedAt.toISOString(),
        dueAt: c.dueAt?.toISOString() ?? null,
      })),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    });
  });

  router.get('/:caseNo/timeline', async (req, res) => {
    const caseNo = await visibleCaseNo(db, req);
    const [c, events] = await Promise.all([
      db.loanCase.findUniqueOrThrow({ where: { caseNo }, select: { product: true } }),
      db.caseEvent.findMany({ where: { caseNo }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    ]);
    res.json({ id: caseNo, product: c.product, events: events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })) });
  });

  router.get('/:caseNo', async (req, res) => {
    const caseNo = await visibleCaseNo(db, req);
    res.json(await caseView(db, caseNo, await askCase(req, caseNo), uiLink));
  });

  router.use('/:caseNo', caseActionsRouter({ db, client, view: (caseNo, state) => caseView(db, caseNo, state, uiLink) }));

  return router;
}

function encodeCursor(c: { acceptedAt: Date; caseNo: string }): string {
  return Buffer.from(JSON.stringify([c.acceptedAt.toISOString(), c.caseNo])).toString('base64url');
}

function decodeCursor(cursor: string): { acceptedAt: Date; caseNo: string } {
  try {
    const [at, caseNo] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const acceptedAt = new Date(at);
    if (typeof caseNo === 'string' && !Number.isNaN(acceptedAt.getTime())) return { acceptedAt, caseNo };
  } catch {
    // fall through: not one of ours
  }
  throw validationProblem([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
}

/**
 * The case number an Idempotency-Key stands for: drawn once per key (per caller),
 * the same for every repeat with the same body; a different body is refused.
 */
async function caseNoForKey(db: Database, scope: string, body: unknown, acceptedAt: Date): Promise<{ caseNo: string; replayed: boolean }> {
  const requestHash = crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');
  let row = await db.caseRequestKey.findUnique({ where: { scope } });
  const replayed = row !== null;
  if (!row) {
    const caseNo = await nextCaseNo(db, yearOf(shanghaiDate(acceptedAt)));
    // Concurrent first requests race here; the first insert wins and all read it back.
    await db.caseRequestKey.createMany({ data: [{ scope, requestHash, caseNo }], skipDuplicates: true });
    row = await db.caseRequestKey.findUniqueOrThrow({ where: { scope } });
  }
  if (row.requestHash !== requestHash) {
    throw new Problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another request', `It created case ${row.caseNo} from a different body; use a new key for a new case`);
  }
  return { caseNo: row.caseNo, replayed };
}

async function caseView(db: Database, caseNo: string, liveState: LiveCaseState | undefined, uiLink: (id: string) => string) {
  const c = await db.loanCase.findUnique({
    where: { caseNo },
    include: { firm: true, street: true, bank: true, tasks: true, events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
  });
  if (!c) throw caseNotFound(caseNo);
  const amountFen = Number(c.amountFen);
  // The workflow is the source of truth; the record is its projection.
  const common = {
    id: c.caseNo,
    workflowId: c.workflowId,
    product: c.product,
    firm: { name: c.firm.name, creditCode: c.firm.creditCode },
    street: { code: c.street.code, nameZh: c.street.nameZh, nameEn: c.street.nameEn },
    bank: { code: c.bank.code, nameZh: c.bank.nameZh, nameEn: c.bank.nameEn },
    amount: formatFen(amountFen),
    amountFen,
    purpose: c.purpose,
    stage: liveState?.stage ?? c.stage,
    slaState: liveState?.slaState ?? c.slaState,
    acceptedAt: c.acceptedAt.toISOString(),
    dueAt: liveState?.dueAt ?? c.dueAt?.toISOString() ?? null,
  };
  const tail = {
    temporalUi: uiLink(c.workflowId),
    events: c.events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })),
  };
  if (c.product === 'SCI_TECH') {
    const live = liveState as SciTechCaseState | undefined;
    return { ...common, live: live !== undefined, ...sciTechCaseFacts(live, c.events), ...tail };
  }
  const live = liveState as CaseState | undefined;
  return {
    ...common,
    dueProvisional: live?.dueProvisional ?? null,
    dueExplanation: live?.dueExplanation ?? [],
    live: live !== undefined,
    // In the workflow's order, as a live view lists them.
    tasks: live?.tasks ?? [...c.tasks].sort((a, b) => taskOrder(a.kind) - taskOrder(b.kind)).map((t) => ({
      kind: t.kind,
      assignee: t.assignee,
      status: t.status,
      slaState: t.slaState,
      dueAt: t.dueAt.toISOString(),
      evidence: t.evidence,
      completedAt: t.completedAt?.toISOString(),
      completedBy: t.completedBy ?? undefined,
    })),
    ...fastTrackCaseFacts(live, c.events),
    ...tail,
  };
}

const taskOrder = (kind: string) => TASK_KINDS.indexOf(kind as (typeof TASK_KINDS)[number]);
