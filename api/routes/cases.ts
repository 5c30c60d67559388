import { Router } from 'express';
import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { shanghaiDate, yearOf } from '../../domain/calendar/timeZone';
import { formatFen, formatWan } from '../../domain/money';
import type { Database } from '../../infra/database';
import { acceptanceUpdate, fastTrackCaseWorkflow, getStateQuery, type CaseState, type FastTrackCaseInput } from '../../workflows/fastTrackCase';
import { AmountFen, Bank, CaseStage, Product, SlaState, Street } from '../../workflows/searchAttributes';
import { principalOf, requireRole } from '../auth/middleware';
import { canSeeCase } from '../auth/principal';
import { Problem, parseOr422, validationProblem, type FieldError } from '../problem';
import { CaseNoParam, CreateCaseBody } from '../schemas';

export interface CasesDeps {
  db: Database;
  client: Client;
  taskQueue: string;
  temporalUiUrl: string;
  namespace: string;
}

export function casesRouter({ db, client, taskQueue, temporalUiUrl, namespace }: CasesDeps): Router {
  const router = Router();
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

    const acceptedAt = new Date();
    const caseNo = await nextCaseNo(db, yearOf(shanghaiDate(acceptedAt)));
    const input: FastTrackCaseInput = {
      caseNo,
      firm: { name: body.firmName, creditCode: body.creditCode.code, creditCodeWarnings: body.creditCode.warnings },
      streetCode: body.street,
      bankCode: body.bank,
      amountFen: body.amount,
      purpose: body.purpose,
      acceptedAt: acceptedAt.toISOString(),
      acceptedBy: principal.sub,
    };
    const workflowId = `case-${caseNo}`;
    // The workflow writes the record itself, so no record exists without its workflow;
    // the update returns once that record is written.
    const state = await client.workflow.executeUpdateWithStart(acceptanceUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(fastTrackCaseWorkflow, {
        workflowId,
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        staticSummary: `${body.firmName} · ${formatWan(body.amount)} · ${street!.nameZh}`,
        staticDetails: `快速通道 Fast-track · ${bank!.nameZh} · ${body.purpose}`,
        typedSearchAttributes: [
          { key: CaseStage, value: 'ACCEPTED' },
          { key: SlaState, value: 'ON_TRACK' },
          { key: Street, value: body.street },
          { key: Bank, value: body.bank },
          { key: Product, value: 'FAST_TRACK' },
          { key: AmountFen, value: body.amount },
        ],
      }),
    });
    res.status(201).location(`/api/v1/cases/${caseNo}`).json(await caseView(db, caseNo, state, uiLink));
  });

  router.get('/:caseNo', async (req, res) => {
    const caseNo = req.params.caseNo;
    if (!CaseNoParam.safeParse(caseNo).success) throw caseNotFound(caseNo);
    const scope = await db.loanCase.findUnique({ where: { caseNo }, select: { streetCode: true, bankCode: true } });
    if (!scope || !canSeeCase(principalOf(req), scope)) throw caseNotFound(caseNo);
    let live: CaseState | undefined;
    try {
      live = await client.workflow.getHandle(`case-${caseNo}`).query(getStateQuery);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    res.json(await caseView(db, caseNo, live, uiLink));
  });

  return router;
}

function caseNotFound(caseNo: string): Problem {
  return new Problem(404, 'not-found', 'Case not found', `No case ${caseNo}`);
}

async function nextCaseNo(db: Database, year: number): Promise<string> {
  const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`SELECT nextval('case_no_seq') AS n`;
  return `GL-${year}-${String(n).padStart(6, '0')}`;
}

async function caseView(db: Database, caseNo: string, live: CaseState | undefined, uiLink: (id: string) => string) {
  const c = await db.loanCase.findUnique({
    where: { caseNo },
    include: { firm: true, street: true, bank: true, events: { orderBy: { at: 'asc' } } },
  });
  if (!c) throw caseNotFound(caseNo);
  const amountFen = Number(c.amountFen);
  return {
    id: c.caseNo,
    workflowId: c.workflowId,
    product: c.product,
    firm: { name: c.firm.name, creditCode: c.firm.creditCode },
    street: { code: c.street.code, nameZh: c.street.nameZh, nameEn: c.street.nameEn },
    bank: { code: c.bank.code, nameZh: c.bank.nameZh, nameEn: c.bank.nameEn },
    amount: formatFen(amountFen),
    amountFen,
    purpose: c.purpose,
    // The workflow is the source of truth; the record is its projection.
    stage: live?.stage ?? c.stage,
    slaState: live?.slaState ?? c.slaState,
    acceptedAt: c.acceptedAt.toISOString(),
    dueAt: live?.dueAt ?? c.dueAt?.toISOString() ?? null,
    dueProvisional: live?.dueProvisional ?? null,
    dueExplanation: live?.dueExplanation ?? [],
    live: live !== undefined,
    temporalUi: uiLink(c.workflowId),
    events: c.events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })),
  };
}
