import { defineSearchAttributeKey, type SearchAttributePair } from '@temporalio/common';

// What operators filter cases on in Temporal UI. Never name one `Status`:
// the UI hides it behind the built-in execution status.
export const CaseStage = defineSearchAttributeKey('CaseStage', 'KEYWORD');
export const SlaState = defineSearchAttributeKey('SlaState', 'KEYWORD');
export const Street = defineSearchAttributeKey('Street', 'KEYWORD');
export const Bank = defineSearchAttributeKey('Bank', 'KEYWORD');
export const Product = defineSearchAttributeKey('Product', 'KEYWORD');
export const AmountFen = defineSearchAttributeKey('AmountFen', 'INT');
export const DueAt = defineSearchAttributeKey('DueAt', 'DATETIME');

/** Branches still open (GRID_SUBMISSION, BANK_VIP_CHANNEL, DUE_DILIGENCE): "who is holding the case up". */
export const BranchesOpen = defineSearchAttributeKey('BranchesOpen', 'KEYWORD_LIST');
/** Since when the clock has waited for the firm (SlaState PAUSED); empty when it runs. */
export const PausedSince = defineSearchAttributeKey('PausedSince', 'DATETIME');
/** Due instants missed so far (branches and the promise). */
export const SlaBreaches = defineSearchAttributeKey('SlaBreaches', 'INT');

/** Joint consultations: the batch a consultation belongs to. */
export const ConsultationBatch = defineSearchAttributeKey('ConsultationBatch', 'KEYWORD');
/** Both ends of a consultation's link: on a consultation the case its accepted plan opened, on that case the consultation. */
export const ConsultationLink = defineSearchAttributeKey('ConsultationLink', 'KEYWORD');

export const ALL_SEARCH_ATTRIBUTES = [CaseStage, SlaState, Street, Bank, Product, AmountFen, DueAt, PausedSince, BranchesOpen, SlaBreaches, ConsultationBatch, ConsultationLink];

/** What a new case carries from its start, before its workflow updates stage and SLA state. */
export function openingSearchAttributes(c: { product: 'FAST_TRACK' | 'SCI_TECH'; streetCode: string; bankCode: string; amountFen: number }): SearchAttributePair[] {
  return [
    { key: CaseStage, value: 'ACCEPTED' },
    { key: SlaState, value: 'ON_TRACK' },
    { key: Street, value: c.streetCode },
    { key: Bank, value: c.bankCode },
    { key: Product, value: c.product },
    { key: AmountFen, value: c.amountFen },
  ];
}

/** What a new joint consultation carries from its start, before its workflow updates stage and SLA state. */
export function openingConsultationAttributes(c: { reasons?: readonly unknown[]; refused: { bankCode: string; amountFen: number } }, streetCode: string): SearchAttributePair[] {
  return [
    { key: CaseStage, value: c.reasons?.length ? 'REASONS_RECORDED' : 'OPENED' },
    { key: SlaState, value: 'ON_TRACK' },
    { key: Street, value: streetCode },
    { key: Bank, value: c.refused.bankCode },
    { key: Product, value: 'JOINT_CONSULTATION' },
    { key: AmountFen, value: c.refused.amountFen },
  ];
}
