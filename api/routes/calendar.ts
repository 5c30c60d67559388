// Calendar answers (which days are working days, when a period ends) and, for operators,
// loading a year's notice, as JSON or as the notice's text (previewed first). Without a
// Temporal client a load cannot reach running cases (503).
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
    summary: '载入节假日安排 Load a year’s State Council notice, as the arrangement or as its text; running cases re-plan (?preview=true only shows what would change)',
    tags: ['Calendar'],
    roles: ['operator'],
    pathParams: YearParams,
    query: LoadQuery,
    body: B.CalendarYearBody,
    // The arrangement as JSON, or the notice's text (read as the text preview reads it).
    variants: { ARRANGEMENT: { body: B.CalendarNoticeBody }, TEXT: { body: B.CalendarNoticeTextBody } },
    responses: {
      200: ok('A preview (preview: true) or the load’s outcome', R.CalendarYearResult),
      ...withBody,
      403: P[403],
      503: problem('The API has no Temporal client, so running cases cannot be reached'),
    },
    handler: async (c, { calendarYears }) => {
      const { year } = c.params();
      const { preview } = c.query();
      const sent: unknown = c.req.body;
      const body = typeof sent === 'object' && sent !== null && 'text' in sent ? c.bodyOf('TEXT') : c.bodyOf('ARRANGEMENT');
      c.res.json(await calendarYears.load(year, body, { preview: preview === 'true', actor: c.principal.sub }));
    },
  }),
  route({
    operationId: 'previewCalendarNoticeText',
    method: 'post',
    path: '/api/v1/calendar/years/{year}/notice-text',
    summary: '预览通知文本 Read a pasted State Council notice: its rest blocks, make-up working days and unread sentences, and what loading it would move (nothing is written)',
    tags: ['Calendar'],
    roles: ['operator'],
    pathParams: YearParams,
    body: B.CalendarNoticeTextBody,
    responses: { 200: ok('What the text says and, when it would load, what would move', R.CalendarNoticeTextPreview), ...withBody, 403: P[403] },
    handler: async (c, { calendarYears }) => {
      const { year } = c.params();
      c.res.json(await calendarYears.previewText(year, c.body()));
    },
  }),
];
