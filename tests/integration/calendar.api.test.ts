import request from 'supertest';
import { bearer } from '../support/auth';
import { useStack } from '../support/stack';

const stack = useStack();
let token: string;
beforeAll(async () => {
  token = await bearer('manager');
});

describe('GET /api/v1/calendar/deadline', () => {
  it('skips the National Day week and counts its make-up Saturday for a case accepted the day before', async () => {
    const res = await request(stack.app)
      .get('/api/v1/calendar/deadline').set('authorization', token)
      .query({ acceptedAt: '2026-09-30T10:00:00+08:00', workingDays: 5 })
      .expect(200);
    // Counted: 10-08, 10-09, 10-10 (调休上班 Saturday), 10-12, 10-13; due at 24:00 Shanghai time.
    expect(res.body).toMatchObject({ dueAt: '2026-10-13T16:00:00.000Z', dueDate: '2026-10-13', provisional: false });
    expect(res.body.explanation.counted).toEqual(['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13']);
    const skipped = res.body.explanation.skipped.map((s: { date: string }) => s.date);
    expect(skipped).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11']);
    expect(res.body.explanation.skipped[0].reason).toMatch(/^国庆节/);
  });

  it('marks a deadline that crosses into a year without a notice as provisional, still skipping its New Year', async () => {
    const res = await request(stack.app)
      .get('/api/v1/calendar/deadline').set('authorization', token)
      .query({ acceptedAt: '2026-12-28T09:00:00+08:00', workingDays: 5 })
      .expect(200);
    expect(res.body).toMatchObject({ dueAt: '2027-01-05T16:00:00.000Z', provisional: true });
    expect(res.body.explanation.counted).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05']);
  });

  it('in a year without a notice, skips the substitute rest day art. 6 gives for New Year on a Saturday', async () => {
    const res = await request(stack.app)
      .get('/api/v1/calendar/deadline').set('authorization', token)
      .query({ acceptedAt: '2027-12-31T09:00:00+08:00', workingDays: 1 })
      .expect(200);
    // 2028-01-01 Saturday (元旦), 01-02 Sunday, 01-03 its substitute: due the end of Tuesday 01-04.
    expect(res.body).toMatchObject({ dueDate: '2028-01-04', dueAt: '2028-01-04T16:00:00.000Z', provisional: true });
    expect(res.body.explanation.skipped.map((d: { date: string }) => d.date)).toEqual(['2028-01-01', '2028-01-02', '2028-01-03']);
    expect(res.body.explanation.skipped[2].reason).toMatch(/^节日逢周末补假（未发布年度安排，暂定）.*元旦补假/);
  });

  it('ends at close of business when asked', async () => {
    const res = await request(stack.app)
      .get('/api/v1/calendar/deadline').set('authorization', token)
      .query({ acceptedAt: '2026-11-27T09:00:00+08:00', workingDays: 1, closeOfBusiness: '17:30' })
      .expect(200);
    expect(res.body.dueAt).toBe('2026-11-30T09:30:00.000Z');
  });

  it.each([
    [{ workingDays: 5 }, 'acceptedAt'],
    [{ acceptedAt: '2026-09-30T10:00:00', workingDays: 5 }, 'acceptedAt'],
    [{ acceptedAt: 'yesterday', workingDays: 5 }, 'acceptedAt'],
    [{ acceptedAt: '2026-09-30T10:00:00+08:00', workingDays: 0 }, 'workingDays'],
    [{ acceptedAt: '2026-09-30T10:00:00+08:00', workingDays: 2.5 }, 'workingDays'],
    [{ acceptedAt: '2026-09-30T10:00:00+08:00', workingDays: 5, closeOfBusiness: '25:00' }, 'closeOfBusiness'],
    [{ acceptedAt: '2026-09-30T10:00:00+08:00', workingDays: 5, extra: 1 }, 'extra'],
  ])('answers 422 for %j naming %s', async (query, field) => {
    const res = await request(stack.app).get('/api/v1/calendar/deadline').set('authorization', token).query(query).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('GET /api/v1/calendar/days', () => {
  it('shows the 2026 Spring Festival with both make-up Saturdays as working days', async () => {
    const res = await request(stack.app).get('/api/v1/calendar/days').set('authorization', token).query({ from: '2026-02-13', to: '2026-03-01' }).expect(200);
    const kinds = Object.fromEntries(res.body.days.map((d: { date: string; kind: string }) => [d.date, d.kind]));
    expect(kinds['2026-02-14']).toBe('WORKING');
    for (let day = 15; day <= 23; day++) expect(kinds[`2026-02-${day}`]).toBe('HOLIDAY');
    expect(kinds['2026-02-24']).toBe('WORKING');
    expect(kinds['2026-02-28']).toBe('WORKING');
    expect(kinds['2026-03-01']).toBe('REST');
    expect(res.body.provisional).toBe(false);
    expect(res.body.days.find((d: { date: string }) => d.date === '2026-02-17')).toMatchObject({ holiday: '春节', source: 'NOTICE' });
  });

  it('flags a year without a notice as provisional', async () => {
    const res = await request(stack.app).get('/api/v1/calendar/days').set('authorization', token).query({ from: '2027-01-01', to: '2027-01-01' }).expect(200);
    expect(res.body).toMatchObject({ provisional: true, days: [{ date: '2027-01-01', kind: 'HOLIDAY', provisional: true }] });
    const festival = await request(stack.app).get('/api/v1/calendar/days').set('authorization', token).query({ from: '2027-02-08', to: '2027-02-11' }).expect(200);
    expect(festival.body.days.map((d: { date: string; kind: string; source: string }) => [d.date, d.kind, d.source])).toEqual([
      ['2027-02-08', 'HOLIDAY', 'STATUTORY_PROVISIONAL'],
      ['2027-02-09', 'HOLIDAY', 'SUBSTITUTE_PROVISIONAL'],
      ['2027-02-10', 'HOLIDAY', 'SUBSTITUTE_PROVISIONAL'],
      ['2027-02-11', 'WORKING', 'WEEKDAY'],
    ]);
  });

  it.each([
    [{ from: '2026-03-01', to: '2026-02-01' }, 'to'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '2025-01-01', to: '2026-06-01' }, 'to'],
    [{ from: '1850-01-01', to: '1850-01-02' }, 'from'],
    [{ to: '2026-03-01' }, 'from'],
  ])('answers 422 for %j naming %s', async (query, field) => {
    const res = await request(stack.app).get('/api/v1/calendar/days').set('authorization', token).query(query).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
