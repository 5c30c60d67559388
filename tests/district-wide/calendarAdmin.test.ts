import request from 'supertest';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { statutoryHolidays } from '../../domain/calendar/statutoryHolidays';
import { substituteRestDays } from '../../domain/calendar/substituteRestDays';
import { shanghaiDate, weekday, yearOf } from '../../domain/calendar/timeZone';
import type { YearArrangement } from '../../domain/calendar/types';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

// Loading the current year's notice moves every running case's due in the district, so this
// file runs in the district-wide project, after the others and alone (see jest.config.js):
// while its corrected notice stands, no other test's case may read the calendar.

const stack = useStack();
let operator: string;
beforeAll(async () => {
  operator = await bearer('operator');
});

const body = ({ year: _year, ...rest }: YearArrangement) => rest;
const official = (year: number) => OFFICIAL_NOTICES.find((n) => n.year === year);
const put = (year: number | string, token: string | undefined, payload: unknown, query = '') => {
  const r = request(stack.app).put(`/api/v1/calendar/years/${year}${query}`);
  if (token) r.set('authorization', token);
  return r.send(payload as object);
};

/** A plausible notice for a year without one: the provisional calendar's rest days (statutory and substitute), each its own block. */
function statutoryNotice(year: number): YearArrangement {
  const days = [...statutoryHolidays(year), ...substituteRestDays(year)].map((d) => ({ name: d.name, nameEn: d.nameEn, from: d.date, to: d.date }));
  return {
    year,
    notice: { title: `测试通知 ${year} test notice`, documentNo: `测试〔${year - 1}〕1号`, publishedOn: `${year - 1}-11-01` },
    holidays: days.sort((a, b) => (a.from < b.from ? -1 : 1)),
    makeupWorkdays: [],
  };
}

describe('PUT /api/v1/calendar/years/:year: who may', () => {
  const notice = body(official(2026)!);
  it('needs a token (401) and the operator role (403)', async () => {
    await put(2026, undefined, notice).expect(401);
    for (const user of ['manager', 'lujiang-officer', 'xib-manager']) {
      const res = await put(2026, await bearer(user), notice).expect(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});

describe('PUT /api/v1/calendar/years/:year: invalid notices are 422 naming the field', () => {
  const base = body(official(2026)!);
  it.each<[string, unknown, string, number | string]>([
    ['make-up day not on a weekend', { ...base, makeupWorkdays: ['2026-03-04'] }, 'makeupWorkdays[0]', 2026],
    ['date outside the year', { ...base, holidays: [...base.holidays, { name: '测试', nameEn: 'test', from: '2027-03-03', to: '2027-03-03' }] }, `holidays[${base.holidays.length}].from`, 2026],
    ['overlapping holidays', { ...base, holidays: [...base.holidays, { name: '测试', nameEn: 'test', from: base.holidays[0]!.to, to: base.holidays[0]!.to }] }, `holidays[${base.holidays.length}]`, 2026],
    ['unknown field', { ...base, source: 'me' }, 'source', 2026],
    ['unknown field in a holiday', { ...base, holidays: [{ ...base.holidays[0], days: 3 }] }, 'holidays.0.days', 2026],
    ['malformed date', { ...base, makeupWorkdays: ['2026-02-30'] }, 'makeupWorkdays.0', 2026],
    ['missing notice', { holidays: [], makeupWorkdays: [] }, 'notice', 2026],
    ['year out of range', base, 'year', 2099],
    ['year not a number', base, 'year', 'twenty'],
  ])('%s', async (_what, payload, field, year) => {
    const before = await stack.db.calendarYear.findUnique({ where: { year: 2026 } });
    const res = await put(year, operator, payload).expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await stack.db.calendarYear.findUnique({ where: { year: 2026 } })).toEqual(before);
  });
});

describe('loading a notice moves running cases', () => {
  it('previews without writing, loads with an audit, records the reason on the case, and a repeat changes nothing', async () => {
    const officer = await bearer('lujiang-officer');
    const created = await request(stack.app)
      .post('/api/v1/cases')
      .set('authorization', officer)
      .send({ firmName: '厦门日历测试有限公司', creditCode: validSimingCode('CA1ENDA7'), street: 'lujiang', bank: 'xib', amount: '1000000.00', purpose: '日历测试 calendar test' })
      .expect(201);
    const id: string = created.body.id;
    const dueBefore: string = created.body.dueAt;
    const accYear = yearOf(shanghaiDate(new Date(created.body.acceptedAt)));

    // The days the promise counts; a holiday on a plain weekday among them must move the due.
    const deadline = await request(stack.app).get('/api/v1/calendar/deadline').set('authorization', operator).query({ acceptedAt: created.body.acceptedAt, workingDays: 5 }).expect(200);
    const extra = (deadline.body.explanation.counted as string[]).find((d) => weekday(d) >= 1 && weekday(d) <= 5);
    if (!extra) throw new Error('five counted working days always include a weekday');
    // The year of that day: a seeded notice, or (late in December, or after 2026) a year without one,
    // which the test loads as its statutory holidays and removes again afterwards.
    const noticeYear = yearOf(extra);
    const original = official(noticeYear) ?? statutoryNotice(noticeYear);
    const corrected: YearArrangement = {
      ...original,
      notice: { ...original.notice, documentNo: `${original.notice.documentNo}（更正 corrected）` },
      holidays: [...original.holidays, { name: '测试休息日', nameEn: 'test rest day', from: extra, to: extra }].sort((a, b) => (a.from < b.from ? -1 : 1)),
    };

    // Preview: the next year (no notice seeded) and the correction; nothing is written.
    const nextYear = statutoryNotice(accYear + 1);
    const rowsBefore = await stack.db.calendarYear.findMany({ where: { year: { in: [accYear, accYear + 1] } } });
    const previewNext = await put(accYear + 1, operator, body(nextYear), '?preview=true').expect(200);
    expect(previewNext.body).toMatchObject({ year: accYear + 1, preview: true });
    expect(Array.isArray(previewNext.body.changes)).toBe(true);
    const preview = await put(noticeYear, operator, body(corrected), '?preview=true').expect(200);
    expect(preview.body.changes).toEqual([{ date: extra, before: 'WORKING', after: 'HOLIDAY', afterHoliday: '测试休息日' }]);
    const previewed = preview.body.cases.find((c: { id: string }) => c.id === id);
    expect(previewed).toMatchObject({ id, dueBefore });
    expect(new Date(previewed.dueAfter).getTime()).toBeGreaterThan(new Date(dueBefore).getTime());
    expect(await stack.db.calendarYear.findMany({ where: { year: { in: [noticeYear, noticeYear + 1] } } })).toEqual(rowsBefore);
    expect((await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } })).dueAt?.toISOString()).toBe(dueBefore);

    const seeded = rowsBefore.find((r) => r.year === noticeYear);
    try {
      const loaded = await put(noticeYear, operator, body(corrected)).expect(200);
      expect(loaded.body).toMatchObject({ year: noticeYear, stored: true, changes: preview.body.changes });
      const moved = loaded.body.cases.find((c: { id: string }) => c.id === id);
      expect(moved).toEqual({ id, dueBefore, dueAfter: previewed.dueAfter });

      const row = await stack.db.calendarYear.findUniqueOrThrow({ where: { year: noticeYear } });
      expect(row).toMatchObject({ source: 'operator', loadedBy: 'operator' });
      const audit = await stack.db.auditEntry.findFirst({ where: { subject: `calendar:${noticeYear}`, action: 'CALENDAR_YEAR_LOADED' }, orderBy: { id: 'desc' } });
      expect(audit).toMatchObject({ actor: 'operator', after: corrected, ...(seeded ? { before: original } : {}) });

      // The case applies the signal on its own worker, moments later.
      const view = await eventually(async () => {
        const res = await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', await bearer('manager')).expect(200);
        expect(res.body.events.map((e: { type: string }) => e.type)).toContain('DUES_RECOMPUTED');
        return res;
      });
      expect(view.body.dueAt).toBe(moved.dueAfter);
      // The record's next timed change moved with the dues (the API forgot the old one before signalling).
      const warnings = view.body.tasks.map((t: { atRiskAt: string }) => new Date(t.atRiskAt).getTime());
      expect((await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } })).quietUntil?.getTime()).toBe(Math.min(...warnings));
      const recomputed = view.body.events.filter((e: { type: string }) => e.type === 'DUES_RECOMPUTED');
      expect(recomputed).toHaveLength(1);
      expect(recomputed[0]).toMatchObject({ actor: 'operator', data: { year: noticeYear, before: { dueAt: dueBefore }, after: { dueAt: moved.dueAfter } } });
      expect(recomputed[0].data.message).toMatch(new RegExp(`^截止时间由 .+ 调整为 .+：已载入 ${noticeYear} 年放假安排 / deadline moved from .+ to .+ because the ${noticeYear} notice was loaded$`));

      // The same PUT again: nothing stored, no case moves, no second event.
      const again = await put(noticeYear, operator, body(corrected)).expect(200);
      expect(again.body).toMatchObject({ stored: false, changes: [] });
      expect(again.body.cases.find((c: { id: string }) => c.id === id)).toBeUndefined();
      const events = await stack.db.caseEvent.findMany({ where: { caseNo: id, type: 'DUES_RECOMPUTED' } });
      expect(events).toHaveLength(1);
    } finally {
      // Restore the seeded notice for the test files running alongside.
      const restored = await put(noticeYear, operator, body(original)).expect(200);
      expect(restored.body.changes).toEqual([{ date: extra, before: 'HOLIDAY', after: 'WORKING', beforeHoliday: '测试休息日' }]);
      if (seeded) await stack.db.calendarYear.update({ where: { year: noticeYear }, data: { source: seeded.source, loadedBy: seeded.loadedBy } });
      else await stack.db.calendarYear.delete({ where: { year: noticeYear } });
    }
    // Restoring the notice moves the case back, once its worker has applied the signal.
    await eventually(async () => {
      const res = await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', operator).expect(200);
      expect(res.body.dueAt).toBe(dueBefore);
    });
  });
});
