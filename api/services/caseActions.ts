// People act on a case through its workflow's updates. The workflow's validators own the rules
// (who may complete a task, in which state); a refusal is 409 with the workflow's reason and
// changes nothing (workflowCalls.ts runs every update).
import type { Role, StaffProfile } from '../../domain/people';
import type { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { Database } from '../../infra/database';
import {
  answerMaterialsUpdate,
  completeTaskUpdate,
  decideUpdate,
  pauseSlaUpdate,
  reassignTaskUpdate,
  resumeSlaUpdate,
  withdrawUpdate,
  type CompleteTaskRequest,
  type DecideRequest,
} from '../../workflows/fastTrackCase';
import { sciTechDecideUpdate, sciTechWithdrawUpdate } from '../../workflows/sciTechCase';
import { cancelContractUpdate, confirmContractUpdate, resolveDisbursementUpdate } from '../../workflows/contractMessages';
import { Problem, validationProblem } from '../problem';
import { TASK_SLUGS, type DecisionBody, type DisbursementResolutionBody, type EVIDENCE, type FirmContractConfirmationBody, type FirmMaterialsBody, type ReassignBody, type SciTechDecisionBody, type TaskSlug } from '../schemas';
import type { Caller } from './caller';
import { updateCountedOnRecord } from './caseFreshness';
import { visibleCase } from './caseScope';
import type { CaseView, LiveCaseState } from './caseView';
import { sciTechDecideRequest } from './sciTechCases';
import { runUpdate } from './workflowCalls';

export type TaskKind = (typeof TASK_SLUGS)[TaskSlug];

/** The task a URL's slug names (grid-submission → GRID_SUBMISSION), or 404. */
export function taskKind(slug: string): TaskKind {
  const kind = TASK_SLUGS[slug as TaskSlug];
  if (!kind) throw new Problem(404, 'not-found', 'No such task', `Tasks are ${Object.keys(TASK_SLUGS).join(', ')}`);
  return kind;
}

export function caseActions({ db, client }: { db: Database; client: Client }, view: (caseNo: string, state: LiveCaseState) => Promise<CaseView>) {
  /** Runs an update on the case's workflow, counted on its record meanwhile, and answers the case after it. */
  async function act<S extends LiveCaseState, Arg>(caller: Caller, caseNo: string, def: UpdateDefinition<S, [Arg]>, arg: Arg): Promise<CaseView> {
    const target = { noun: 'case' as const, id: caseNo, workflowId: `case-${caseNo}`, subject: { zh: `案件 ${caseNo} `, en: `Case ${caseNo}` } };
    return view(caseNo, await updateCountedOnRecord(db, caller.log, caseNo, () => runUpdate(db, client, target, def, arg, caller)));
  }
  const actor = (caller: Caller) => caller.principal.sub;
  // The workflow's validators judge duties from these (domain/duties.ts); the API only passes them on.
  const profileOf = ({ principal }: Caller): StaffProfile => ({ role: principal.role, street: principal.street, bank: principal.bank });

  return {
    /**
     * The case `caseNo` names if the caller sees it and it is fast-track: task and clock actions
     * exist only there, so on another product they are a 409 that names the reason, before the
     * body is even read.
     */
    async fastTrackCase(caller: Caller, caseNo: string, zhAction: string, action: string): Promise<string> {
      const c = await visibleCase(db, caller.principal, caseNo);
      if (c.product !== 'FAST_TRACK') {
        throw new Problem(
          409,
          'not-for-product',
          'The action does not exist for this product',
          `${c.caseNo} 是善科贷案件，没有并行审查任务与分项计时，不能${zhAction}；可用的操作为授信决定与撤回。 ${c.caseNo} is a ${c.product} case: it has no review tasks or task clocks, so ${action} is for fast-track cases only; decision and withdrawal apply.`,
        );
      }
      return c.caseNo;
    },

    complete: (caller: Caller, caseNo: string, kind: TaskKind, evidence: z.output<(typeof EVIDENCE)[TaskKind]>) =>
      act(caller, caseNo, completeTaskUpdate, { kind, actor: actor(caller), actorProfile: profileOf(caller), evidence } as CompleteTaskRequest),

    async reassign(caller: Caller, caseNo: string, kind: TaskKind, body: z.output<typeof ReassignBody>) {
      const staff = await db.staffMember.findFirst({ where: { id: body.assignee, active: true } });
      if (!staff) throw validationProblem([{ field: 'assignee', message: `no active staff member '${body.assignee}'` }]);
      const assigneeProfile: StaffProfile = { role: staff.role as Role, street: staff.streetCode ?? undefined, bank: staff.bankCode ?? undefined };
      return act(caller, caseNo, reassignTaskUpdate, { kind, assignee: staff.id, assigneeProfile, actor: actor(caller), reason: body.reason });
    },

    pause: (caller: Caller, caseNo: string, kind: TaskKind, reason: string) => act(caller, caseNo, pauseSlaUpdate, { kind, reason, actor: actor(caller) }),

    resume: (caller: Caller, caseNo: string, note: string | undefined) => act(caller, caseNo, resumeSlaUpdate, { actor: actor(caller), note }),

    /** The firm's answer to the materials its paused case waits for; the workflow holds it to the case's firm. */
    answerMaterials: (caller: Caller, caseNo: string, body: z.output<typeof FirmMaterialsBody>) =>
      act(caller, caseNo, answerMaterialsUpdate, { actor: actor(caller), actorCreditCode: caller.principal.creditCode ?? '', ...body }),

    /** The firm confirms the approved terms it was shown (either product); the workflow holds it to the case's firm, the wait and the terms. */
    confirmContract: (caller: Caller, caseNo: string, body: z.output<typeof FirmContractConfirmationBody>) =>
      act(caller, caseNo, confirmContractUpdate, { actor: actor(caller), actorCreditCode: caller.principal.creditCode ?? '', amountFen: body.amount, rateBp: body.rateBp, termMonths: body.termMonths }),

    /** A fast-track case's credit decision. */
    decide(caller: Caller, caseNo: string, body: z.output<typeof DecisionBody>) {
      const by = actor(caller);
      const decision: DecideRequest =
        body.outcome === 'APPROVED'
          ? { outcome: 'APPROVED', actor: by, actorProfile: profileOf(caller), amountFen: body.amount, rateBp: body.rateBp, termMonths: body.termMonths }
          : { outcome: 'REJECTED', actor: by, actorProfile: profileOf(caller), reasons: body.reasons };
      return act(caller, caseNo, decideUpdate, decision);
    },

    /** A sci-tech case's decision in MANUAL_REVIEW, within its manual terms. */
    decideSciTech: (caller: Caller, caseNo: string, body: z.output<typeof SciTechDecisionBody>) =>
      act(caller, caseNo, sciTechDecideUpdate, sciTechDecideRequest(body, actor(caller), profileOf(caller))),

    /** The bank cancels the signed contract before paying (either product): then the case may be withdrawn. */
    cancelContract: (caller: Caller, caseNo: string, reason: string) => act(caller, caseNo, cancelContractUpdate, { reason, actor: actor(caller), actorProfile: profileOf(caller) }),

    /** The credit approver's answer to a payment the bank reports at another amount (either product). */
    resolveDisbursement: (caller: Caller, caseNo: string, body: z.output<typeof DisbursementResolutionBody>) =>
      act(caller, caseNo, resolveDisbursementUpdate, { ...body, actor: actor(caller), actorProfile: profileOf(caller) }),

    withdraw: (caller: Caller, caseNo: string, product: string, reason: string) =>
      act<LiveCaseState, { reason: string; actor: string }>(caller, caseNo, product === 'SCI_TECH' ? sciTechWithdrawUpdate : withdrawUpdate, { reason, actor: actor(caller) }),
  };
}
