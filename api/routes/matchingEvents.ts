// Bank–enterprise matching events (银企对接会, api/services/matchingEvents.ts): scheduled by the
// task force or its survey group, firms registered, each meeting's outcome recorded, and a report.
import { EVENT_ORGANISERS as ORGANISERS, EVENT_READERS, OUTCOME_RECORDERS } from '../../domain/surveyNetwork';
import { B, P, R, authed, firmCodeWithBody, keyedCreate, ok } from '../contract';
import { IdempotencyKeyHeader, MatchingEventParams } from '../schemas';
import { route } from './route';

const REACH = 'The district’s roles see every event, a bank’s staff the events their bank attends; any other is 404';

export const MATCHING_EVENT_ROUTES = [
  route({
    operationId: 'scheduleMatchingEvent',
    method: 'post',
    path: '/api/v1/matching-events',
    summary: '银企对接会 Schedule a bank–enterprise matching event at a place, with the banks attending',
    tags: ['Matching events'],
    roles: ORGANISERS,
    scope: 'Audited. With an Idempotency-Key a repeat answers the same event (200)',
    headers: IdempotencyKeyHeader,
    body: B.MatchingEventBody,
    responses: { ...keyedCreate(R.MatchingEventView, 'Scheduled', 'event', 'matching-event-in-progress'), 403: P[403] },
    handler: async (c, { matchingEvents }) => {
      const r = await matchingEvents.schedule(c.caller, c.body());
      c.res.status(r.created ? 201 : 200).json(r.view);
    },
  }),
  route({
    operationId: 'listMatchingEvents',
    method: 'get',
    path: '/api/v1/matching-events',
    summary: '银企对接会列表 The matching events the caller sees, latest first, with how many firms registered and meetings held',
    tags: ['Matching events'],
    roles: EVENT_READERS,
    scope: REACH,
    responses: { 200: ok('The events', R.MatchingEventList), ...authed, 403: P[403] },
    handler: async (c, { matchingEvents }) => {
      c.res.json(await matchingEvents.list(c.caller));
    },
  }),
  route({
    operationId: 'getMatchingEvent',
    method: 'get',
    path: '/api/v1/matching-events/{id}',
    summary: '银企对接会 An event with its registered firms and each meeting’s outcome',
    tags: ['Matching events'],
    roles: EVENT_READERS,
    scope: REACH,
    pathParams: MatchingEventParams,
    responses: { 200: ok('The event', R.MatchingEventView), ...authed, 403: P[403], 404: P[404], 422: P[422] },
    audit: { action: 'MATCHING_EVENT_READ', subject: (path) => `matching-event:${path.id}` },
    handler: async (c, { matchingEvents }) => {
      c.res.json(await matchingEvents.view(c.caller, c.params().id));
    },
  }),
  route({
    operationId: 'registerMatchingFirm',
    method: 'post',
    path: '/api/v1/matching-events/{id}/registrations',
    summary: '企业报名 Register a firm for an event with its street (again with the same credit code: change its name or street, or mark that it came)',
    tags: ['Matching events'],
    roles: ORGANISERS,
    scope: `${REACH}. Audited`,
    pathParams: MatchingEventParams,
    headers: IdempotencyKeyHeader,
    body: B.MatchingRegistrationBody,
    responses: {
      201: ok('Registered', R.MatchingRegistrationView),
      200: ok('Registered before; changed as asked', R.MatchingRegistrationView),
      ...firmCodeWithBody,
      403: P[403],
      404: P[404],
    },
    handler: async (c, { matchingEvents }) => {
      const event = await matchingEvents.inReach(c.caller, c.params().id);
      const r = await matchingEvents.register(c.caller, event, c.body());
      c.res.status(r.created ? 201 : 200).json(r.view);
    },
  }),
  route({
    operationId: 'recordMatchingOutcome',
    method: 'post',
    path: '/api/v1/matching-events/{id}/outcomes',
    summary: '对接结果 Record a meeting’s outcome (firm × bank): a note, or the firm’s need as a visit records it, which opens a lead in the firm’s street',
    tags: ['Matching events'],
    roles: OUTCOME_RECORDERS,
    scope: `${REACH}; a customer manager records their own bank’s meetings only. The firm must be registered (with its street, for a need) and the bank attend. With an Idempotency-Key a repeat answers the same outcome (200). Audited`,
    pathParams: MatchingEventParams,
    headers: IdempotencyKeyHeader,
    body: B.MatchingOutcomeBody,
    responses: { ...keyedCreate(R.MatchingOutcomeView, 'Recorded', 'outcome', 'matching-outcome-in-progress'), 403: P[403], 404: P[404] },
    handler: async (c, { matchingEvents }) => {
      const event = await matchingEvents.inReach(c.caller, c.params().id);
      const r = await matchingEvents.recordOutcome(c.caller, event, c.body());
      c.res.status(r.created ? 201 : 200).json(r.view);
    },
  }),
  route({
    operationId: 'getMatchingEventReport',
    method: 'get',
    path: '/api/v1/matching-events/{id}/report',
    summary: '对接会报告 Event report: firms registered and came, meetings, needs found (count and 元), how many became leads, and the cases opened, decided and disbursed (count and 元) those leads became',
    tags: ['Matching events'],
    roles: EVENT_READERS,
    scope: REACH,
    pathParams: MatchingEventParams,
    responses: { 200: ok('The report', R.MatchingEventReport), ...authed, 403: P[403], 404: P[404], 422: P[422] },
    handler: async (c, { matchingEvents }) => {
      c.res.json(await matchingEvents.report(c.caller, c.params().id));
    },
  }),
];
