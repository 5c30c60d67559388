// The audit trail, for the task force: who changed, read or exported which firm data.
import { P, R, authed, ok } from '../contract';
import { AuditQuery } from '../schemas';
import { route } from './route';

export const AUDIT_ROUTES = [
  route({
    operationId: 'auditTrail',
    method: 'get',
    path: '/api/v1/audit',
    summary: '审计记录 The audit trail, newest first: changes, reads and exports of firm data, by object, person, action and time',
    tags: ['Audit'],
    // The district's oversight of how people handle firm data; operators run the system and are themselves on the trail.
    roles: ['task_force'],
    scope: 'The whole district. Reading the trail is itself on the trail',
    query: AuditQuery,
    responses: { 200: ok('A page of the trail', R.AuditTrailPage), ...authed, 403: P[403], 422: P[422] },
    audit: { action: 'AUDIT_TRAIL_READ', subject: () => 'audit' },
    handler: async (c, { audit }) => {
      c.res.json(await audit.page(c.query()));
    },
  }),
];
