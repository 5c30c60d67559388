// Who hears about a deadline: the three-level network (专班 — 街道 — 银行) as notice
// audiences. A deadline AT_RISK warns the people who can still act; a breach goes to whoever
// holds the work, their street office and bank, and the task force's general coordination group
// (综合协调组) for supervision (督办). A breach nobody acknowledges in time goes one level up,
// to the task force's leaders. Audiences name groups; they are resolved to people at delivery.

/** The task force office (专班办公室): everyone with the task_force role. */
export const TASK_FORCE = 'TASK_FORCE';
/** The task force's general coordination group, which supervises every breach. */
export const COORDINATION_GROUP = 'TASK_FORCE:综合协调组';
/** The task force's leaders (专班负责人): a breach nobody acknowledged reaches them. */
export const TASK_FORCE_LEADERS = 'TASK_FORCE:专班负责人';
/** The task force's named groups a person can be put in (staff_member.groups), beyond their role. */
export const STAFF_GROUPS = [COORDINATION_GROUP, TASK_FORCE_LEADERS] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

/**
 * Why a person may not be put in these groups, or undefined: the task force's groups are its own
 * members', so no bank or street account receives every district escalation by a group entry.
 */
export function staffGroupsProblem(role: string, groups: readonly StaffGroup[]): string | undefined {
  if (groups.length > 0 && role !== 'task_force') return `only task force members (role task_force) belong to the task force's groups; this person is ${role}`;
  return undefined;
}

/** A street's economic-service office (街道经济服务办公室): its case officers. */
export const streetOffice = (streetCode: string): string => `STREET_OFFICE:${streetCode}`;
/** A bank's people on the case (customer managers, credit approvers). */
export const bankAudience = (bankCode: string): string => `BANK:${bankCode}`;

/** A wait for the firm past the policy's limit: supervised like a breach, by the coordination group with the street. */
const pauseTooLong = (streetCode: string) => [COORDINATION_GROUP, streetOffice(streetCode)];

/**
 * Who is told, for each product, when its deadline turns AT_RISK or is breached. Order is kept:
 * it is the notice's audience as stored. Any entry that is not a group names a person (an
 * assignee); a placeholder nobody holds (`grid-officer@lujiang`) reaches nobody.
 */
export const ESCALATION = {
  fastTrack: {
    atRisk: (streetCode: string) => [streetOffice(streetCode), TASK_FORCE],
    breached: (assignee: string, streetCode: string, bankCode: string) => [COORDINATION_GROUP, assignee, streetOffice(streetCode), bankAudience(bankCode)],
    pauseTooLong,
  },
  sciTech: {
    /** `holder` is whoever holds the case up: the valuation service, the approver or the bank. */
    atRisk: (holder: string, streetCode: string) => [holder, streetOffice(streetCode), TASK_FORCE],
    breached: (holder: string, streetCode: string, bankCode: string) => [COORDINATION_GROUP, holder, streetOffice(streetCode), bankAudience(bankCode)],
  },
  consultation: {
    /** `bankCode` is the plan's bank once there is a plan, otherwise the bank that refused. */
    atRisk: (bankCode: string) => [TASK_FORCE, bankAudience(bankCode)],
    breached: (streetCode: string) => [COORDINATION_GROUP, streetOffice(streetCode)],
    pauseTooLong,
  },
  lead: {
    /** The owner still has time to call the firm; their street office hears too. */
    atRisk: (owner: string, streetCode: string) => [owner, streetOffice(streetCode)],
    breached: (owner: string, streetCode: string) => [COORDINATION_GROUP, owner, streetOffice(streetCode)],
  },
  /** The firm's confirmation of its contract (domain/contractConfirmation.ts): the firm and its bank are reminded; a late one goes to the street office and the bank. */
  contractConfirmation: {
    atRisk: (creditCode: string, bankCode: string) => [firmAudience(creditCode), bankAudience(bankCode)],
    breached: (streetCode: string, bankCode: string) => [streetOffice(streetCode), bankAudience(bankCode)],
  },
  /** A breach nobody acknowledged within UNACKNOWLEDGED_BREACH_WORKING_MS: one level up. */
  unacknowledged: () => [TASK_FORCE_LEADERS],
} as const;

/**
 * How long a breach may go unacknowledged before it goes to the task force's leaders: four
 * working hours, on the working-time calendar (rest days do not count), so a breach at midnight
 * before a holiday weekend reaches the leaders in the working morning after it, not on Sunday.
 */
export const UNACKNOWLEDGED_BREACH_WORKING_MS = 4 * 60 * 60 * 1000;

/** A member of the staff directory as audiences are resolved against it (active members only). */
export interface StaffEntry {
  id: string;
  role: string;
  streetCode: string | null;
  bankCode: string | null;
  /** Named groups the member belongs to, e.g. COORDINATION_GROUP. */
  groups: readonly string[];
}

/** The roles a group reaches: a street office is its case officers, a bank its managers and approvers. */
const STREET_OFFICE_ROLES = ['case_officer'];
const BANK_ROLES = ['customer_manager', 'credit_approver'];

/**
 * A firm's own audience, by its credit code: the firm as a whole (whichever of its accounts signs
 * in reads it). A firm is not in the staff directory, so the entry is its own recipient.
 */
export const firmAudience = (creditCode: string): string => `FIRM:${creditCode}`;

/** Whether one directory member belongs to one audience entry. */
function belongs(m: StaffEntry, entry: string): boolean {
  const [kind, code] = splitEntry(entry);
  switch (kind) {
    case 'TASK_FORCE':
      return code === undefined ? m.role === 'task_force' : m.groups.includes(entry);
    case 'STREET_OFFICE':
      return STREET_OFFICE_ROLES.includes(m.role) && m.streetCode === code;
    case 'BANK':
      return BANK_ROLES.includes(m.role) && m.bankCode === code;
    default:
      return m.id === entry;
  }
}

function splitEntry(entry: string): [string, string | undefined] {
  const i = entry.indexOf(':');
  const kind = i < 0 ? entry : entry.slice(0, i);
  if (kind === 'TASK_FORCE' || kind === 'STREET_OFFICE' || kind === 'BANK') return [kind, i < 0 ? undefined : entry.slice(i + 1)];
  return ['PERSON', entry];
}

/**
 * The people an audience reaches, each once, with the first entry that reached them (what the
 * notification says they got it as), in the audience's order.
 */
export function resolveAudience(audience: readonly string[], staff: readonly StaffEntry[]): { staffId: string; via: string }[] {
  const reached = new Map<string, string>();
  for (const entry of audience) {
    if (entry.startsWith(firmAudience(''))) reached.set(entry, entry);
    else for (const m of staff) if (!reached.has(m.id) && belongs(m, entry)) reached.set(m.id, entry);
  }
  return [...reached].map(([staffId, via]) => ({ staffId, via }));
}
