// Leads (线索): a financing need a visit or a matching event found (later the screening track)
// becomes a lead workflow with an owner and a first-contact clock; its owner, the street office
// and the task force record contact, convert it into a case (or a refused firm's joint
// consultation) or close it. Everyone reads within their survey reach (surveyScope.ts); a lead
// outside it is a 404. The workflow's validators own who may act: a refusal is 409.
import crypto from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import { checkCreditCode } from '../../domain/creditCode';
import { LEAD_CLOSE_REASONS, type LeadConversion, type LeadCloseReason, type LeadStage } from '../../domain/lead/policy';
import type { Principal } from '../../domain/people';
import type { SlaStateValue } from '../../domain/slaState';
import type { FinancingNeed } from '../../domain/surveyNetwork';
import type { Database } from '../../infra/database';
import { firstActiveStaff } from '../../infra/staffDirectory';
import type { Prisma } from '../../prisma/generated/client';
import {
  closeLeadUpdate,
  convertLeadUpdate,
  leadOpenedUpdate,
  leadWorkflow,
  leadWorkflowId,
  reassignLeadUpdate,
  recordContactUpdate,
  type LeadActor,
  type LeadSource,
  type LeadState,
} from '../../workflows/lead';
import { CaseStage, Product, SlaState, Street } from '../../workflows/searchAttributes';
import { Problem, validationProblem } from '../problem';
import { LeadIdParam, type LeadCloseBody, type LeadContactBody, type LeadConvertBody, type LeadReassignBody, type LeadsQuery } from '../schemas';
import type { Caller } from './caller';
import type { CasesDeps } from './cases';
import { bankRefusal } from './reference';
import { leadsWhere, surveyReach } from './surveyScope';
import { needView } from './surveyNetwork';
import { REPEAT_IS_SAFE, boundedWrite, runUpdate, temporalUiLink } from './workflowCalls';

/** What opening a lead takes, whoever found the need: a visit or a matching event now, the screening later. */
export interface LeadOpening {
  source: LeadSource;
  firm: { name: string; creditCode: string };
  need: FinancingNeed;
  streetCode: string;
  communityCode?: string;
  teamCode?: string;
  openedBy: string;
  /** Defaults to now. */
  openedAt?: Date;
}

/** A lead's id derives from its source, so opening the same need again meets the same lead. */
export function leadIdOf(source: LeadSource): string {
  return `LD-${crypto.createHash('sha256').update(`${source.kind}:${source.id}`).digest('hex').slice(0, 16).toUpperCase()}`;
}

/** Who makes first contact: the team's street-office seat, else the street's first case officer, else the street office's placeholder. */
async function defaultOwner(db: Database, streetCode: string, teamCode: string | undefined): Promise<string> {
  const seat = teamCode ? await db.visitTeamMember.findUnique({ where: { teamCode_seat: { teamCode, seat: 'STREET' } }, select: { staffId: true } }) : null;
  return seat?.staffId ?? (await firstActiveStaff(db, { role: 'case_officer', streetCode })) ?? `case-officer@${streetCode}`;
}

/**
 * Opens the lead of a need and answers once its record is written; idempotent (the id derives
 * from the source and the workflow's id from the lead's). Visits and matching events call it;
 * the screening track will.
 */
export async function openLead({ db, client, taskQueue }: Pick<CasesDeps, 'db' | 'client' | 'taskQueue'>, o: LeadOpening): Promise<string> {
  const leadId = leadIdOf(o.source);
  const owner = await defaultOwner(db, o.streetCode, o.teamCode);
  const check = checkCreditCode(o.firm.creditCode);
  // A pilot code the team confirmed when it added the firm goes on to the lead's case, which audits it.
  const creditCodeWarnings = check.ok ? check.warnings : [];
  const subject = { zh: `线索 ${leadId} 已发起，但其工作流`, en: `Lead ${leadId} is started, but its workflow` };
  await boundedWrite(client, subject, REPEAT_IS_SAFE, () =>
    client.workflow.executeUpdateWithStart(leadOpenedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(leadWorkflow, {
        workflowId: leadWorkflowId(leadId),
        taskQueue,
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [
          {
            leadId,
            source: o.source,
            firm: { ...o.firm, ...(creditCodeWarnings.length ? { creditCodeWarnings } : {}) },
            need: o.need,
            streetCode: o.streetCode,
            ...(o.communityCode ? { communityCode: o.communityCode } : {}),
            ...(o.teamCode ? { teamCode: o.teamCode } : {}),
            owner,
            openedAt: (o.openedAt ?? new Date()).toISOString(),
            openedBy: o.openedBy,
          },
        ],
        staticSummary: `${leadId} · 线索 lead · ${o.firm.name}`,
        staticDetails: `${o.source.kind} ${o.source.id}`,
        typedSearchAttributes: [
          { key: CaseStage, value: 'OPEN' },
          { key: SlaState, value: 'ON_TRACK' },
          { key: Street, value: o.streetCode },
          { key: Product, value: 'LEAD' },
        ],
      }),
    }),
  );
  return leadId;
}

const notFound = (id: string) => new Problem(404, 'not-found', 'Lead not found', `No lead ${id}`);

const actorOf = (p: Principal): LeadActor => ({ id: p.sub, role: p.role, ...(p.street ? { street: p.street } : {}) });

type LeadRow = Prisma.LeadGetPayload<object>;

function summaryOf(r: LeadRow) {
  const closeReason = r.closeReason as LeadCloseReason | null;
  return {
    id: r.leadId,
    workflowId: r.workflowId,
    source: { kind: r.sourceKind as LeadSource['kind'], id: r.sourceId },
    firm: { name: r.firmName, creditCode: r.creditCode },
    street: r.streetCode,
    community: r.communityCode,
    team: r.teamCode,
    need: needView(r.need as unknown as FinancingNeed),
    owner: r.owner,
    stage: r.stage as LeadStage,
    slaState: r.slaState as SlaStateValue,
    openedAt: r.openedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    contactedAt: r.contactedAt?.toISOString() ?? null,
    conversion: r.convertedTo ? { kind: r.convertedTo as LeadConversion, caseNo: r.linkedCaseNo, consultationId: r.linkedConsultationId } : null,
    closure: closeReason ? { reason: closeReason, label: LEAD_CLOSE_REASONS[closeReason] } : null,
  };
}

export function leadService(deps: CasesDeps) {
  const { db, client, temporalUiUrl, namespace } = deps;
  const uiLink = temporalUiLink(temporalUiUrl, namespace);

  /** The lead from its record: every update answers once its projection is written, so the record is current. */
  async function view(id: string) {
    const r = await db.lead.findUniqueOrThrow({ where: { leadId: id }, include: { events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } } });
    return {
      ...summaryOf(r),
      timeline: r.events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })),
      temporalUi: uiLink(r.workflowId),
    };
  }

  async function act<Arg>(caller: Caller, id: string, def: UpdateDefinition<LeadState, [Arg]>, arg: Arg) {
    const target = { noun: 'lead' as const, id, workflowId: leadWorkflowId(id), subject: { zh: `线索 ${id} `, en: `Lead ${id}` } };
    await runUpdate(db, client, target, def, arg, caller);
    return view(id);
  }

  return {
    /** The lead `id` names if it is within the caller's reach; otherwise it does not exist (404). */
    async visibleId(principal: Principal, id: string): Promise<string> {
      if (!LeadIdParam.safeParse(id).success) throw notFound(id);
      const row = await db.lead.findFirst({ where: { AND: [{ leadId: id }, leadsWhere(await surveyReach(db, principal))] }, select: { leadId: true } });
      if (!row) throw notFound(id);
      return id;
    },

    view,

    /** Leads within the caller's reach, newest first. */
    async list(principal: Principal, q: z.output<typeof LeadsQuery>) {
      const rows = await db.lead.findMany({
        where: { AND: [leadsWhere(await surveyReach(db, principal)), { streetCode: q.street, communityCode: q.community, teamCode: q.team, stage: q.stage }] },
        orderBy: [{ openedAt: 'desc' }, { leadId: 'asc' }],
        take: q.limit,
      });
      return { items: rows.map(summaryOf) };
    },

    recordContact: (caller: Caller, id: string, { note }: z.output<typeof LeadContactBody>) => act(caller, id, recordContactUpdate, { actor: actorOf(caller.principal), ...(note ? { note } : {}) }),

    async convert(caller: Caller, id: string, body: z.output<typeof LeadConvertBody>) {
      if (body.bank) {
        const refused = bankRefusal(await db.bank.findUnique({ where: { code: body.bank } }), body.bank);
        if (refused) throw validationProblem([{ field: 'bank', message: refused }]);
      }
      const a = body.application;
      return act(caller, id, convertLeadUpdate, {
        actor: actorOf(caller.principal),
        product: body.product,
        ...(body.bank ? { bankCode: body.bank } : {}),
        ...(body.amount !== undefined ? { amountFen: body.amount } : {}),
        ...(body.purpose ? { purpose: body.purpose } : {}),
        ...(a ? { sciTech: { patents: a.patents, rdSpendFen: a.rdSpend, revenueFen: a.revenue, yearsInOperation: a.yearsInOperation, existingDebtFen: a.existingDebt } } : {}),
      });
    },

    close: (caller: Caller, id: string, { reason, note }: z.output<typeof LeadCloseBody>) => act(caller, id, closeLeadUpdate, { actor: actorOf(caller.principal), reason, ...(note ? { note } : {}) }),

    reassign: (caller: Caller, id: string, { owner, reason }: z.output<typeof LeadReassignBody>) => act(caller, id, reassignLeadUpdate, { actor: actorOf(caller.principal), owner, reason }),
  };
}
