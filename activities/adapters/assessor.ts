import { sandboxGate, type SandboxBehaviour } from './sandbox';

/** The third-party assessment firm's report registry. */
export interface AssessorAdapter {
  /** Files a due-diligence report for a case; idempotent per (case, report number). */
  fileReport(req: { caseNo: string; reportNo: string; riskRating: string; summary: string }): Promise<{ reportRef: string; filedAt: string }>;
}

export class SandboxAssessor implements AssessorAdapter {
  private readonly gate;
  constructor(opts: SandboxBehaviour = {}) {
    this.gate = sandboxGate('评估机构 assessor', opts);
  }

  async fileReport({ caseNo, reportNo }: { caseNo: string; reportNo: string; riskRating: string; summary: string }) {
    await this.gate('fileReport');
    return { reportRef: `${caseNo}/${reportNo}`, filedAt: new Date().toISOString() };
  }
}
