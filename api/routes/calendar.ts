// Calendar answers (which days are working days, when a period ends) and, for operators,
// loading a year's notice. Without a Temporal client a load cannot reach running cases (503).
import { B, P, R, authed, ok, problem, withBody } from '../contract';
import { DaysQuery, DeadlineQuery, LoadQuery, YearParams } from '../schemas';
import { route } from './route';

export const CALENDAR_ROUTES = [
  route({
    operationId: 'calendarDays',
    method: 'get',
    path: '/api/v1/calendar/days',
    summary: '工作日历 Working, rest and holiday days in a range (at most 366 days)',
    tags: ['Calendar'],
    roles: 'authenticated',
    query: DaysQuery,
    responses: { 200: ok('The days', R.CalendarDays), ...authed, 422: P[422] },
    handler: async (c, { calendar }) => {
      c.res.json(await calendar.days(c.query()));
    },
  }),
  route({
    operationId: 'calendarDeadline',
    method: 'get',
    path: '/api/v1/calendar/deadline',
    summary: '期限计算 When a number of working days from an instant ends, with the reasons',
    tags: ['Calendar'],
    roles: 'authenticated',
    query: DeadlineQuery,
    responses: { 200: ok('The deadline', R.Deadline), ...authed, 422: P[422] },
    handler: async (c, { calendar }) => {
      c.res.json(await calendar.deadline(c.query()));
    },
  }),
  route({
    operationId: 'loadCalendarYear',
    method: 'put',
    path: '/api/v1/calendar/years/{year}',
    summary: '载入节假日安排 Load a year’s State Council notice; running cases re-plan (?preview=true only shows what would change)',
    tags: ['Calendar'],
    roles: ['operator'],
    pathParams: YearParams,
    query: LoadQuery,
    body: B.CalendarNoticeBody,
    responses: {
      200: ok('A preview (preview: true) or the load’s outcome', R.CalendarYearResult),
      ...withBody,
      403: P[403],
      503: problem('The API has no Temporal client, so running cases cannot be reached'),
    },
    handler: async (c, { calendarYears }) => {
      const { year } = c.params();
      const { preview } = c.query();
      c.res.json(await calendarYears.load(year, c.body(), { preview: preview === 'true', actor: c.principal.sub }));
    },
  }),
];
