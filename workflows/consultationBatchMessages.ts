// A batch of joint consultations: the firms one bank refused at once (the source's example
// is 55), each its own consultation workflow, and the progress managers read.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { BatchProgress, MemberProgress } from '../domain/consultation/progress';
import type { ReasonEntry } from '../domain/consultation/reasons';
import type { CreditCodeWarning } from '../domain/creditCode';
import type { LinkedProduct } from '../domain/consultation/plan';

export type { BatchProgress, MemberProgress };

export interface BatchFirm {
  name: string;
  creditCode: string;
  /** Check characters that fail, confirmed for this firm by the officer who opened the batch (early pilot codes). */
  creditCodeWarnings?: CreditCodeWarning[];
  streetCode: string;
  /** What the bank refused this firm. */
  amountFen: number;
  purpose: string;
  product?: LinkedProduct;
  reasons?: ReasonEntry[];
}

export interface ConsultationBatchInput {
  batchId: string;
  bankCode: string;
  firms: BatchFirm[];
  openedAt: string;
  openedBy: string;
  /** Passed to every consultation (tests shorten it). */
  atRiskLeadMs?: number;
}

export interface ConsultationBatchResult extends BatchProgress {
  members: MemberProgress[];
}

export const batchProgressQuery = defineQuery<ConsultationBatchResult>('getBatchProgress');
/** Completes once the batch's record is written; used with update-with-start. */
export const batchOpenedUpdate = defineUpdate<ConsultationBatchResult>('batchOpened');
