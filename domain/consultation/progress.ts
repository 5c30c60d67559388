// A batch's progress, as managers read it: how many consultations are in each stage, which
// plans were accepted (with the case each opened) and which breached the five working days.
// The batch workflow's query and the API's fallback from the projection both use it.

import { CLOSED_STAGES, CONSULTATION_STAGES, type ConsultationStage } from '../stages';

export interface MemberProgress {
  consultationId: string;
  firmName: string;
  creditCode: string;
  stage: ConsultationStage;
  slaState: string;
  linkedCaseNo?: string;
  linkedProduct?: string;
}

export interface BatchProgress {
  batchId: string;
  bankCode: string;
  total: number;
  /** Every stage, zero included, so a manager's table has fixed columns. */
  byStage: Record<ConsultationStage, number>;
  open: number;
  accepted: { consultationId: string; firmName: string; caseNo: string; product: string }[];
  breached: { consultationId: string; firmName: string; stage: ConsultationStage }[];
}

export function summariseBatch(batchId: string, bankCode: string, members: readonly MemberProgress[]): BatchProgress {
  const byStage = Object.fromEntries(CONSULTATION_STAGES.map((s) => [s, 0])) as Record<ConsultationStage, number>;
  for (const m of members) byStage[m.stage]++;
  return {
    batchId,
    bankCode,
    total: members.length,
    byStage,
    open: members.filter((m) => !CLOSED_STAGES.includes(m.stage)).length,
    accepted: members
      .filter((m) => m.stage === 'ACCEPTED' && m.linkedCaseNo)
      .map((m) => ({ consultationId: m.consultationId, firmName: m.firmName, caseNo: m.linkedCaseNo!, product: m.linkedProduct ?? 'FAST_TRACK' })),
    breached: members.filter((m) => m.slaState === 'BREACHED').map((m) => ({ consultationId: m.consultationId, firmName: m.firmName, stage: m.stage })),
  };
}
