// Separation of duties: who may hold each branch of a fast-track case and who decides. Pure, so
// the workflows' update validators enforce it where the rule lives; the API only translates.
import type { TaskKind } from './fastTrack/policy';
import type { Role, StaffProfile } from './people';

/** Where a case belongs: a duty's holder must reach it. */
export interface CaseParties {
  streetCode: string;
  bankCode: string;
}

/** The role that holds each branch, and what it must reach. */
export const TASK_HOLDERS: Record<TaskKind, { role: Role; reach: 'street' | 'bank' | 'any'; zh: string; en: string }> = {
  GRID_SUBMISSION: { role: 'grid_officer', reach: 'street', zh: '本街道的网格员', en: "a grid officer of the case's street" },
  BANK_VIP_CHANNEL: { role: 'customer_manager', reach: 'bank', zh: '本案银行的客户经理', en: "a customer manager of the case's bank" },
  DUE_DILIGENCE: { role: 'assessor', reach: 'any', zh: '第三方评估机构', en: 'a third-party assessor' },
};

/** Why this person may not hold this branch of this case, or undefined when they may. */
export function holdRefusal(kind: TaskKind, person: StaffProfile | undefined, c: CaseParties): { zh: string; en: string } | undefined {
  const holder = TASK_HOLDERS[kind];
  const fits =
    person !== undefined &&
    person.role === holder.role &&
    (holder.reach === 'any' || (holder.reach === 'street' ? person.street === c.streetCode : person.bank === c.bankCode));
  return fits ? undefined : { zh: `该环节须由${holder.zh}承担`, en: `${kind} must be held by ${holder.en}` };
}

/** Why this person may not decide this case's credit, or undefined when they may: the bank's credit approver. */
export function decisionRefusal(person: StaffProfile | undefined, c: CaseParties): { zh: string; en: string } | undefined {
  return person?.role === 'credit_approver' && person.bank === c.bankCode
    ? undefined
    : { zh: '授信决定须由本案银行的审批人作出', en: "the credit decision belongs to a credit approver of the case's bank" };
}
