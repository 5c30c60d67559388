// Who hears about a deadline: the three-level network (专班 — 街道 — 银行) as notice
// audiences. A deadline AT_RISK warns the people who can still act; a breach is escalated
// to the task force's general coordination group (综合协调组) for supervision (督办).

/** The task force office (专班办公室). */
export const TASK_FORCE = 'TASK_FORCE';
/** The task force's general coordination group, which supervises every breach. */
export const COORDINATION_GROUP = 'TASK_FORCE:综合协调组';
/** A street's economic-service office (街道经济服务办公室). */
export const streetOffice = (streetCode: string): string => `STREET_OFFICE:${streetCode}`;
/** A bank's people on the case (customer manager, credit approver). */
export const bankAudience = (bankCode: string): string => `BANK:${bankCode}`;

/** Who is told, for each product, when its deadline turns AT_RISK or is breached. Order is kept: it is the notice's audience as stored. */
export const ESCALATION = {
  fastTrack: {
    atRisk: (streetCode: string) => [streetOffice(streetCode), TASK_FORCE],
    breached: (streetCode: string) => [COORDINATION_GROUP, streetOffice(streetCode)],
    /** A pause for the firm past the policy's limit: supervised like a breach. */
    pauseTooLong: (streetCode: string) => [COORDINATION_GROUP, streetOffice(streetCode)],
  },
  sciTech: {
    /** `holder` is whoever holds the case up: the valuation service, the approver or the bank. */
    atRisk: (holder: string, streetCode: string) => [holder, streetOffice(streetCode), TASK_FORCE],
    breached: (streetCode: string, bankCode: string) => [COORDINATION_GROUP, streetOffice(streetCode), bankAudience(bankCode)],
  },
  consultation: {
    /** `bankCode` is the plan's bank once there is a plan, otherwise the bank that refused. */
    atRisk: (bankCode: string) => [TASK_FORCE, bankAudience(bankCode)],
    breached: (streetCode: string) => [COORDINATION_GROUP, streetOffice(streetCode)],
  },
} as const;
