// The staff directory's notice groups: who the task force's coordination group and leaders are,
// so escalations (domain/escalation.ts) reach the right people.
import { B, P, R, authed, ok, withBody } from '../contract';
import { StaffListQuery, StaffParams } from '../schemas';
import { route } from './route';

export const STAFF_ROUTES = [
  route({
    operationId: 'listStaff',
    method: 'get',
    path: '/api/v1/staff',
    summary: '人员与通知组 The staff directory with each person’s notice groups (`group=` only that group’s members)',
    tags: ['Staff'],
    // Who hears of every breach is the task force's to know and the operators' to keep.
    roles: ['task_force', 'operator'],
    scope: 'The whole directory',
    query: StaffListQuery,
    responses: { 200: ok('The directory, by id', R.StaffList), ...authed, 403: P[403], 422: P[422] },
    handler: async (c, { staff }) => {
      c.res.json(await staff.list(c.query()));
    },
  }),
  route({
    operationId: 'setStaffGroups',
    method: 'put',
    path: '/api/v1/staff/{id}/groups',
    summary: '设置通知组 Set a person’s task force groups (综合协调组, 专班负责人); from the next notice on, escalations reach them through these',
    tags: ['Staff'],
    roles: ['operator'],
    scope: 'Only task force members belong to its groups. Each change is on the audit trail (STAFF_GROUPS_CHANGED)',
    pathParams: StaffParams,
    body: B.StaffGroupsBody,
    responses: { 200: ok('The person with their groups', R.StaffMember), ...withBody, 403: P[403], 404: P[404] },
    handler: async (c, { staff }) => {
      c.res.json(await staff.setGroups(c.principal, c.path.id, c.body()));
    },
  }),
];
