import { defineSearchAttributeKey } from '@temporalio/common';

// What operators filter cases on in Temporal UI. Never name one `Status`:
// the UI hides it behind the built-in execution status.
export const CaseStage = defineSearchAttributeKey('CaseStage', 'KEYWORD');
export const SlaState = defineSearchAttributeKey('SlaState', 'KEYWORD');
export const Street = defineSearchAttributeKey('Street', 'KEYWORD');
export const Bank = defineSearchAttributeKey('Bank', 'KEYWORD');
export const Product = defineSearchAttributeKey('Product', 'KEYWORD');
export const AmountFen = defineSearchAttributeKey('AmountFen', 'INT');
export const DueAt = defineSearchAttributeKey('DueAt', 'DATETIME');

export const ALL_SEARCH_ATTRIBUTES = [CaseStage, SlaState, Street, Bank, Product, AmountFen, DueAt];
