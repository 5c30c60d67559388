// A fast-track branch is done only once the outside system behind it confirms the evidence:
// 信易贷 knows the application, the bank's VIP channel took the case, the assessor's report is
// filed. The person completing the branch waits on this inside their update.
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';
import { OUTSIDE_INTERACTIVE, RECORD } from './activityOptions';
import type { CompleteTaskRequest, FastTrackCaseInput } from './fastTrackCaseMessages';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

/** The outside system's receipt, kept with the branch's evidence. */
export async function confirmWithOutsideSystem(input: FastTrackCaseInput, req: CompleteTaskRequest): Promise<Record<string, unknown>> {
  switch (req.kind) {
    case 'GRID_SUBMISSION':
      return act.confirmGridSubmission.executeWithOptions({ ...OUTSIDE_INTERACTIVE, summary: `信易贷确认申请 Confirm 信易贷 application ${req.evidence.applicationNo}` }, [
        { caseNo: input.caseNo, applicationNo: req.evidence.applicationNo, creditCode: input.firm.creditCode },
      ]);
    case 'BANK_VIP_CHANNEL':
      return act.dockVipChannel.executeWithOptions({ ...OUTSIDE_INTERACTIVE, summary: `银行VIP通道对接 Dock into ${input.bankCode} VIP channel` }, [
        { caseNo: input.caseNo, bankCode: input.bankCode, amountFen: input.amountFen, assessmentOutcome: req.evidence.assessmentOutcome },
      ]);
    case 'DUE_DILIGENCE':
      return act.fileDueDiligenceReport.executeWithOptions({ ...OUTSIDE_INTERACTIVE, summary: `提交尽调报告 File due-diligence report ${req.evidence.reportNo}` }, [
        { caseNo: input.caseNo, ...req.evidence },
      ]);
  }
}
