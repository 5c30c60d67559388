// Who a notice reaches: the audience's groups resolved against the staff directory.
import { COORDINATION_GROUP, ESCALATION, TASK_FORCE_LEADERS, firmAudience, resolveAudience, staffGroupsProblem, type StaffEntry } from '../../domain/escalation';

const member = (id: string, role: string, at: { street?: string; bank?: string; groups?: string[] } = {}): StaffEntry => ({
  id,
  role,
  streetCode: at.street ?? null,
  bankCode: at.bank ?? null,
  groups: at.groups ?? [],
});

const STAFF: StaffEntry[] = [
  member('lujiang-officer', 'case_officer', { street: 'lujiang' }),
  member('lianqian-officer', 'case_officer', { street: 'lianqian' }),
  member('lujiang-grid', 'grid_officer', { street: 'lujiang' }),
  member('xib-manager', 'customer_manager', { bank: 'xib' }),
  member('xib-approver', 'credit_approver', { bank: 'xib' }),
  member('ccb-manager', 'customer_manager', { bank: 'ccb' }),
  member('assessor', 'assessor'),
  member('task-force', 'task_force', { groups: [COORDINATION_GROUP] }),
  member('task-force-lead', 'task_force', { groups: [TASK_FORCE_LEADERS] }),
  member('manager', 'manager'),
];

test('a fast-track breach reaches the coordination group, the assignee, the street office and the bank — each person once', () => {
  const audience = ESCALATION.fastTrack.breached('assessor', 'lujiang', 'xib');
  expect(resolveAudience(audience, STAFF)).toEqual([
    { staffId: 'task-force', via: COORDINATION_GROUP },
    { staffId: 'assessor', via: 'assessor' },
    { staffId: 'lujiang-officer', via: 'STREET_OFFICE:lujiang' },
    { staffId: 'xib-manager', via: 'BANK:xib' },
    { staffId: 'xib-approver', via: 'BANK:xib' },
  ]);
});

test('another street’s officer, another bank, the grid officer and the manager are not in a breach’s audience', () => {
  const reached = resolveAudience(ESCALATION.fastTrack.breached('assessor', 'lujiang', 'xib'), STAFF).map((r) => r.staffId);
  for (const id of ['lianqian-officer', 'ccb-manager', 'lujiang-grid', 'manager', 'task-force-lead']) expect(reached).not.toContain(id);
});

test('a person in two of the audience’s groups is told once, as the first group that names them', () => {
  expect(resolveAudience(['BANK:xib', 'xib-manager'], STAFF)).toEqual([
    { staffId: 'xib-manager', via: 'BANK:xib' },
    { staffId: 'xib-approver', via: 'BANK:xib' },
  ]);
});

test('TASK_FORCE is every task-force member; a named group only its members; the leaders hear of an unacknowledged breach', () => {
  expect(resolveAudience(['TASK_FORCE'], STAFF).map((r) => r.staffId)).toEqual(['task-force', 'task-force-lead']);
  expect(resolveAudience(ESCALATION.unacknowledged(), STAFF)).toEqual([{ staffId: 'task-force-lead', via: TASK_FORCE_LEADERS }]);
});

test('a placeholder nobody holds, and an unknown group, reach nobody', () => {
  expect(resolveAudience(['grid-officer@lujiang', 'STREET_OFFICE:nowhere', 'BANK:nobank', 'TASK_FORCE:无此组'], STAFF)).toEqual([]);
});

test('a sci-tech breach reaches the approver holding it besides the coordination group, the street office and the bank', () => {
  expect(resolveAudience(ESCALATION.sciTech.breached('xib-approver', 'lujiang', 'xib'), STAFF).map((r) => [r.staffId, r.via])).toEqual([
    ['task-force', COORDINATION_GROUP],
    ['xib-approver', 'xib-approver'],
    ['lujiang-officer', 'STREET_OFFICE:lujiang'],
    ['xib-manager', 'BANK:xib'],
  ]);
});

describe('staffGroupsProblem', () => {
  it("puts only the task force's members in its groups; anyone may be taken out of all", () => {
    expect(staffGroupsProblem('task_force', [COORDINATION_GROUP, TASK_FORCE_LEADERS])).toBeUndefined();
    expect(staffGroupsProblem('customer_manager', [TASK_FORCE_LEADERS])).toBe("only task force members (role task_force) belong to the task force's groups; this person is customer_manager");
    expect(staffGroupsProblem('operator', [COORDINATION_GROUP])).toMatch(/this person is operator$/);
    expect(staffGroupsProblem('customer_manager', [])).toBeUndefined();
  });
});

test('a firm is reached as itself by its credit code, never through the staff directory', () => {
  expect(resolveAudience([firmAudience('91350203MA8LQ5W50C'), 'STREET_OFFICE:lianqian'], STAFF)).toEqual([
    { staffId: 'FIRM:91350203MA8LQ5W50C', via: 'FIRM:91350203MA8LQ5W50C' },
    { staffId: 'lianqian-officer', via: 'STREET_OFFICE:lianqian' },
  ]);
});
