// The caller's own notifications: warnings and escalations that reached them (domain/escalation.ts).
import { P, R, authed, ok } from '../contract';
import { NotificationListQuery, NotificationParams } from '../schemas';
import { route } from './route';

const SCOPE = 'The caller’s own notifications only; another person’s is 404';

export const NOTIFICATION_ROUTES = [
  route({
    operationId: 'listNotifications',
    method: 'get',
    path: '/api/v1/notifications',
    summary: '我的通知 The caller’s notifications, newest first (`unread=true`: only those not yet acknowledged), with a cursor',
    tags: ['Notifications'],
    roles: 'authenticated',
    scope: SCOPE,
    query: NotificationListQuery,
    responses: { 200: ok('A page of notifications', R.NotificationPage), ...authed, 422: P[422] },
    handler: async (c, { notifications }) => {
      c.res.json(await notifications.list(c.principal, c.query()));
    },
  }),
  route({
    operationId: 'acknowledgeNotification',
    method: 'post',
    path: '/api/v1/notifications/{id}/acknowledge',
    summary: '确认已读 Acknowledge a notification (the addressee only; a repeat answers the same). A breach nobody acknowledges in time goes to the task force’s leaders',
    tags: ['Notifications'],
    roles: 'authenticated',
    scope: SCOPE,
    pathParams: NotificationParams,
    responses: { 200: ok('The notification, acknowledged', R.NotificationView), ...authed, 400: P.badPath, 404: P[404] },
    handler: async (c, { notifications }) => {
      c.res.json(await notifications.acknowledge(c.principal, c.path.id));
    },
  }),
];
