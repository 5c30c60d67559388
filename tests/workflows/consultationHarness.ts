// Set-up shared by the joint consultation tests: inputs, the people who act, and starting a
// consultation the way the API does.
import type { WorkflowHandle } from '@temporalio/client';
import type { SciTechApplication } from '../../workflows/sciTechCaseMessages';
import {
  consultationOpenedUpdate,
  consultationWorkflowId,
  jointConsultationWorkflow,
  type ConsultationActor,
  type JointConsultationInput,
} from '../../workflows/jointConsultation';
import { validSimingCode } from '../support/creditCodes';
import type { CaseServer } from '../support/caseScenarios';
import type { Harness } from './caseHarness';

export const taskForce: ConsultationActor = { id: 'task-force', role: 'task_force' };
export const xibManager: ConsultationActor = { id: 'xib-manager', role: 'customer_manager', bank: 'xib' };
export const xibApprover: ConsultationActor = { id: 'xib-approver', role: 'credit_approver', bank: 'xib' };
export const ccbManager: ConsultationActor = { id: 'ccb-manager', role: 'customer_manager', bank: 'ccb' };
export const ccbApprover: ConsultationActor = { id: 'ccb-approver', role: 'credit_approver', bank: 'ccb' };

/** A distinct, valid Siming credit code per firm and run. */
export function firmCode(n: number, run = String(Date.now() % 10_000).padStart(4, '0')): string {
  return validSimingCode(`${run}${String(n).padStart(4, '0')}`.slice(-8));
}

/** Two invention patents, enough revenue: the scoring model approves it by itself. */
export function sciTechApplication(requestedFen: number): SciTechApplication {
  return {
    patents: [
      { patentNo: 'ZL202010000101.1', type: 'INVENTION', remainingYears: 12 },
      { patentNo: 'ZL202010000102.1', type: 'INVENTION', remainingYears: 12 },
      { patentNo: 'ZL202120000103.2', type: 'UTILITY_MODEL', remainingYears: 6 },
    ],
    rdSpendFen: 240_000_000,
    revenueFen: [600_000_000, 850_000_000, 1_200_000_000],
    yearsInOperation: 6,
    existingDebtFen: 100_000_000,
    requestedFen,
  };
}

export function consultationInput(openedAt: Date, overrides: Partial<JointConsultationInput> = {}): JointConsultationInput {
  const creditCode = firmCode(1);
  return {
    consultationId: `JC-T${Date.now().toString(36).toUpperCase()}`,
    firm: { name: '厦门鹭江五金制品有限公司', creditCode, streetCode: 'lujiang' },
    refused: { product: 'FAST_TRACK', bankCode: 'xib', amountFen: 300_000_000, purpose: '流动资金 working capital' },
    reasons: [{ code: 'INSUFFICIENT_COLLATERAL' }, { code: 'REVENUE_BELOW_THRESHOLD', note: '2025年营收 800万 revenue 8m' }],
    openedAt: openedAt.toISOString(),
    openedBy: 'task-force',
    ...overrides,
  };
}

/** Starts a consultation as the API does and waits for its record. */
export async function startConsultation(h: CaseServer, input: JointConsultationInput): Promise<WorkflowHandle<typeof jointConsultationWorkflow>> {
  const handle = await h.env.client.workflow.start(jointConsultationWorkflow, {
    workflowId: consultationWorkflowId(input.consultationId),
    taskQueue: h.taskQueue,
    args: [input],
  });
  await handle.executeUpdate(consultationOpenedUpdate);
  return handle;
}

export async function consultationEvents(h: Harness, consultationId: string) {
  return h.db.consultationEvent.findMany({ where: { consultationId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}
