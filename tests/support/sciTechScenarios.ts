// The sci-tech (善科贷) cases the workflow tests drive, on real or stub activities: three firms
// whose scores land in each band, and starting a case the way the API does. No database.
import type { WorkflowHandle } from '@temporalio/client';
import { sciTechAcceptanceUpdate, sciTechCaseWorkflow, type SciTechApplication, type SciTechCaseInput } from '../../workflows/sciTechCase';
import type { CaseServer } from './caseScenarios';

/** DOMAIN.md's 莲前 biotech firm asking for a 1.2 million CNY credit loan (see tests/unit/sciTechScoring.test.ts). */
export const biotech: SciTechApplication = {
  patents: [
    { patentNo: 'ZL202010000001.1', type: 'INVENTION', remainingYears: 12 },
    { patentNo: 'ZL202010000002.1', type: 'INVENTION', remainingYears: 12 },
    { patentNo: 'ZL202010000003.1', type: 'INVENTION', remainingYears: 12 },
    { patentNo: 'ZL202120000001.2', type: 'UTILITY_MODEL', remainingYears: 6 },
    { patentNo: 'ZL202120000002.2', type: 'UTILITY_MODEL', remainingYears: 6 },
  ],
  rdSpendFen: 240_000_000,
  revenueFen: [600_000_000, 850_000_000, 1_200_000_000],
  yearsInOperation: 6,
  existingDebtFen: 100_000_000,
  requestedFen: 120_000_000,
};

/**
 * A biotech with weak revenue (150万) and two invention patents (150万 each in the sandbox): the
 * patents pledge 150万, enough for the 120万 asked; it scores 80, but the request is more than
 * 30 % of its revenue, so the bank's approver decides.
 */
export const weakRevenueBiotech: SciTechApplication = {
  patents: [
    { patentNo: 'ZL202210000031.1', type: 'INVENTION', remainingYears: 15 },
    { patentNo: 'ZL202210000032.1', type: 'INVENTION', remainingYears: 15 },
  ],
  rdSpendFen: 60_000_000,
  revenueFen: [80_000_000, 120_000_000, 150_000_000],
  yearsInOperation: 3,
  existingDebtFen: 0,
  requestedFen: 120_000_000,
};

/** Scores 64: inside 60 ± 5, so a bank approver decides. */
export const borderline: SciTechApplication = {
  patents: [
    { patentNo: 'ZL202110000011.1', type: 'INVENTION', remainingYears: 10 },
    { patentNo: 'ZL202120000012.2', type: 'UTILITY_MODEL', remainingYears: 10 },
    { patentNo: 'ZL202120000013.2', type: 'UTILITY_MODEL', remainingYears: 10 },
  ],
  rdSpendFen: 60_000_000,
  revenueFen: [900_000_000, 950_000_000, 1_000_000_000],
  yearsInOperation: 4,
  existingDebtFen: 200_000_000,
  requestedFen: 50_000_000,
};

/** Scores 18: one design patent, shrinking revenue, two years old. */
export const weak: SciTechApplication = {
  patents: [{ patentNo: 'ZL202230000021.3', type: 'DESIGN', remainingYears: 10 }],
  rdSpendFen: 20_000_000,
  revenueFen: [600_000_000, 550_000_000, 500_000_000],
  yearsInOperation: 2,
  existingDebtFen: 200_000_000,
  requestedFen: 100_000_000,
};

let seq = 0;
export function sciTechInput(acceptedAt: Date, application: SciTechApplication): SciTechCaseInput {
  const caseNo = `GL-S${Date.now().toString(36).toUpperCase()}-${String(++seq).padStart(3, '0')}`;
  return {
    caseNo,
    firm: { name: '厦门莲前生物科技有限公司', creditCode: '91350203MA8UBT7X3K', creditCodeWarnings: [] },
    streetCode: 'lianqian',
    bankCode: 'ccb',
    purpose: '研发与临床试验 R&D and clinical trials',
    acceptedAt: acceptedAt.toISOString(),
    acceptedBy: 'loan-officer@ccb-lianqian',
    application,
  };
}

/** The API's way in: workflow id case-<caseNo>, answered once the record is written. */
export async function startSciTech(h: CaseServer, input: SciTechCaseInput): Promise<WorkflowHandle<typeof sciTechCaseWorkflow>> {
  const handle = await h.env.client.workflow.start(sciTechCaseWorkflow, { workflowId: `case-${input.caseNo}`, taskQueue: h.taskQueue, args: [input] });
  await handle.executeUpdate(sciTechAcceptanceUpdate);
  return handle;
}
