import { sandboxGate, type SandboxBehaviour } from './sandbox';

/** The national 信易贷 credit platform, as far as Greenlane uses it. */
export interface XinyidaiAdapter {
  /** Confirms an application exists on the platform and links it to the case; idempotent per case. */
  confirmApplication(req: { caseNo: string; applicationNo: string; creditCode: string }): Promise<{ applicationNo: string; status: 'RECEIVED'; confirmedAt: string }>;
}

/** Accepts any well-formed number; `unknownApplications` simulates numbers the platform does not know. */
export class SandboxXinyidai implements XinyidaiAdapter {
  private readonly gate;
  constructor(private readonly opts: SandboxBehaviour & { unknownApplications?: string[] } = {}) {
    this.gate = sandboxGate('信易贷 xinyidai', opts);
  }

  async confirmApplication({ applicationNo }: { caseNo: string; applicationNo: string; creditCode: string }) {
    await this.gate('confirmApplication');
    if (this.opts.unknownApplications?.includes(applicationNo)) {
      throw new UnknownApplicationError(`信易贷平台无此申请 application ${applicationNo} not found on 信易贷`);
    }
    return { applicationNo, status: 'RECEIVED' as const, confirmedAt: new Date().toISOString() };
  }
}

/** A permanent answer: retrying will not make the application appear. */
export class UnknownApplicationError extends Error {
  override name = 'UnknownApplicationError';
}
